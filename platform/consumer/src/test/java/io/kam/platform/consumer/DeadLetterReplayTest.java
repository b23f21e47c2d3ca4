package io.kam.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

import io.kam.platform.events.EventCodec;
import io.kam.platform.events.EventEnvelope;
import io.kam.platform.testing.Api;
import io.kam.platform.testing.TestTokens;
import io.kam.platform.testing.TopicReader;
import io.kam.platform.testing.UsesRealInfrastructure;

/**
 * The operators' dead-letter replay on the real broker: a poison event is dead-lettered by one of two groups, the fix
 * is deployed, the replay re-drives it, the group applies it once and the other group, which had it already, skips
 * the copy; a second replay sends nothing; another group's dead letter in the same topic is left alone.
 */
@SpringBootTest(classes = ConsumerTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.application.name=consumer-test",
                "kam.test.replay-listeners=true",
                "spring.kafka.consumer.auto-offset-reset=earliest",
                "kam.consumer.retry.initial-interval=50ms",
                "kam.consumer.retry.max-elapsed=300ms"})
@UsesRealInfrastructure(database = "consumer_replay_test")
class DeadLetterReplayTest {

    private static final String TOPIC = "kam.replay-test.v1";
    private static final String DLT = "kam.replay-test.v1.dlt";
    private static final String PATH = "/ops/dead-letters";

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConsumerTestApplication.ReplayListeners listeners;
    @LocalServerPort
    int port;

    private final EventCodec codec = new EventCodec();

    @Test
    void aPoisonEventIsReplayedAfterTheFixAndAppliedExactlyOnceByEachGroup() throws Exception {
        UUID account = UUID.randomUUID();
        EventEnvelope poison = envelope(account, 7);
        send(envelope(account, 1));
        send(poison);

        var dead = TopicReader.awaitRecords(DLT, r -> account.toString().equals(r.key()));
        assertThat(dead).singleElement().satisfies(r -> assertThat(TopicReader.header(r,
                KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)).isEqualTo("replay-test"));
        await().atMost(Duration.ofSeconds(30)).until(() -> applied("replay-test-other", account) == 2);
        assertThat(applied("replay-test", account)).isEqualTo(1);
        // Another service's group dead-lettered its copy of the event into the same topic: not ours to re-drive.
        ProducerRecord<String, String> foreign = new ProducerRecord<>(DLT, account.toString(), codec.encode(envelope(account, 70)));
        foreign.headers().add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, "elsewhere".getBytes(StandardCharsets.UTF_8));
        foreign.headers().add(KafkaHeaders.DLT_ORIGINAL_TOPIC, TOPIC.getBytes(StandardCharsets.UTF_8));
        kafka.send(foreign).get();

        Api operator = new Api(port).as(TestTokens.operator());
        Api.Response listed = operator.get(PATH + "?topic=" + TOPIC + "&group=replay-test");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(mine(listed, account, "deadLetters")).isEqualTo(1);
        assertThat(listed.body().path("deadLetters").findValuesAsString("reason"))
                .anySatisfy(reason -> assertThat(reason).contains("cannot take n = 7 yet"));

        listeners.refusing = false; // the fix is deployed
        Api.Response replayed = operator.post(PATH + "/replay?topic=" + TOPIC + "&group=replay-test", null);

        assertThat(replayed.status()).isEqualTo(200);
        assertThat(mine(replayed, account, "replayed")).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> applied("replay-test", account) == 2);
        assertThat(jdbc.sql("select count(*) from replay_applied where consumer = 'replay-test' and event_id = ?")
                .param(poison.id()).query(Long.class).single()).isEqualTo(1);
        // The other group had the event already: it sees the copy before the marker behind it, and skips it.
        send(envelope(account, 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> applied("replay-test-other", account) == 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> applied("replay-test", account) == 3);
        assertThat(jdbc.sql("select count(*) from replay_applied where event_id = ?").param(poison.id())
                .query(Long.class).single()).as("once by each group").isEqualTo(2);

        Api.Response again = operator.post(PATH + "/replay?topic=" + TOPIC + "&group=replay-test", null);

        assertThat(again.status()).isEqualTo(200);
        assertThat(mine(again, account, "replayed")).isZero();
        assertThat(again.body().path("alreadyReplayed").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(mine(operator.get(PATH + "?topic=" + TOPIC + "&group=replay-test"), account, "deadLetters"))
                .isEqualTo(1);
        assertThat(operator.get(PATH + "?topic=" + TOPIC + "&group=replay-test").body().path("deadLetters")
                .findValues("replayed")).allSatisfy(flag -> assertThat(flag.asBoolean()).isTrue());
        send(envelope(account, 3));
        await().atMost(Duration.ofSeconds(30)).until(() -> applied("replay-test", account) == 4);
        assertThat(jdbc.sql("select count(*) from replay_applied where event_id = ?").param(poison.id())
                .query(Long.class).single()).as("nothing changed by the second replay").isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from kam_dead_letter_replay where record_key = ?").param(account.toString())
                .query(Long.class).single()).as("the foreign dead letter was not replayed").isEqualTo(1);
        assertThat(TopicReader.readAll(TOPIC).stream().filter(r -> account.toString().equals(r.key())))
                .as("1, 7, its one copy, 2, 3").hasSize(5);
    }

    @Test
    void onlyOperatorsReplayAndBadTargetsAreProblemDetails() {
        String replay = PATH + "/replay?topic=" + TOPIC + "&group=replay-test";
        assertThat(new Api(port).post(replay, null).status()).isEqualTo(401);
        assertThat(new Api(port).as(TestTokens.nora()).post(replay, null).status()).isEqualTo(403);
        assertThat(new Api(port).as(TestTokens.integrationForAllAccounts()).get(PATH + "?topic=" + TOPIC).status())
                .isEqualTo(403);
        Api operator = new Api(port).as(TestTokens.operator());

        Api.Response noTopic = operator.post(PATH + "/replay", null);
        assertThat(noTopic.status()).isEqualTo(400);
        assertThat(noTopic.headers().getContentType().toString()).startsWith("application/problem+json");
        assertThat(noTopic.fieldErrors()).singleElement().asString().startsWith("topic: is required");
        Api.Response unknownTopic = operator.post(PATH + "/replay?topic=kam.nothing.v1", null);
        assertThat(unknownTopic.status()).isEqualTo(400);
        assertThat(unknownTopic.fieldErrors()).singleElement().asString().contains("is not a topic this service reads");
        Api.Response twoGroups = operator.post(PATH + "/replay?topic=" + TOPIC, null);
        assertThat(twoGroups.fieldErrors()).singleElement().asString().startsWith("group: is required");
        Api.Response strangeGroup = operator.get(PATH + "?topic=" + TOPIC + "&group=elsewhere");
        assertThat(strangeGroup.status()).isEqualTo(400);
        assertThat(strangeGroup.fieldErrors()).singleElement().asString().startsWith("group: does not read");
    }

    private static long mine(Api.Response response, UUID account, String field) {
        long n = 0;
        for (var entry : response.body().path(field)) {
            if (account.toString().equals(entry.path("key").asString())) {
                n++;
            }
        }
        return n;
    }

    private EventEnvelope envelope(UUID account, int n) {
        return codec.wrap(ConsumerTestApplication.CATALOG, new ConsumerTestApplication.SampleCounted(account, n),
                "tester", Instant.now());
    }

    private void send(EventEnvelope envelope) throws Exception {
        kafka.send(TOPIC, envelope.subject(), codec.encode(envelope)).get();
    }

    private long applied(String consumer, UUID account) {
        return jdbc.sql("select count(*) from replay_applied where consumer = ? and account_id = ?")
                .params(consumer, account).query(Long.class).single();
    }
}
