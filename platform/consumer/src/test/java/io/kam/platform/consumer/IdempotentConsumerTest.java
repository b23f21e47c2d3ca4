package io.kam.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import io.kam.platform.events.EventCodec;
import io.kam.platform.events.EventEnvelope;
import io.kam.platform.testing.TopicReader;
import io.kam.platform.testing.UsesRealInfrastructure;

@SpringBootTest(classes = ConsumerTestApplication.class, properties = {
        "spring.application.name=consumer-test",
        "spring.kafka.consumer.auto-offset-reset=earliest",
        "kam.consumer.retry.initial-interval=50ms",
        "kam.consumer.retry.max-elapsed=500ms"})
@UsesRealInfrastructure(database = "consumer_test")
class IdempotentConsumerTest {

    private static final String TOPIC = "kam.consumer-test.v1";
    private static final String DLT = "kam.consumer-test.v1.dlt";

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConsumerTestApplication.CountingListener listener;
    @Autowired
    org.springframework.kafka.core.ConsumerFactory<?, ?> consumers;

    private final EventCodec codec = new EventCodec();

    @Test
    void aConsumerThatDiesWithoutLeavingGivesUpItsPartitionsWithinFifteenSeconds() {
        assertThat(consumers.getConfigurationProperties())
                .containsEntry(org.apache.kafka.clients.consumer.ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 15_000)
                .containsEntry(org.apache.kafka.clients.consumer.ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
    }

    @Test
    void redeliveredEventsAreAppliedOnce() throws Exception {
        UUID account = UUID.randomUUID();
        EventEnvelope event = envelope(account, 1);

        send(account.toString(), codec.encode(event));
        send(account.toString(), codec.encode(event));
        send(account.toString(), codec.encode(envelope(account, 2)));

        await().atMost(Duration.ofSeconds(30)).until(() -> appliedFor(account) == 2);
        assertThat(jdbc.sql("select count(*) from applied where event_id = ?").param(event.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void transientFailuresAreRetriedAndTheEffectLandsOnce() throws Exception {
        UUID account = UUID.randomUUID();

        send(account.toString(), codec.encode(envelope(account, 13)));

        await().atMost(Duration.ofSeconds(30)).until(() -> appliedFor(account) == 1);
        assertThat(listener.attemptsOf13.get()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void anUnreachableDatabaseIsWaitedForLongerThanTheRetryWindowAndNothingIsDeadLettered() throws Exception {
        UUID account = UUID.randomUUID();

        send(account.toString(), codec.encode(envelope(account, 42)));

        await().atMost(Duration.ofSeconds(30)).until(() -> appliedFor(account) == 1);
        assertThat(listener.attemptsOf42.get()).isGreaterThan(2);
        assertThat(TopicReader.readAll(DLT).stream().filter(r -> account.toString().equals(r.key()))).isEmpty();
    }

    @Test
    void aDatabaseRestartUnderAMicronautDataWriteIsWaitedForAndNothingIsDeadLettered() throws Exception {
        UUID account = UUID.randomUUID();

        send(account.toString(), codec.encode(envelope(account, 57)));

        await().atMost(Duration.ofSeconds(30)).until(() -> appliedFor(account) == 1);
        assertThat(listener.attemptsOf57.get()).as("terminated for longer than the retry window").isGreaterThan(2);
        assertThat(TopicReader.readAll(DLT).stream().filter(r -> account.toString().equals(r.key()))).isEmpty();
    }

    @Test
    void aStatementTimeoutThatHappensEveryTimeIsRetriedForTheWindowThenDeadLettered() throws Exception {
        UUID account = UUID.randomUUID();

        send(account.toString(), codec.encode(envelope(account, 58)));

        var dead = TopicReader.awaitRecords(DLT, r -> account.toString().equals(r.key()));
        assertThat(TopicReader.header(dead.getFirst(), DeadLetters.REASON_HEADER)).contains("statement timeout");
        assertThat(listener.attemptsOf58.get()).isGreaterThan(1);
        assertThat(appliedFor(account)).isZero();
    }

    @Test
    void aConstraintTheEventCanNeverMeetIsDeadLetteredWithoutRetries() throws Exception {
        UUID account = UUID.randomUUID();

        send(account.toString(), codec.encode(envelope(account, 59)));

        var dead = TopicReader.awaitRecords(DLT, r -> account.toString().equals(r.key()));
        assertThat(TopicReader.header(dead.getFirst(), DeadLetters.REASON_HEADER)).contains("null value in column");
        assertThat(listener.attemptsOf59.get()).isEqualTo(1);
        assertThat(appliedFor(account)).isZero();
    }

    @Test
    void aPayloadForAnotherAccountThanItsSubjectIsDeadLettered() throws Exception {
        UUID account = UUID.randomUUID();
        EventEnvelope honest = envelope(account, 5);
        EventEnvelope forged = new EventEnvelope(UUID.randomUUID(), honest.source(), honest.specversion(), honest.type(),
                honest.subject(), honest.time(), null, 1, "tester",
                codec.tree("{\"accountId\":\"" + UUID.randomUUID() + "\",\"n\":5}"));

        send(account.toString(), codec.encode(forged));

        var dead = TopicReader.awaitRecords(DLT, r -> account.toString().equals(r.key()));
        assertThat(TopicReader.header(dead.getFirst(), DeadLetters.REASON_HEADER)).contains("is not the event subject");
        assertThat(appliedFor(account)).isZero();
    }

    @Test
    void unknownEventTypesGoToTheDeadLetterTopicWithTheReason() throws Exception {
        UUID account = UUID.randomUUID();
        EventEnvelope unknown = new EventEnvelope(UUID.randomUUID(), "/kam/consumer-test", "1.0", "kam.sample.vanished",
                account.toString(), Instant.now(), null, 1, "tester", codec.tree("{}"));

        send(account.toString(), codec.encode(unknown));

        var dead = TopicReader.awaitRecords(DLT, r -> account.toString().equals(r.key()));
        assertThat(dead).singleElement().satisfies(r -> {
            assertThat(TopicReader.header(r, DeadLetters.REASON_HEADER)).contains("unknown event type kam.sample.vanished v1");
            assertThat(r.value()).isEqualTo(codec.encode(unknown));
        });
        assertThat(appliedFor(account)).isZero();
    }

    @Test
    void malformedRecordsGoToTheDeadLetterTopic() throws Exception {
        String key = UUID.randomUUID().toString();

        send(key, "{this is not an event");

        var dead = TopicReader.awaitRecords(DLT, r -> key.equals(r.key()));
        assertThat(TopicReader.header(dead.getFirst(), DeadLetters.REASON_HEADER)).contains("not a valid CloudEvents envelope");
    }

    @Test
    void persistentFailuresRollBackTheEffectAndAreDeadLettered() throws Exception {
        UUID account = UUID.randomUUID();
        EventEnvelope poison = envelope(account, 99);

        send(account.toString(), codec.encode(poison));

        var dead = TopicReader.awaitRecords(DLT, r -> account.toString().equals(r.key()));
        assertThat(TopicReader.header(dead.getFirst(), DeadLetters.REASON_HEADER)).contains("cannot take n = 99");
        assertThat(appliedFor(account)).isZero();
        assertThat(jdbc.sql("select count(*) from kam_processed_event where event_id = ?").param(poison.id())
                .query(Long.class).single()).as("a failed event is not marked processed").isZero();
    }

    private EventEnvelope envelope(UUID account, int n) {
        return codec.wrap(ConsumerTestApplication.CATALOG, new ConsumerTestApplication.SampleCounted(account, n),
                "tester", Instant.now());
    }

    private void send(String key, String value) throws Exception {
        kafka.send(TOPIC, key, value).get();
    }

    private long appliedFor(UUID account) {
        return jdbc.sql("select count(*) from applied where account_id = ?").param(account).query(Long.class).single();
    }
}
