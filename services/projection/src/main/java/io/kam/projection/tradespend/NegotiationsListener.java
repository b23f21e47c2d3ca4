package io.kam.projection.tradespend;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.kam.negotiations.api.NegotiationEvents;
import io.kam.negotiations.api.NegotiationEvents.NegotiationEvent;
import io.kam.platform.consumer.IdempotentProcessor;
import io.kam.projection.kafka.EventJournal;
import io.kam.projection.kafka.ReplayableListener;

/**
 * Feeds the negotiations events to the projector, a poll at a time, each event at most once (the platform records
 * its id with the effect). Undecodable, unknown or unusable events (an agreement whose sales basis is not positive,
 * or whose period ends before it begins) end on {@code kam.negotiations.v1.dlt} with the reason. A rebuild applies
 * the topic again through it into tables set aside (AsideSchema).
 */
@Component
class NegotiationsListener extends ReplayableListener<NegotiationEvent> {

    /** The listener container's id. */
    static final String ID = "projection-negotiations";
    /** The name under which the platform records what this listener processed. */
    static final String CONSUMER = "projection-negotiations";

    NegotiationsListener(IdempotentProcessor processor, EventJournal journal, TradeSpendProjector projector) {
        super(ID, CONSUMER, NegotiationEvents.CATALOG, processor, journal, projector::apply);
    }

    /** In the service's consumer group ({@code spring.kafka.consumer.group-id}), not the listener id. */
    @KafkaListener(id = ID, topics = NegotiationEvents.TOPIC, idIsGroup = false, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        applyAll(records);
    }
}
