package io.kam.visits.agreement;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.kam.negotiations.api.NegotiationEvents;
import io.kam.platform.consumer.IdempotentProcessor;

/**
 * Reads the negotiation events one at a time, each at most once (the platform records its id with the effect): they
 * are few, and a record listener's dead letters name the agreement's own reason. Signed and amended agreements record
 * their limits; every other negotiation event is decoded, recorded as processed and otherwise left alone. Undecodable
 * or unknown events, and agreement versions that can never be recorded, end on {@code kam.negotiations.v1.dlt} with
 * the reason.
 */
@Component
class NegotiationsListener {

    /** The listener container's id. */
    static final String ID = "visits-negotiations";
    /**
     * The name under which the platform records what this consumer processed: its own, so that the limits can be
     * replayed without replaying the store master or the promotions.
     */
    static final String CONSUMER = "visits-negotiations";

    private final IdempotentProcessor processor;
    private final AgreementLimits limits;

    NegotiationsListener(IdempotentProcessor processor, AgreementLimits limits) {
        this.processor = processor;
        this.limits = limits;
    }

    /** The group is {@code spring.kafka.consumer.group-id} ({@code visits}), not the listener id. */
    @KafkaListener(id = ID, topics = NegotiationEvents.TOPIC, idIsGroup = false, batch = "false")
    void on(ConsumerRecord<String, String> record) {
        processor.process(CONSUMER, NegotiationEvents.CATALOG, record, (envelope, event) -> limits.apply(event));
    }
}
