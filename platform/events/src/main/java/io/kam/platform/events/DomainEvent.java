package io.kam.platform.events;

/**
 * A fact that happened in a bounded context: an immutable, past-tense record annotated with {@link EventType}.
 * Every event belongs to one account, which becomes the CloudEvents subject and the Kafka record key,
 * so that all events of one account stay in order.
 */
public interface DomainEvent {

    /** The account this event belongs to. */
    java.util.UUID accountId();
}
