package io.kam.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.kam.platform.events.EventCodec;
import io.kam.platform.testing.KamInfrastructure;
import io.kam.platform.testing.TopicReader;
import io.kam.platform.testing.UsesRealInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * An event the broker can never take no longer stops the relay: it is set aside with the reason, every other account's
 * events go on, and the same account's later events wait behind it until an operator releases it, then follow it in
 * order. Before, the relay retried the refused batch for ever and published nothing more.
 */
@SpringBootTest(classes = OutboxTestApplication.class, properties = "kam.outbox.idle-wait=200ms")
@UsesRealInfrastructure(database = "outbox_quarantine_test")
class QuarantineTest {

    private static final String TOPIC = OutboxTestApplication.CATALOG.topic();
    /** More than the broker's default message.max.bytes (1,048,588) and the relay's default limit. */
    private static final String TOO_LARGE = "x".repeat(1_200_000);

    @Autowired
    OutboxTestApplication.Notes notes;
    @Autowired
    OutboxRelay relay;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    OutboxProperties properties;

    private final EventCodec codec = new EventCodec();

    @Test
    void aRecordTooLargeForTheBrokerIsQuarantinedWhileOtherAccountsGoOnAndItsAccountWaitsBehindIt() throws Exception {
        UUID held = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        notes.note(held, 0, 1);
        notes.write(held, 1, TOO_LARGE);
        notes.note(held, 2, 1);
        notes.note(other, 0, 3);

        assertThat(awaitNumbers(other, 3)).containsExactly(0, 1, 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> relay.quarantined() == 1);
        assertThat(jdbc.sql("select quarantine_reason from kam_outbox where quarantined_at is not null and record_key = ?")
                .param(held.toString()).query(String.class).single()).contains("more than kam.outbox.max-record-bytes");
        // The other account's events were committed after all of these, so the relay has been past them all.
        assertThat(numbers(held)).as("the later event of the same account does not overtake the refused one").containsExactly(0);
        assertThat(jdbc.sql("select count(*) from kam_outbox where record_key = ? and published_at is null")
                .param(held.toString()).query(Long.class).single()).isEqualTo(2);

        // The runbook's way out: raise the topic's limit and the relay's, then release the event.
        relay.stop();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KamInfrastructure.get().bootstrapServers()))) {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, TOPIC), List.of(
                    new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "2000000"), AlterConfigOp.OpType.SET))))
                    .all().get();
        }
        OutboxProperties raised = new OutboxProperties(true, properties.batchSize(), properties.idleWait(),
                properties.retention(), properties.leaderTimeout(), 1_900_000);
        OutboxRelay relayWithTheRaisedLimit = new OutboxRelay(dataSource, producer(), raised, Clock.systemUTC(),
                new SimpleMeterRegistry());
        relayWithTheRaisedLimit.start();
        try {
            jdbc.sql("update kam_outbox set quarantined_at = null, quarantine_reason = null where record_key = ? and quarantined_at is not null")
                    .param(held.toString()).update();

            assertThat(awaitNumbers(held, 3)).as("released, it goes first, and the account's events follow it in order")
                    .containsExactly(0, 1, 2);
            assertThat(relayWithTheRaisedLimit.quarantined()).isZero();
        } finally {
            relayWithTheRaisedLimit.stop();
            relay.start();
        }
    }

    private Map<String, Object> producer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KamInfrastructure.get().bootstrapServers());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
    }

    private List<Integer> awaitNumbers(UUID account, int count) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> numbers(account), numbers -> numbers.size() >= count);
    }

    private List<Integer> numbers(UUID account) {
        return TopicReader.readAll(TOPIC).stream()
                .filter(r -> r.key().equals(account.toString()))
                .sorted(Comparator.comparingLong(ConsumerRecord::offset))
                .map(r -> codec.decode(r.value()).data().get("n").asInt())
                .toList();
    }
}
