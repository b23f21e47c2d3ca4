package io.kam.accounts.tradespend;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.kam.negotiations.api.NegotiationEvents;
import io.kam.negotiations.api.NegotiationEvents.AgreementAmended;
import io.kam.negotiations.api.NegotiationEvents.AgreementSigned;
import io.kam.platform.consumer.IdempotentProcessor;

/**
 * Reads the negotiation events one at a time, each at most once (the platform records its id with the effect): they
 * are few, and a record listener's dead letters name the agreement's own reason. Signed and amended agreements record
 * their trade spend; every other negotiation event is decoded, recorded as processed and otherwise left alone.
 * Undecodable events, and agreement versions that can never be recorded, end on {@code kam.negotiations.v1.dlt} with
 * the reason.
 */
@Component
class NegotiationsListener {

    /** The listener container's id. */
    static final String ID = "accounts-negotiations";
    /** The name under which the platform records what this consumer processed. */
    static final String CONSUMER = "accounts-negotiations";

    private final IdempotentProcessor processor;
    private final AgreedTradeSpend tradeSpend;

    NegotiationsListener(IdempotentProcessor processor, AgreedTradeSpend tradeSpend) {
        this.processor = processor;
        this.tradeSpend = tradeSpend;
    }

    /** The group is {@code spring.kafka.consumer.group-id} ({@code accounts}), not the listener id. */
    @KafkaListener(id = ID, topics = NegotiationEvents.TOPIC, idIsGroup = false, batch = "false")
    void on(ConsumerRecord<String, String> record) {
        processor.process(CONSUMER, NegotiationEvents.CATALOG, record, (envelope, event) -> {
            switch (event) {
                case AgreementSigned signed -> tradeSpend.record(AgreedVersion.of(signed));
                case AgreementAmended amended -> tradeSpend.record(AgreedVersion.of(amended));
                default -> {
                }
            }
        });
    }
}
