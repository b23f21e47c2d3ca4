package io.kam.projection.review;

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

import io.kam.accounts.api.AccountEvents;
import io.kam.accounts.api.AccountEvents.AccountEvent;
import io.kam.platform.consumer.IdempotentProcessor;
import io.kam.platform.events.UndecodableEventException;
import io.kam.projection.kafka.Replayable;

/**
 * Feeds the account events to the projector, a poll at a time, each event at most once (the platform records its id
 * with the effect).
 * Undecodable or unknown events are refused and end on {@code kam.accounts.v1.dlt} with the reason. When a rebuild
 * is pending, the listener seeks back to the beginning of each partition as it is assigned.
 */
@Component
class AccountsListener extends AbstractConsumerSeekAware implements Replayable {

    /** The listener container's id. */
    static final String ID = "projection-accounts";
    /** The name under which the platform records what this consumer processed. */
    static final String CONSUMER = "projection";

    private final IdempotentProcessor processor;
    private final ReviewProjector projector;
    private final Set<TopicPartition> replayPending = ConcurrentHashMap.newKeySet();

    AccountsListener(IdempotentProcessor processor, ReviewProjector projector) {
        this.processor = processor;
        this.projector = projector;
    }

    /**
     * Applies each poll in one transaction (the platform falls back to one record at a time to isolate a failure).
     * The group is {@code spring.kafka.consumer.group-id}, not the listener id.
     */
    @KafkaListener(id = ID, topics = AccountEvents.TOPIC, idIsGroup = false, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        processor.processAll(CONSUMER, AccountEvents.CATALOG, records, (envelope, event) -> {
            if (!(event instanceof AccountEvent accountEvent)) {
                throw new UndecodableEventException(envelope.type() + " is not an account event");
            }
            projector.apply(envelope, accountEvent);
        });
    }

    @Override
    public String listenerId() {
        return ID;
    }

    @Override
    public String topic() {
        return AccountEvents.TOPIC;
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
