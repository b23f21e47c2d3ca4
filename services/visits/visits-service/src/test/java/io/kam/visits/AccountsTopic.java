package io.kam.visits;

import java.time.Instant;
import java.util.concurrent.ExecutionException;

import org.springframework.kafka.core.KafkaTemplate;

import io.kam.accounts.api.AccountEvents;
import io.kam.accounts.api.AccountEvents.AccountEvent;
import io.kam.platform.events.EventCodec;
import io.kam.platform.events.EventEnvelope;

/**
 * Publishes account events on {@code kam.accounts.v1} as the accounts service does: the accounts-api records in their
 * envelope, keyed by account.
 */
public final class AccountsTopic {

    private final KafkaTemplate<String, String> kafka;
    private final EventCodec codec = new EventCodec();

    public AccountsTopic(KafkaTemplate<String, String> kafka) {
        this.kafka = kafka;
    }

    /** Publishes the event; returns its envelope, to publish it again. */
    public EventEnvelope publish(AccountEvent event) {
        EventEnvelope envelope = codec.wrap(AccountEvents.CATALOG, event, "nora", Instant.now());
        publish(envelope);
        return envelope;
    }

    /** Publishes an envelope as it is, same event id included: a redelivery. */
    public void publish(EventEnvelope envelope) {
        publish(envelope.subject(), codec.encode(envelope));
    }

    public void publish(String key, String json) {
        try {
            kafka.send(AccountEvents.TOPIC, key, json).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused the event", e.getCause());
        }
    }
}
