package io.kam.visits.planning;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.AccountEvents;
import io.kam.platform.consumer.IdempotentProcessor;

/**
 * Feeds the account events to the store master a poll at a time, each event at most once (the platform records its id
 * with the effect). Undecodable or unknown events are refused and end on {@code kam.accounts.v1.dlt} with the reason.
 */
@Component
class AccountsListener {

    /** The listener container's id. */
    static final String ID = "visits-accounts";
    /** The name under which the platform records what this consumer processed. */
    static final String CONSUMER = "visits";

    private final IdempotentProcessor processor;
    private final StoreMaster storeMaster;

    AccountsListener(IdempotentProcessor processor, StoreMaster storeMaster) {
        this.processor = processor;
        this.storeMaster = storeMaster;
    }

    /** The group is {@code spring.kafka.consumer.group-id}, not the listener id. */
    @KafkaListener(id = ID, topics = AccountEvents.TOPIC, idIsGroup = false, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        processor.processAll(CONSUMER, AccountEvents.CATALOG, records, (envelope, event) -> storeMaster.apply(event));
    }
}
