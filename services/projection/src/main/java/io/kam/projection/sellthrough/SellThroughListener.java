package io.kam.projection.sellthrough;

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
import io.kam.sellthrough.api.SellThroughEvents;
import io.kam.sellthrough.api.SellThroughEvents.SellThroughEvent;

/**
 * Feeds the sell-through events to the projector, a poll at a time in one transaction, each event at most once (the
 * platform records its id with the effect, which is what makes adding figures safe). Undecodable or unknown events
 * end on {@code kam.sellthrough.v1.dlt} with the reason. When a rebuild is pending, the listener seeks back to the
 * beginning of each partition as it is assigned.
 */
@Component
class SellThroughListener extends AbstractConsumerSeekAware implements Replayable {

    /** The listener container's id. */
    static final String ID = "projection-sellthrough";
    /** The name under which the platform records what this consumer processed. */
    static final String CONSUMER = "projection-sellthrough";

    private final IdempotentProcessor processor;
    private final SellThroughProjector projector;
    private final Set<TopicPartition> replayPending = ConcurrentHashMap.newKeySet();

    SellThroughListener(IdempotentProcessor processor, SellThroughProjector projector) {
        this.processor = processor;
        this.projector = projector;
    }

    /** In the service's consumer group ({@code spring.kafka.consumer.group-id}), beside the other listeners. */
    @KafkaListener(id = ID, topics = SellThroughEvents.TOPIC, idIsGroup = false, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        processor.processAll(CONSUMER, SellThroughEvents.CATALOG, records, (envelope, event) -> {
            if (!(event instanceof SellThroughEvent sellThroughEvent)) {
                throw new UndecodableEventException(envelope.type() + " is not a sell-through event");
            }
            projector.apply(envelope, sellThroughEvent);
        });
    }

    @Override
    public String listenerId() {
        return ID;
    }

    @Override
    public String topic() {
        return SellThroughEvents.TOPIC;
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
