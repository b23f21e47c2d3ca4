package io.kam.projection;

import java.time.Instant;
import java.util.concurrent.ExecutionException;

import org.springframework.kafka.core.KafkaTemplate;

import io.kam.platform.events.EventCodec;
import io.kam.platform.events.EventEnvelope;
import io.kam.visits.api.VisitEvents;
import io.kam.visits.api.VisitEvents.VisitEvent;

/** Publishes visits events on {@code kam.visits.v1} as the visits service does: enveloped, keyed by account. */
public final class VisitsTopic {

    private final KafkaTemplate<String, String> kafka;
    private final EventCodec codec = new EventCodec();

    public VisitsTopic(KafkaTemplate<String, String> kafka) {
        this.kafka = kafka;
    }

    /** Publishes the event as having happened at {@code time}; returns its envelope, to publish it again. */
    public EventEnvelope publish(VisitEvent event, Instant time) {
        EventEnvelope envelope = codec.wrap(VisitEvents.CATALOG, event, "tester", time);
        publish(envelope);
        return envelope;
    }

    /** Publishes an envelope as it is, same event id included: a redelivery. */
    public void publish(EventEnvelope envelope) {
        publish(envelope.subject(), codec.encode(envelope));
    }

    public void publish(String key, String json) {
        try {
            kafka.send(VisitEvents.TOPIC, key, json).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused the event", e.getCause());
        }
    }
}
