package io.kam.visits.promotion;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.kam.platform.consumer.IdempotentProcessor;
import io.kam.promotions.api.PromotionEvents;

/**
 * Feeds the promotion events to the replica a poll at a time, each event at most once (the platform records its id
 * with the effect). Undecodable or unknown events, and steps of a promotion whose terms were never processed, end on
 * {@code kam.promotions.v1.dlt} with the reason.
 */
@Component
class PromotionsListener {

    /** The listener container's id. */
    static final String ID = "visits-promotions";
    /**
     * The name under which the platform records what this consumer processed: its own, so that the promotions
     * replica can be replayed without replaying the store master.
     */
    static final String CONSUMER = "visits-promotions";

    private final IdempotentProcessor processor;
    private final PromotionReplicas replicas;

    PromotionsListener(IdempotentProcessor processor, PromotionReplicas replicas) {
        this.processor = processor;
        this.replicas = replicas;
    }

    /** The group is {@code spring.kafka.consumer.group-id}, not the listener id. */
    @KafkaListener(id = ID, topics = PromotionEvents.TOPIC, idIsGroup = false, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        processor.processAll(CONSUMER, PromotionEvents.CATALOG, records, (envelope, event) -> replicas.apply(event));
    }
}
