package io.kam.platform.consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.kam.platform.events.DomainEvent;
import io.kam.platform.events.EventCatalog;
import io.kam.platform.events.EventCodec;
import io.kam.platform.events.EventEnvelope;
import io.kam.platform.events.UndecodableEventException;

/**
 * Processes a record at most once per consumer: the event id is recorded in {@code kam_processed_event} in the
 * same transaction as the handler's effect, so a redelivered record is recognised and skipped. Records that can
 * never be processed throw {@link UndecodableEventException}, which the error handler sends straight to the
 * dead-letter topic; other failures roll back and are retried with back-off.
 */
public class IdempotentProcessor {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final EventCodec codec;

    public IdempotentProcessor(JdbcClient jdbc, TransactionTemplate transactions, EventCodec codec) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.codec = codec;
    }

    /**
     * @param consumer the consumer's name; each consumer keeps its own record of what it processed
     */
    public Outcome process(String consumer, EventCatalog catalog, ConsumerRecord<String, String> record, EventHandler handler) {
        EventEnvelope envelope = codec.decode(record.value());
        if (!envelope.subject().equals(record.key())) {
            throw new UndecodableEventException("record key " + record.key() + " is not the event subject " + envelope.subject());
        }
        DomainEvent event = codec.payload(catalog, envelope);
        Outcome outcome = transactions.execute(status -> {
            int recorded = jdbc.sql("""
                            insert into kam_processed_event (consumer, event_id) values (:consumer, :id)
                            on conflict do nothing""")
                    .param("consumer", consumer).param("id", envelope.id()).update();
            if (recorded == 0) {
                return Outcome.DUPLICATE;
            }
            handler.apply(envelope, event);
            return Outcome.APPLIED;
        });
        return outcome;
    }

    /** Forgets what a consumer processed, so that a replay from the beginning applies every event again. */
    public void forget(String consumer) {
        jdbc.sql("delete from kam_processed_event where consumer = :consumer").param("consumer", consumer).update();
    }

    /** What became of a record. */
    public enum Outcome {
        APPLIED,
        DUPLICATE
    }
}
