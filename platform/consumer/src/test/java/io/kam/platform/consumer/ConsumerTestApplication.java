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

    static final EventCatalog<SampleCounted> CATALOG = EventCatalog.of("consumer-test", SampleCounted.class);

    /**
     * Fails the first time it sees n = 13; cannot reach its database for 1.5 s when it first sees n = 42 (longer than
     * the retry window of the tests); and always fails for n = 99 after writing its effect. For n = 57, PostgreSQL
     * terminates the handler's connection under its Micronaut Data write for 1.5 s, as a server restart does; n = 58
     * always runs into the statement timeout; n = 59 always violates a not-null constraint.
     */
    @Component
    static class CountingListener {
        final AtomicInteger attemptsOf13 = new AtomicInteger();
        final AtomicInteger attemptsOf42 = new AtomicInteger();
        volatile java.time.Instant firstAttemptOf42;
        final AtomicInteger attemptsOf57 = new AtomicInteger();
        volatile java.time.Instant firstAttemptOf57;
        final AtomicInteger attemptsOf58 = new AtomicInteger();
        final AtomicInteger attemptsOf59 = new AtomicInteger();
        private final IdempotentProcessor processor;
        private final JdbcClient jdbc;
        private final AppliedRepository applied;

        CountingListener(IdempotentProcessor processor, JdbcClient jdbc, AppliedRepository applied) {
            this.processor = processor;
            this.jdbc = jdbc;
            this.applied = applied;
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
            switch (counted.n()) {
                case 57 -> {
                    underARestartingDatabase(envelope, counted);
                    return;
                }
                case 58 -> {
                    attemptsOf58.incrementAndGet();
                    jdbc.sql("set local statement_timeout = '20ms'").update();
                    jdbc.sql("select 1 from pg_sleep(1)").query(Integer.class).single();
                }
                case 59 -> {
                    attemptsOf59.incrementAndGet();
                    jdbc.sql("insert into applied (event_id, account_id, n) values (?, ?, null)")
                            .params(envelope.id(), counted.accountId()).update();
                }
                default -> {
                }
            }
            jdbc.sql("insert into applied (event_id, account_id, n) values (?, ?, ?)")
                    .params(envelope.id(), counted.accountId(), counted.n()).update();
            if (counted.n() == 13 && attemptsOf13.incrementAndGet() == 1) {
                throw new IllegalStateException("database hiccup");
            }
            if (counted.n() == 42) {
                attemptsOf42.incrementAndGet();
                if (firstAttemptOf42 == null) {
                    firstAttemptOf42 = java.time.Instant.now();
                }
                if (java.time.Duration.between(firstAttemptOf42, java.time.Instant.now()).toMillis() < 1500) {
                    throw new org.springframework.jdbc.CannotGetJdbcConnectionException("the database is restarting");
                }
            }
            if (counted.n() == 99) {
                throw new IllegalStateException("the projection cannot take n = 99");
            }
        }

        private void underARestartingDatabase(io.kam.platform.events.EventEnvelope envelope, SampleCounted counted) {
            attemptsOf57.incrementAndGet();
            if (firstAttemptOf57 == null) {
                firstAttemptOf57 = java.time.Instant.now();
            }
            if (java.time.Duration.between(firstAttemptOf57, java.time.Instant.now()).toMillis() < 1500) {
                int backend = jdbc.sql("select pg_backend_pid()").query(Integer.class).single();
                // From another connection, outside the handler's transaction, as the server's shutdown would.
                java.util.concurrent.CompletableFuture.runAsync(() -> jdbc.sql("select pg_terminate_backend(?)")
                        .param(backend).query(Boolean.class).single()).join();
            }
            applied.save(new Applied(envelope.id(), counted.accountId(), counted.n()));
        }
    }

    /**
     * Two groups reading {@code kam.replay-test.v1}: {@code replay-test} refuses n = 7 while {@link #refusing} is set
     * (the bug a fix removes), {@code replay-test-other} takes everything. Each records what it applied. Only in the
     * replay test's context, so that no other context joins these groups.
     */
    @Component
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty("kam.test.replay-listeners")
    static class ReplayListeners {
        volatile boolean refusing = true;
        private final IdempotentProcessor processor;
        private final JdbcClient jdbc;

        ReplayListeners(IdempotentProcessor processor, JdbcClient jdbc) {
            this.processor = processor;
            this.jdbc = jdbc;
        }

        @KafkaListener(id = "replay-test", topics = "kam.replay-test.v1")
        void on(ConsumerRecord<String, String> record) {
            processor.process("replay-test", CATALOG, record, (envelope, event) -> {
                if (event.n() == 7 && refusing) {
                    throw new IllegalStateException("replay-test cannot take n = 7 yet");
                }
                record("replay-test", envelope.id(), event);
            });
        }

        @KafkaListener(id = "replay-test-other", topics = "kam.replay-test.v1")
        void onOther(ConsumerRecord<String, String> record) {
            processor.process("replay-test-other", CATALOG, record, (envelope, event) -> record("replay-test-other", envelope.id(), event));
        }

        private void record(String consumer, UUID id, SampleCounted event) {
            jdbc.sql("insert into replay_applied (consumer, event_id, account_id, n) values (?, ?, ?, ?)")
                    .params(consumer, id, event.accountId(), event.n()).update();
        }
    }
}
