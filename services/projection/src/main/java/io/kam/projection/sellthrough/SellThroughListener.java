package io.kam.projection.sellthrough;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.kam.platform.consumer.IdempotentProcessor;
import io.kam.projection.kafka.EventJournal;
import io.kam.projection.kafka.ReplayableListener;
import io.kam.sellthrough.api.SellThroughEvents;
import io.kam.sellthrough.api.SellThroughEvents.SellThroughEvent;

/**
 * Feeds the sell-through events to the projector, a poll at a time in one transaction, each event at most once (the
 * platform records its id with the effect, which is what makes adding figures safe). Undecodable or unknown events
 * end on {@code kam.sellthrough.v1.dlt} with the reason. A rebuild applies the topic again through it into tables
 * set aside (AsideSchema).
 */
@Component
class SellThroughListener extends ReplayableListener<SellThroughEvent> {

    /** The listener container's id. */
    static final String ID = "projection-sellthrough";
    /** The name under which the platform records what this listener processed. */
    static final String CONSUMER = "projection-sellthrough";

    SellThroughListener(IdempotentProcessor processor, EventJournal journal, SellThroughProjector projector) {
        super(ID, CONSUMER, SellThroughEvents.CATALOG, processor, journal, projector::apply);
    }

    /** In the service's consumer group ({@code spring.kafka.consumer.group-id}), not the listener id. */
    @KafkaListener(id = ID, topics = SellThroughEvents.TOPIC, idIsGroup = false, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        applyAll(records);
    }
}
