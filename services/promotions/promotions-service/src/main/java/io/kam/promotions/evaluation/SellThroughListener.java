package io.kam.promotions.evaluation;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.kam.platform.consumer.IdempotentProcessor;
import io.kam.sellthrough.api.SellThroughEvents;

/** Feeds the sell-through events to the {@link SellThroughDays} a poll at a time, each event at most once. */
@Component
class SellThroughListener {

    static final String CONSUMER = "promotions";

    private final IdempotentProcessor processor;
    private final SellThroughDays days;

    SellThroughListener(IdempotentProcessor processor, SellThroughDays days) {
        this.processor = processor;
        this.days = days;
    }

    /** The group is {@code spring.kafka.consumer.group-id}, not the listener id. */
    @KafkaListener(id = "promotions-sellthrough", topics = SellThroughEvents.TOPIC, idIsGroup = false, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        processor.processAll(CONSUMER, SellThroughEvents.CATALOG, records, (envelope, event) -> days.apply(event));
    }
}
