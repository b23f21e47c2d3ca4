package io.kam.platform.consumer;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.kam.platform.events.DomainEvent;
import io.kam.platform.events.EventCatalog;
import io.kam.platform.events.EventType;

@SpringBootApplication
class ConsumerTestApplication {

    @EventType("kam.sample.counted")
    record SampleCounted(UUID accountId, int n) implements DomainEvent {
    }

    static final EventCatalog CATALOG = EventCatalog.of("consumer-test", SampleCounted.class);

    /** Fails the first time it sees n = 13, and always for n = 99 after writing its effect. */
    @Component
    static class CountingListener {
        final AtomicInteger attemptsOf13 = new AtomicInteger();
        private final IdempotentProcessor processor;
        private final JdbcClient jdbc;

        CountingListener(IdempotentProcessor processor, JdbcClient jdbc) {
            this.processor = processor;
            this.jdbc = jdbc;
        }

        @KafkaListener(id = "consumer-test", topics = "kam.consumer-test.v1")
        void on(ConsumerRecord<String, String> record) {
            processor.process("consumer-test", CATALOG, record, this::count);
        }

        /** The same effect, a whole poll at a time. */
        @KafkaListener(id = "consumer-batch-test", topics = "kam.consumer-batch-test.v1", batch = "true")
        void onBatch(java.util.List<ConsumerRecord<String, String>> records) {
            processor.processAll("consumer-batch-test", CATALOG, records, this::count);
        }

        private void count(io.kam.platform.events.EventEnvelope envelope, DomainEvent event) {
            SampleCounted counted = (SampleCounted) event;
            jdbc.sql("insert into applied (event_id, account_id, n) values (?, ?, ?)")
                    .params(envelope.id(), counted.accountId(), counted.n()).update();
            if (counted.n() == 13 && attemptsOf13.incrementAndGet() == 1) {
                throw new IllegalStateException("database hiccup");
            }
            if (counted.n() == 99) {
                throw new IllegalStateException("the projection cannot take n = 99");
            }
        }
    }
}
