package io.kam.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.kam.platform.testing.UsesRealInfrastructure;

/** Ids older than the retention go, in batches; younger ones stay, so redeliveries within the window are still skipped. */
@SpringBootTest(classes = ConsumerTestApplication.class, properties = {
        "spring.application.name=consumer-test",
        "kam.consumer.processed.prune-batch=7"})
@UsesRealInfrastructure(database = "consumer_prune_test")
class ProcessedEventPrunerTest {

    @Autowired
    ProcessedEventPruner pruner;
    @Autowired
    JdbcClient jdbc;

    @Test
    void idsOlderThanTheRetentionArePrunedAndYoungerOnesKept() {
        String consumer = "prune-" + UUID.randomUUID();
        for (int i = 0; i < 20; i++) {
            processed(consumer, Instant.now().minus(Duration.ofDays(31)));
        }
        UUID recent = processed(consumer, Instant.now().minus(Duration.ofDays(29)));

        long removed = pruner.prune();

        assertThat(removed).isEqualTo(20);
        assertThat(jdbc.sql("select event_id from kam_processed_event where consumer = ?").param(consumer)
                .query(UUID.class).list()).containsExactly(recent);
    }

    private UUID processed(String consumer, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into kam_processed_event (consumer, event_id, processed_at) values (?, ?, ?)")
                .params(consumer, id, java.sql.Timestamp.from(at)).update();
        return id;
    }
}
