package io.kam.projection.kafka;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.kam.platform.consumer.EventHandler;
import io.kam.platform.consumer.IdempotentProcessor;
import io.kam.platform.events.DomainEvent;
import io.kam.platform.events.EventCatalog;
import io.kam.platform.events.EventEnvelope;

/**
 * What every listener of the projection shares: it feeds one topic's events to its projector a poll at a time, in
 * one transaction, each event at most once (the platform records its id with the effect, under the listener's
 * consumer name) and journaled with its envelope in the same transaction ({@link EventJournal}); events of another
 * contract are refused and end on the topic's dead-letter topic with the reason; a rebuild applies polls through it
 * ({@link #applyPoll}) into tables set aside; and an as-of read replays journaled events through the same projector
 * ({@link #reapply}). @param <E> the contract's sealed event type
 */
public abstract class ReplayableListener<E extends DomainEvent> implements Replayable {

    private final String listenerId;
    private final String consumer;
    private final EventCatalog<E> catalog;
    private final IdempotentProcessor processor;
    private final EventHandler<E> projector;
    private final EventHandler<E> live;
    private final EventJournal journal;

    /**
     * @param listenerId the listener container's id
     * @param consumer   the name under which the platform records what this listener processed
     * @param projector  applies one event of the contract, inside the transaction that records it as processed
     */
    protected ReplayableListener(String listenerId, String consumer, EventCatalog<E> catalog,
                                 IdempotentProcessor processor, EventJournal journal, EventHandler<E> projector) {
        this(listenerId, consumer, catalog, processor, journal, projector, projector);
    }

    /**
     * @param live applies one event of a poll in the poll's transaction, with the same effect as {@code projector}
     *             by the time the transaction commits; it may hold writes back to combine them with the poll's other
     *             events ({@link BeforeCommit}). An as-of read, which reads what it applied in the same transaction,
     *             uses {@code projector}.
     */
    protected ReplayableListener(String listenerId, String consumer, EventCatalog<E> catalog,
                                 IdempotentProcessor processor, EventJournal journal, EventHandler<E> projector,
                                 EventHandler<E> live) {
        this.live = live;
        this.listenerId = listenerId;
        this.consumer = consumer;
        this.catalog = catalog;
        this.processor = processor;
        this.projector = projector;
        this.journal = journal;
    }

    /** Applies a poll (the platform falls back to one record at a time to isolate a failure). */
    protected final void applyAll(List<ConsumerRecord<String, String>> records) {
        processor.processAll(consumer, catalog, records, journal.recording(catalog.topic(), live));
    }

    @Override
    public final void reapply(EventEnvelope envelope) {
        projector.apply(envelope, journal.payload(catalog, envelope));
    }

    @Override
    public final String listenerId() {
        return listenerId;
    }

    @Override
    public final String topic() {
        return catalog.topic();
    }

    @Override
    public final void applyPoll(List<ConsumerRecord<String, String>> records) {
        applyAll(records);
    }
}
