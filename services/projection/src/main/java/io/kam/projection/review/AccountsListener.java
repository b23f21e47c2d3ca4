package io.kam.projection.review;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.AccountEvents;
import io.kam.accounts.api.AccountEvents.AccountEvent;
import io.kam.platform.consumer.IdempotentProcessor;
import io.kam.projection.kafka.EventJournal;
import io.kam.projection.kafka.ReplayableListener;

/**
 * Feeds the account events to the projector, a poll at a time, each event at most once (the platform records its id
 * with the effect). Undecodable or unknown events are refused and end on {@code kam.accounts.v1.dlt} with the
 * reason. A rebuild applies the topic again through it into tables set aside (AsideSchema).
 */
@Component
class AccountsListener extends ReplayableListener<AccountEvent> {

    /** The listener container's id. */
    static final String ID = "projection-accounts";
    /** The name under which the platform records what this listener processed. */
    static final String CONSUMER = "projection";

    AccountsListener(IdempotentProcessor processor, EventJournal journal, ReviewProjector projector) {
        super(ID, CONSUMER, AccountEvents.CATALOG, processor, journal, projector::apply, projector::applyInPoll);
    }

    /** In the service's consumer group ({@code spring.kafka.consumer.group-id}), not the listener id. */
    @KafkaListener(id = ID, topics = AccountEvents.TOPIC, idIsGroup = false, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        applyAll(records);
    }
}
