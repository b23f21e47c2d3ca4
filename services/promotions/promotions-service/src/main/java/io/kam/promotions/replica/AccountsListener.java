package io.kam.promotions.replica;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.AccountEvents;
import io.kam.platform.consumer.IdempotentProcessor;
import io.kam.promotions.fund.Funds;

/**
 * Feeds the account events to the {@link Stores} and the {@link Funds} (an approved plan seeds the promotion fund) a
 * poll at a time, each event at most once. Undecodable or unknown
 * events end on {@code kam.accounts.v1.dlt} with the reason.
 */
@Component
class AccountsListener {

    static final String CONSUMER = "promotions";

    private final IdempotentProcessor processor;
    private final Stores stores;
    private final Funds funds;

    AccountsListener(IdempotentProcessor processor, Stores stores, Funds funds) {
        this.processor = processor;
        this.stores = stores;
        this.funds = funds;
    }

    /** The group is {@code spring.kafka.consumer.group-id}, not the listener id. */
    @KafkaListener(id = "promotions-accounts", topics = AccountEvents.TOPIC, idIsGroup = false, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        processor.processAll(CONSUMER, AccountEvents.CATALOG, records, (envelope, event) -> {
            stores.apply(event);
            funds.apply(event);
        });
    }
}
