package io.kam.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.kam.platform.events.EventCodec;
import io.kam.platform.testing.TopicReader;
import io.kam.platform.testing.UsesRealInfrastructure;

@SpringBootTest(classes = OutboxTestApplication.class)
@UsesRealInfrastructure(database = "outbox_test")
class OutboxRelayTest {

    private static final String TOPIC = OutboxTestApplication.CATALOG.topic();

    @Autowired
    OutboxTestApplication.Notes notes;
    @Autowired
    OutboxRelay relay;
    @Autowired
    JdbcClient jdbc;

    private final EventCodec codec = new EventCodec();

    @Test
    void publishesCommittedEventsKeyedByAccountInOrderAndMarksThemSent() {
        UUID account = UUID.randomUUID();

        notes.note(account, 0, 50);

        List<ConsumerRecord<String, String>> records = awaitCount(account, 50);
        assertThat(records).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo(account.toString());
            assertThat(TopicReader.header(r, "content-type")).startsWith("application/cloudevents+json");
            assertThat(TopicReader.header(r, "kam-event-type")).isEqualTo("kam.sample.noted");
        });
        assertThat(records.stream().map(r -> codec.decode(r.value()).data().get("n").asInt()).toList())
                .as("one account's events arrive in the order they were committed")
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 50).boxed().toList());
        await().atMost(Duration.ofSeconds(10)).until(() -> unpublished(account) == 0);
    }

    @Test
    void rolledBackChangesPublishNothing() {
        UUID account = UUID.randomUUID();

        assertThatThrownBy(() -> notes.noteThenFail(account)).hasMessage("the state change failed");
        notes.note(account, 7, 1);

        assertThat(awaitCount(account, 1)).singleElement()
                .satisfies(r -> assertThat(codec.decode(r.value()).data().get("n").asInt()).isEqualTo(7));
        assertThat(jdbc.sql("select count(*) from kam_outbox where record_key = ?").param(account.toString())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void refusesEventsOutsideATransaction() {
        assertThatThrownBy(() -> notes.noteWithoutTransaction(UUID.randomUUID()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside the transaction");
    }

    @Test
    void eventsCommittedWhileTheRelayIsStoppedArePublishedAfterItRestarts() {
        UUID account = UUID.randomUUID();
        notes.note(account, 0, 10);
        relay.stop();
        try {
            notes.note(account, 10, 20);
            assertThat(unpublished(account)).as("nothing publishes while the relay is down").isGreaterThan(0);
        } finally {
            relay.start();
        }

        List<ConsumerRecord<String, String>> records = awaitCount(account, 30);

        assertThat(records.stream().map(r -> codec.decode(r.value()).data().get("n").asInt()).toList())
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 30).boxed().toList());
        assertThat(relay.isLeader()).isTrue();
    }

    @Test
    void aStoppedRelayLeavesThePublishingLockForAnotherInstance() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(relay::isLeader);
        relay.stop();
        // A connection of its own, outside the service's pool, like another instance of the service would have.
        try (var connection = java.sql.DriverManager.getConnection(
                io.kam.platform.testing.KamInfrastructure.get().jdbcUrl("outbox_test"), "postgres", "postgres");
             var statement = connection.createStatement()) {
            var rs = statement.executeQuery("select pg_try_advisory_lock(" + OutboxRelay.LEADER_LOCK + ")");
            rs.next();
            assertThat(rs.getBoolean(1)).as("another instance can take over").isTrue();
            statement.execute("select pg_advisory_unlock_all()");
        } finally {
            relay.start();
        }
        await().atMost(Duration.ofSeconds(10)).until(relay::isLeader);
    }

    private long unpublished(UUID account) {
        return jdbc.sql("select count(*) from kam_outbox where record_key = ? and published_at is null")
                .param(account.toString()).query(Long.class).single();
    }

    private static List<ConsumerRecord<String, String>> awaitCount(UUID account, int count) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> TopicReader.readAll(TOPIC).stream()
                                .filter(r -> r.key().equals(account.toString()))
                                .sorted(Comparator.comparingLong(ConsumerRecord::offset))
                                .toList(),
                        records -> records.size() >= count);
    }
}
