package io.kam.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;

import io.kam.platform.events.EventCodec;
import io.kam.platform.events.EventEnvelope;
import io.kam.platform.testing.TopicReader;
import io.kam.platform.testing.UsesRealInfrastructure;

/**
 * A batch listener applies a whole poll in one transaction; a bad record in the middle costs neither the records
 * before it nor those after it, and is dead-lettered with the reason. The listener is paused while the records
 * are sent, so that they arrive in one poll.
 */
@SpringBootTest(classes = ConsumerTestApplication.class, properties = {
        "spring.application.name=consumer-test",
        "spring.kafka.consumer.auto-offset-reset=earliest",
        "kam.consumer.retry.initial-interval=50ms",
        "kam.consumer.retry.max-elapsed=500ms"})
@UsesRealInfrastructure(database = "consumer_test")
class BatchConsumerTest {

    private static final String TOPIC = "kam.consumer-batch-test.v1";

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    private final EventCodec codec = new EventCodec();

    @Test
    void appliesAPollOnceEvenWhenItRepeatsItself() throws Exception {
        UUID account = UUID.randomUUID();
        EventEnvelope first = envelope(account, 1);

        inOnePoll(List.of(codec.encode(first), codec.encode(first), codec.encode(envelope(account, 2)),
                codec.encode(envelope(account, 3))), account);

        await().atMost(Duration.ofSeconds(30)).until(() -> numbers(account).size() == 3);
        assertThat(numbers(account)).containsExactly(1, 2, 3);
    }

    @Test
    void aPoisonRecordInTheMiddleIsDeadLetteredAndTheOthersApplied() throws Exception {
        UUID account = UUID.randomUUID();
        EventEnvelope poison = envelope(account, 99);

        inOnePoll(List.of(codec.encode(envelope(account, 1)), codec.encode(poison), codec.encode(envelope(account, 2)),
                "{not an event", codec.encode(envelope(account, 3))), account);

        var dead = TopicReader.awaitRecords(TOPIC + ".dlt", r -> account.toString().equals(r.key())
                && TopicReader.header(r, DeadLetters.REASON_HEADER) != null);
        await().atMost(Duration.ofSeconds(30)).until(() -> numbers(account).size() == 3
                && TopicReader.readAll(TOPIC + ".dlt").stream().filter(r -> account.toString().equals(r.key())).count() == 2);
        assertThat(numbers(account)).containsExactly(1, 2, 3);
        assertThat(TopicReader.readAll(TOPIC + ".dlt").stream().filter(r -> account.toString().equals(r.key()))
                .map(r -> TopicReader.header(r, DeadLetters.REASON_HEADER)).toList())
                .anySatisfy(reason -> assertThat(reason).as("the cause, not the batch wrapper")
                        .isEqualTo("IllegalStateException: the projection cannot take n = 99"))
                .anySatisfy(reason -> assertThat(reason).contains("not a valid CloudEvents envelope"));
        assertThat(dead).isNotEmpty();
        assertThat(jdbc.sql("select count(*) from kam_processed_event where event_id = ?").param(poison.id())
                .query(Long.class).single()).isZero();
    }

    private void inOnePoll(List<String> values, UUID account) throws Exception {
        MessageListenerContainer container = listeners.getListenerContainer("consumer-batch-test");
        container.stop();
        try {
            for (String value : values) {
                kafka.send(TOPIC, account.toString(), value).get();
            }
        } finally {
            container.start();
        }
    }

    private EventEnvelope envelope(UUID account, int n) {
        return codec.wrap(ConsumerTestApplication.CATALOG, new ConsumerTestApplication.SampleCounted(account, n),
                "tester", Instant.now());
    }

    private List<Integer> numbers(UUID account) {
        return jdbc.sql("select n from applied where account_id = ? order by n").param(account).query(Integer.class).list();
    }
}
