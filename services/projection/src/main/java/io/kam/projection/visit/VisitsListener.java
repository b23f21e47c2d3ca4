package io.kam.projection.visit;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.kam.platform.consumer.IdempotentProcessor;
import io.kam.projection.kafka.EventJournal;
import io.kam.projection.kafka.ReplayableListener;
import io.kam.visits.api.VisitEvents;
import io.kam.visits.api.VisitEvents.VisitEvent;

/**
 * Feeds the visits events to the projector, a poll at a time, each event at most once (the platform records its id
 * with the effect). Undecodable or unknown events, and events that name no region where the contract promises one,
 * end on {@code kam.visits.v1.dlt} with the reason. A rebuild applies the topic again through it into tables set
 * aside (AsideSchema).
 */
@Component
class VisitsListener extends ReplayableListener<VisitEvent> {

    /** The listener container's id. */
    static final String ID = "projection-visits";
    /** The name under which the platform records what this listener processed. */
    static final String CONSUMER = "projection-visits";

    VisitsListener(IdempotentProcessor processor, EventJournal journal, VisitProjector projector) {
        super(ID, CONSUMER, VisitEvents.CATALOG, processor, journal, projector::apply);
    }

    /** In the service's consumer group ({@code spring.kafka.consumer.group-id}), not the listener id. */
    @KafkaListener(id = ID, topics = VisitEvents.TOPIC, idIsGroup = false, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        applyAll(records);
    }
}
