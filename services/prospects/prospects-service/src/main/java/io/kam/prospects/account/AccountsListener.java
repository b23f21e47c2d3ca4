package io.kam.prospects.account;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.AccountEvents;
import io.kam.accounts.api.AccountEvents.AccountOpened;
import io.kam.accounts.api.AccountEvents.AccountUpdated;
import io.kam.platform.consumer.IdempotentProcessor;

/**
 * Keeps {@link KnownAccounts} from kam.accounts.v1, a poll at a time, each event at most once, and tells the
 * {@link AccountOpenings} (the prospects feature marks a converted prospect) once the accounts service has opened an
 * account. Other account events are not needed here.
 */
@Component
class AccountsListener {

    static final String CONSUMER = "prospects";

    private final IdempotentProcessor processor;
    private final KnownAccounts accounts;
    private final List<AccountOpenings> openings;

    AccountsListener(IdempotentProcessor processor, KnownAccounts accounts, List<AccountOpenings> openings) {
        this.processor = processor;
        this.accounts = accounts;
        this.openings = List.copyOf(openings);
    }

    @KafkaListener(id = "prospects-accounts", topics = AccountEvents.TOPIC, idIsGroup = false, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        processor.processAll(CONSUMER, AccountEvents.CATALOG, records, (envelope, event) -> {
            switch (event) {
                case AccountOpened e -> {
                    accounts.put(e.accountId(), e.name(), e.headquarters().city(), envelope.time());
                    openings.forEach(opening -> opening.opened(e.accountId(), envelope.time()));
                }
                case AccountUpdated e -> accounts.put(e.accountId(), e.name(), e.headquarters().city(), null);
                default -> {
                }
            }
        });
    }
}
