package io.kam.promotions.replica;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.kam.platform.consumer.IdempotentProcessor;
import io.kam.visits.api.VisitEvents;

/**
 * Feeds the visit events to the {@link Listings} a poll at a time, each event at most once; undecodable or unknown
 * events end on {@code kam.visits.v1.dlt} with the reason.
 */
@Component
class VisitsListener {

    static final String CONSUMER = "promotions";

    private final IdempotentProcessor processor;
    private final Listings listings;

    VisitsListener(IdempotentProcessor processor, Listings listings) {
        this.processor = processor;
        this.listings = listings;
    }

    /** The group is {@code spring.kafka.consumer.group-id}, not the listener id. */
    @KafkaListener(id = "promotions-visits", topics = VisitEvents.TOPIC, idIsGroup = false, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        processor.processAll(CONSUMER, VisitEvents.CATALOG, records, (envelope, event) -> listings.apply(event));
    }
}
