package io.kam.projection.prospect;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.kam.platform.consumer.IdempotentProcessor;
import io.kam.projection.kafka.EventJournal;
import io.kam.projection.kafka.ReplayableListener;
import io.kam.prospects.api.ProspectEvents;
import io.kam.prospects.api.ProspectEvents.ProspectEvent;

/**
 * Feeds the prospect events to the projector, a poll at a time, each event at most once (the platform records its
 * id with the effect). Undecodable or unknown events end on {@code kam.prospects.v1.dlt} with the reason. A rebuild
 * applies the topic again through it into tables set aside (AsideSchema).
 */
@Component
class ProspectsListener extends ReplayableListener<ProspectEvent> {

    /** The listener container's id. */
    static final String ID = "projection-prospects";
    /** The name under which the platform records what this listener processed. */
    static final String CONSUMER = "projection-prospects";

    ProspectsListener(IdempotentProcessor processor, EventJournal journal, ProspectProjector projector) {
        super(ID, CONSUMER, ProspectEvents.CATALOG, processor, journal, (envelope, event) -> projector.apply(event));
    }

    /** In the service's consumer group ({@code spring.kafka.consumer.group-id}), not the listener id. */
    @KafkaListener(id = ID, topics = ProspectEvents.TOPIC, idIsGroup = false, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        applyAll(records);
    }
}
