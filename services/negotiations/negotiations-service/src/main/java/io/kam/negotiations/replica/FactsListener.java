package io.kam.negotiations.replica;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.AccountEvents;
import io.kam.platform.consumer.IdempotentProcessor;
import io.kam.visits.api.VisitEvents;

/**
 * Feeds the account and visit events to the {@link AccountFacts} a poll at a time, each event at most once.
 * Undecodable or unknown events end on the topic's {@code .dlt} with the reason.
 */
@Component
class FactsListener {

    static final String CONSUMER = "negotiations";

    private final IdempotentProcessor processor;
    private final AccountFacts facts;

    FactsListener(IdempotentProcessor processor, AccountFacts facts) {
        this.processor = processor;
        this.facts = facts;
    }

    /** The group is {@code spring.kafka.consumer.group-id}, not the listener id. */
    @KafkaListener(id = "negotiations-accounts", topics = AccountEvents.TOPIC, idIsGroup = false, batch = "true")
    void onAccounts(List<ConsumerRecord<String, String>> records) {
        processor.processAll(CONSUMER, AccountEvents.CATALOG, records, (envelope, event) -> facts.apply(event));
    }

    @KafkaListener(id = "negotiations-visits", topics = VisitEvents.TOPIC, idIsGroup = false, batch = "true")
    void onVisits(List<ConsumerRecord<String, String>> records) {
        processor.processAll(CONSUMER, VisitEvents.CATALOG, records, facts::apply);
    }
}
