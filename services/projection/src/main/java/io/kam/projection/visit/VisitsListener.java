package io.kam.projection.visit;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.AbstractConsumerSeekAware;
import org.springframework.stereotype.Component;

import io.kam.platform.consumer.IdempotentProcessor;
import io.kam.platform.events.UndecodableEventException;
import io.kam.projection.kafka.Replayable;
import io.kam.visits.api.VisitEvents;
import io.kam.visits.api.VisitEvents.VisitEvent;

/**
 * Feeds the visits events to the projector, a poll at a time, each event at most once (the platform records its id
 * with the effect). Undecodable or unknown events, and events that name no region where the contract promises one,
 * end on {@code kam.visits.v1.dlt} with the reason. When a rebuild is pending, the listener seeks back to the
 * beginning of each partition as it is assigned.
 */
@Component
class VisitsListener extends AbstractConsumerSeekAware implements Replayable {

    /** The listener container's id. */
    static final String ID = "projection-visits";
    /** The name under which the platform records what this consumer processed. */
    static final String CONSUMER = "projection-visits";

    private final IdempotentProcessor processor;
    private final VisitProjector projector;
    private final Set<TopicPartition> replayPending = ConcurrentHashMap.newKeySet();

    VisitsListener(IdempotentProcessor processor, VisitProjector projector) {
        this.processor = processor;
        this.projector = projector;
    }

    /** In the service's consumer group ({@code spring.kafka.consumer.group-id}), beside the other listeners. */
    @KafkaListener(id = ID, topics = VisitEvents.TOPIC, idIsGroup = false, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        processor.processAll(CONSUMER, VisitEvents.CATALOG, records, (envelope, event) -> {
            if (!(event instanceof VisitEvent visitEvent)) {
                throw new UndecodableEventException(envelope.type() + " is not a visits event");
            }
            projector.apply(envelope, visitEvent);
        });
    }

    @Override
    public String listenerId() {
        return ID;
    }

    @Override
    public String topic() {
        return VisitEvents.TOPIC;
    }

    @Override
    public void replayFromBeginning(Collection<TopicPartition> partitions) {
        replayPending.addAll(partitions);
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        super.onPartitionsAssigned(assignments, callback);
        List<TopicPartition> rewound = assignments.keySet().stream().filter(replayPending::remove).toList();
        if (!rewound.isEmpty()) {
            callback.seekToBeginning(rewound);
        }
    }
}
