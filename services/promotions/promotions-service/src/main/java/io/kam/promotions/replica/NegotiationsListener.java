package io.kam.promotions.replica;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.kam.negotiations.api.NegotiationEvents;
import io.kam.platform.consumer.IdempotentProcessor;

/**
 * Feeds the negotiation events to the {@link AgreedPromotionFees} a poll at a time, each event at most once;
 * undecodable events, and agreement versions that can never be recorded, end on {@code kam.negotiations.v1.dlt} with
 * the reason.
 */
@Component
class NegotiationsListener {

    static final String CONSUMER = "promotions";

    private final IdempotentProcessor processor;
    private final AgreedPromotionFees fees;

    NegotiationsListener(IdempotentProcessor processor, AgreedPromotionFees fees) {
        this.processor = processor;
        this.fees = fees;
    }

    /** The group is {@code spring.kafka.consumer.group-id}, not the listener id. */
    @KafkaListener(id = "promotions-negotiations", topics = NegotiationEvents.TOPIC, idIsGroup = false, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        processor.processAll(CONSUMER, NegotiationEvents.CATALOG, records, (envelope, event) -> fees.apply(event));
    }
}
