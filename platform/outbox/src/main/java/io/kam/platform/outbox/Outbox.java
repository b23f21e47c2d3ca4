package io.kam.platform.outbox;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.kam.platform.events.DomainEvent;
import io.kam.platform.events.EventCatalog;
import io.kam.platform.events.EventCodec;
import io.kam.platform.events.EventEnvelope;

/**
 * Appends events to the outbox table in the caller's transaction, so that a state change and its events are
 * committed or rolled back together. Use cases call this, never Kafka.
 *
 * <p>Appends for one account are serialised with a transaction-scoped advisory lock on the account id. Outbox
 * sequence numbers of one account therefore follow commit order, which is the order the relay publishes in.
 */
public class Outbox {

    private final JdbcClient jdbc;
    private final EventCodec codec;
    private final Clock clock;

    public Outbox(JdbcClient jdbc, EventCodec codec, Clock clock) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.clock = clock;
    }

    /** Appends one event; returns its envelope. */
    public <E extends DomainEvent> EventEnvelope append(EventCatalog<E> catalog, E event, String actor) {
        return appendAll(catalog, List.of(event), actor).getFirst();
    }

    /** Appends events in the given order; returns their envelopes. */
    public <E extends DomainEvent> List<EventEnvelope> appendAll(EventCatalog<E> catalog, List<? extends E> events,
                                                               String actor) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("events must be appended inside the transaction that changes the state");
        }
        var now = clock.instant();
        List<EventEnvelope> envelopes = events.stream().map(e -> codec.wrap(catalog, e, actor, now)).toList();
        for (String key : new TreeSet<>(envelopes.stream().map(EventEnvelope::subject).toList())) {
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 7))").param("key", key).query().singleRow();
        }
        for (EventEnvelope envelope : envelopes) {
            jdbc.sql("""
                    insert into kam_outbox (event_id, topic, record_key, event_type, envelope)
                    values (:id, :topic, :key, :type, :envelope)""")
                    .params(Map.of("id", envelope.id(), "topic", catalog.topic(), "key", envelope.subject(),
                            "type", envelope.type(), "envelope", codec.encode(envelope)))
                    .update();
        }
        return envelopes;
    }
}
