package io.kam.projection.kafka;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;

import io.kam.platform.consumer.IdempotentProcessor;
import io.kam.platform.events.DomainEvent;
import io.kam.platform.events.EventCatalog;
import io.kam.platform.events.EventEnvelope;
import io.kam.platform.events.UndecodableEventException;

/**
 * What every listener of the projection shares: it feeds one topic's events to its projector a poll at a time, in
 * one transaction, each event at most once (the platform records its id with the effect, under the listener's
 * consumer name); events of another contract are refused and end on the topic's dead-letter topic with the reason;
 * and when a rebuild is pending, it seeks back to the beginning of each partition as it is assigned.
 *
 * @param <E> the contract's sealed event type
 */
public abstract class ReplayableListener<E extends DomainEvent> extends AbstractConsumerSeekAware
        implements Replayable {

    private final String listenerId;
    private final String consumer;
    private final EventCatalog catalog;
    private final Class<E> type;
    private final IdempotentProcessor processor;
    private final Set<TopicPartition> replayPending = ConcurrentHashMap.newKeySet();

    /**
     * @param listenerId the listener container's id
     * @param consumer   the name under which the platform records what this listener processed
     */
    protected ReplayableListener(String listenerId, String consumer, EventCatalog catalog, Class<E> type,
                                 IdempotentProcessor processor) {
        this.listenerId = listenerId;
        this.consumer = consumer;
        this.catalog = catalog;
        this.type = type;
        this.processor = processor;
    }

    /** Applies one decoded event, inside the transaction that records it as processed. */
    protected abstract void apply(EventEnvelope envelope, E event);

    /** Applies a poll (the platform falls back to one record at a time to isolate a failure). */
    protected final void applyAll(List<ConsumerRecord<String, String>> records) {
        processor.processAll(consumer, catalog, records, (envelope, event) -> {
            if (!type.isInstance(event)) {
                throw new UndecodableEventException(envelope.type() + " is not an event of " + catalog.topic());
            }
            apply(envelope, type.cast(event));
        });
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
    public final void replayFromBeginning(Collection<TopicPartition> partitions) {
        replayPending.addAll(partitions);
    }

    @Override
    public final void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        super.onPartitionsAssigned(assignments, callback);
        List<TopicPartition> rewound = assignments.keySet().stream().filter(replayPending::remove).toList();
        if (!rewound.isEmpty()) {
            callback.seekToBeginning(rewound);
        }
    }
}
