package io.kam.accounts.prospect;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.kam.platform.consumer.IdempotentProcessor;
import io.kam.prospects.api.ProspectEvents;
import io.kam.prospects.api.ProspectEvents.ProspectConverted;

/**
 * Reads the prospect events one at a time, each at most once (the platform records its id with the effect): they are
 * few, and a record listener's dead letters name the conversion's own reason rather than the batch's.
 * Only conversions open accounts; every other prospect event is decoded, recorded as processed and otherwise left
 * alone. Undecodable events, and conversions that can never open their account, end on {@code kam.prospects.v1.dlt}
 * with the reason.
 */
@Component
class ProspectsListener {

    /** The listener container's id. */
    static final String ID = "accounts-prospects";
    /** The name under which the platform records what this consumer processed. */
    static final String CONSUMER = "accounts";

    private final IdempotentProcessor processor;
    private final OpenConvertedProspect conversions;

    ProspectsListener(IdempotentProcessor processor, OpenConvertedProspect conversions) {
        this.processor = processor;
        this.conversions = conversions;
    }

    /** The group is {@code spring.kafka.consumer.group-id} ({@code accounts}), not the listener id. */
    @KafkaListener(id = ID, topics = ProspectEvents.TOPIC, idIsGroup = false, batch = "false")
    void on(ConsumerRecord<String, String> record) {
        processor.process(CONSUMER, ProspectEvents.CATALOG, record, (envelope, event) -> {
            if (event instanceof ProspectConverted converted) {
                conversions.open(converted);
            }
        });
    }
}
