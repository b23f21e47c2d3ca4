package io.kam.platform.consumer;

import io.kam.platform.events.DomainEvent;
import io.kam.platform.events.EventEnvelope;

/**
 * Applies one decoded event of a contract. Runs inside the transaction that also records the event as processed.
 *
 * @param <E> the contract's event type: the platform has already refused anything else
 */
@FunctionalInterface
public interface EventHandler<E extends DomainEvent> {

    void apply(EventEnvelope envelope, E event);
}
