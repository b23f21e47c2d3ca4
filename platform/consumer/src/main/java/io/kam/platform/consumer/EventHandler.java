package io.kam.platform.consumer;

import io.kam.platform.events.DomainEvent;
import io.kam.platform.events.EventEnvelope;

/** Applies one decoded event. Runs inside the transaction that also records the event as processed. */
@FunctionalInterface
public interface EventHandler {

    void apply(EventEnvelope envelope, DomainEvent event);
}
