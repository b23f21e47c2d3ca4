package io.kam.platform.testing;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.kam.platform.events.DomainEvent;
import io.kam.platform.events.EventCatalog;
import io.kam.platform.events.EventCodec;
import io.kam.platform.events.EventEnvelope;

/**
 * Publishes a contract's events on its topic of the shared broker as the owning service's outbox relay does:
 * enveloped, keyed by account, acknowledged by every replica before the call returns. Tests of a consumer use it
 * in place of the producing service; {@link #publish(EventEnvelope)} sends an envelope again (a redelivery) and
 * {@link #publish(String, String)} sends anything, to prove what a consumer refuses.
 *
 * @param <E> the contract's event type
 */
public final class TopicWriter<E extends DomainEvent> {

    /** The actor stamped on events unless a test names one. */
    public static final String DEFAULT_ACTOR = "tester";

    private static volatile KafkaProducer<String, String> producer;

    private final EventCatalog<E> catalog;
    private final String actor;
    private final EventCodec codec = new EventCodec();

    private TopicWriter(EventCatalog<E> catalog, String actor) {
        this.catalog = catalog;
        this.actor = actor;
    }

    /** A writer whose events are done by {@value #DEFAULT_ACTOR}. */
    public static <E extends DomainEvent> TopicWriter<E> of(EventCatalog<E> catalog) {
        return new TopicWriter<>(catalog, DEFAULT_ACTOR);
    }

    /** The same topic, with events done by {@code actor} unless a call names another. */
    public TopicWriter<E> as(String actor) {
        return new TopicWriter<>(catalog, actor);
    }

    /** Publishes the event, done now; returns its envelope, to publish it again. */
    public EventEnvelope publish(E event) {
        return publish(event, actor, Instant.now());
    }

    /** Publishes the event as having happened at {@code time}. */
    public EventEnvelope publish(E event, Instant time) {
        return publish(event, actor, time);
    }

    /** Publishes the event as done by {@code actor} now. */
    public EventEnvelope publish(E event, String actor) {
        return publish(event, actor, Instant.now());
    }

    public EventEnvelope publish(E event, String actor, Instant time) {
        EventEnvelope envelope = codec.wrap(catalog, event, actor, time);
        publish(envelope);
        return envelope;
    }

    /** Publishes an envelope as it is, same event id included: a redelivery. */
    public void publish(EventEnvelope envelope) {
        publish(envelope.subject(), codec.encode(envelope));
    }

    /** Publishes any value under any key, for example one that is not an envelope at all. */
    public void publish(String key, String value) {
        try {
            producer().send(new ProducerRecord<>(catalog.topic(), key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused the record for " + catalog.topic(), e.getCause());
        }
    }

    public String topic() {
        return catalog.topic();
    }

    /** One producer for the test JVM, as there is one broker; the JVM's end closes its connections. */
    private static KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> current = producer;
        if (current == null) {
            synchronized (TopicWriter.class) {
                current = producer;
                if (current == null) {
                    current = new KafkaProducer<>(Map.of(
                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KamInfrastructure.get().bootstrapServers(),
                            ProducerConfig.ACKS_CONFIG, "all",
                            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                            ProducerConfig.LINGER_MS_CONFIG, 0,
                            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
                    producer = current;
                }
            }
        }
        return current;
    }
}
