package io.kam.projection.promotion;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.kam.platform.consumer.IdempotentProcessor;
import io.kam.projection.kafka.EventJournal;
import io.kam.projection.kafka.ReplayableListener;
import io.kam.promotions.api.PromotionEvents;
import io.kam.promotions.api.PromotionEvents.PromotionEvent;

/**
 * Feeds the promotions events to the projector, a poll at a time, each event at most once (the platform records its
 * id with the effect). Undecodable or unknown events end on {@code kam.promotions.v1.dlt} with the reason. A
 * rebuild applies the topic again through it into tables set aside (AsideSchema).
 */
@Component
class PromotionsListener extends ReplayableListener<PromotionEvent> {

    /** The listener container's id. */
    static final String ID = "projection-promotions";
    /** The name under which the platform records what this listener processed. */
    static final String CONSUMER = "projection-promotions";

    PromotionsListener(IdempotentProcessor processor, EventJournal journal, PromotionProjector projector) {
        super(ID, CONSUMER, PromotionEvents.CATALOG, processor, journal, projector::apply);
    }

    /** In the service's consumer group ({@code spring.kafka.consumer.group-id}), not the listener id. */
    @KafkaListener(id = ID, topics = PromotionEvents.TOPIC, idIsGroup = false, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        applyAll(records);
    }
}
