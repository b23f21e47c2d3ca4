package io.kam.projection;

import java.time.Instant;
import java.util.concurrent.ExecutionException;

import org.springframework.kafka.core.KafkaTemplate;

import io.kam.platform.events.EventCodec;
import io.kam.platform.events.EventEnvelope;
import io.kam.prospects.api.ProspectEvents;
import io.kam.prospects.api.ProspectEvents.ProspectEvent;

/** Publishes prospect events on {@code kam.prospects.v1} as the prospects service does: enveloped, keyed by account. */
public final class ProspectsTopic {

    private final KafkaTemplate<String, String> kafka;
    private final EventCodec codec = new EventCodec();

    public ProspectsTopic(KafkaTemplate<String, String> kafka) {
        this.kafka = kafka;
    }

    /** Publishes the event; returns its envelope, to publish it again. */
    public EventEnvelope publish(ProspectEvent event) {
        EventEnvelope envelope = codec.wrap(ProspectEvents.CATALOG, event, "tester", Instant.now());
        publish(envelope);
        return envelope;
    }

    /** Publishes an envelope as it is, same event id included: a redelivery. */
    public void publish(EventEnvelope envelope) {
        publish(envelope.subject(), codec.encode(envelope));
    }

    public void publish(String key, String json) {
        try {
            kafka.send(ProspectEvents.TOPIC, key, json).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused the event", e.getCause());
        }
    }
}
