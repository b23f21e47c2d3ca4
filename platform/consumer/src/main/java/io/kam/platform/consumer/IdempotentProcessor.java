package io.kam.platform.consumer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.listener.BatchListenerFailedException;
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
    public <E extends DomainEvent> Outcome process(String consumer, EventCatalog<E> catalog,
                                                   ConsumerRecord<String, String> record, EventHandler<E> handler) {
        Decoded<E> decoded = decode(catalog, record);
        return transactions.execute(status -> apply(consumer, decoded, handler));
    }

    /**
     * Processes the records of one poll (a batch listener) in a single transaction, which is what makes a
     * projection fast: one query finds which of the poll's events this consumer had already processed, the handler
     * applies the others in the poll's order (an event repeated within the poll once), and one multi-row insert
     * records them as processed just before the commit. Should another transaction have recorded one of them
     * meanwhile (two instances during a rebalance), the insert records fewer rows than applied and the whole poll
     * rolls back. If any record fails, that transaction rolls back and the records are processed again one by one,
     * each in its own transaction, so that those before the culprit stay applied; the culprit is then reported as a
     * {@link BatchListenerFailedException} with its index, for the error handler to retry it or send it to the
     * dead-letter topic while the offsets before it are committed.
     */
    public <E extends DomainEvent> void processAll(String consumer, EventCatalog<E> catalog,
                                                   List<ConsumerRecord<String, String>> records, EventHandler<E> handler) {
        try {
            List<Decoded<E>> decoded = records.stream().map(r -> decode(catalog, r)).toList();
            transactions.executeWithoutResult(status -> applyAll(consumer, decoded, handler));
        } catch (RuntimeException batchFailure) {
            for (int i = 0; i < records.size(); i++) {
                try {
                    process(consumer, catalog, records.get(i), handler);
                } catch (RuntimeException failure) {
                    throw new BatchListenerFailedException(failure.getMessage(), failure, i);
                }
            }
        }
    }

    private <E extends DomainEvent> void applyAll(String consumer, List<Decoded<E>> decoded, EventHandler<E> handler) {
        String[] ids = decoded.stream().map(d -> d.envelope().id().toString()).toArray(String[]::new);
        Set<UUID> seen = new HashSet<>(jdbc.sql("""
                        select event_id from kam_processed_event where consumer = :consumer and event_id = any(:ids::uuid[])""")
                .param("consumer", consumer).param("ids", ids).query(UUID.class).list());
        List<UUID> applied = new ArrayList<>(decoded.size());
        for (Decoded<E> each : decoded) {
            if (seen.add(each.envelope().id())) {
                handler.apply(each.envelope(), each.event());
                applied.add(each.envelope().id());
            }
        }
        if (applied.isEmpty()) {
            return;
        }
        int recorded = jdbc.sql("""
                        insert into kam_processed_event (consumer, event_id)
                        select :consumer, id::uuid from unnest(:ids::text[]) with ordinality as t(id, n) order by n
                        on conflict do nothing""")
                .param("consumer", consumer).param("ids", applied.stream().map(UUID::toString).toArray(String[]::new)).update();
        if (recorded != applied.size()) {
            throw new IllegalStateException((applied.size() - recorded) + " of the poll's " + applied.size()
                    + " events were recorded as processed by another transaction meanwhile");
        }
    }

    /**
     * The record's envelope and its payload as an event of the catalog's contract; anything else (no envelope, a key
     * that is not the subject, a type the contract does not know or of another contract, a payload for another
     * account) can never be processed.
     */
    private <E extends DomainEvent> Decoded<E> decode(EventCatalog<E> catalog, ConsumerRecord<String, String> record) {
        EventEnvelope envelope = codec.decode(record.value());
        if (!envelope.subject().equals(record.key())) {
            throw new UndecodableEventException("record key " + record.key() + " is not the event subject " + envelope.subject());
        }
        DomainEvent decoded = codec.payload(catalog, envelope);
        if (!catalog.eventType().isInstance(decoded)) {
            throw new UndecodableEventException(envelope.type() + " is not an event of " + catalog.topic());
        }
        E event = catalog.eventType().cast(decoded);
        if (!envelope.subject().equals(String.valueOf(event.accountId()))) {
            throw new UndecodableEventException("payload account " + event.accountId() + " is not the event subject "
                    + envelope.subject());
        }
        return new Decoded<>(envelope, event);
    }

    private <E extends DomainEvent> Outcome apply(String consumer, Decoded<E> decoded, EventHandler<E> handler) {
        int recorded = jdbc.sql("""
                        insert into kam_processed_event (consumer, event_id) values (:consumer, :id)
                        on conflict do nothing""")
                .param("consumer", consumer).param("id", decoded.envelope().id()).update();
        if (recorded == 0) {
            return Outcome.DUPLICATE;
        }
        handler.apply(decoded.envelope(), decoded.event());
        return Outcome.APPLIED;
    }

    private record Decoded<E extends DomainEvent>(EventEnvelope envelope, E event) {
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
