package io.kam.sellthrough.replica;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.AccountEvents;
import io.kam.platform.consumer.IdempotentProcessor;

/**
 * Keeps the replica of accounts and stores from {@code kam.accounts.v1}, a poll at a time, each event at most once
 * (the platform records its id with the effect). Undecodable or unknown events end on {@code kam.accounts.v1.dlt}
 * with the reason.
 */
@Component
class AccountsListener {

    /** The name under which the platform records what this consumer processed. */
    static final String CONSUMER = "sellthrough-replica";

    private final IdempotentProcessor processor;
    private final Replica replica;

    AccountsListener(IdempotentProcessor processor, Replica replica) {
        this.processor = processor;
        this.replica = replica;
    }

    @KafkaListener(id = "sellthrough-accounts", topics = AccountEvents.TOPIC, idIsGroup = false, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        processor.processAll(CONSUMER, AccountEvents.CATALOG, records, (envelope, event) -> replica.apply(event));
    }
}
