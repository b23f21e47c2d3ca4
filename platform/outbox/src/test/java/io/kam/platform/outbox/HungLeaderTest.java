package io.kam.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.kam.platform.testing.KamInfrastructure;
import io.kam.platform.testing.TopicReader;
import io.kam.platform.testing.UsesRealInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A leader that hangs while it holds the publishing lock gives it up within the leader timeout, and the service's
 * own relay, standing by, publishes what the hung one had read. Without the bound, the lock stayed with the hung
 * session until TCP noticed, which on a live host is never.
 */
@SpringBootTest(classes = OutboxTestApplication.class, properties = {
        "kam.outbox.idle-wait=200ms",
        "kam.outbox.leader-timeout=2s"})
@UsesRealInfrastructure(database = "outbox_hung_test")
class HungLeaderTest {

    private static final String TOPIC = OutboxTestApplication.CATALOG.topic();

    @Autowired
    OutboxTestApplication.Notes notes;
    @Autowired
    OutboxRelay standBy;
    @Autowired
    DataSource dataSource;
    @Autowired
    OutboxProperties properties;

    @Test
    void aStandByTakesOverFromAHungLeaderWithinTheLeaderTimeout() throws Exception {
        standBy.stop();
        OutboxRelay hung = new OutboxRelay(dataSource, hangingProducer(), properties, Clock.systemUTC(),
                new SimpleMeterRegistry());
        hung.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(hung::isLeader);
            UUID account = UUID.randomUUID();
            notes.note(account, 0, 5);
            assertThat(HangingInterceptor.hanging.await(10, TimeUnit.SECONDS)).as("the leader hangs on its batch").isTrue();
            Instant hungSince = Instant.now();

            standBy.start();

            await().atMost(Duration.ofSeconds(20)).until(standBy::isLeader);
            Duration takeover = Duration.between(hungSince, Instant.now());
            await().atMost(Duration.ofSeconds(20)).until(() -> TopicReader.readAll(TOPIC).stream()
                    .filter(r -> r.key().equals(account.toString())).count() == 5);
            assertThat(takeover).as("within the leader timeout and an idle wait, with scheduling slack")
                    .isLessThan(properties.leaderTimeout().plus(properties.idleWait()).plusSeconds(5));
        } finally {
            HangingInterceptor.release.countDown();
            hung.stop();
        }
    }

    private static Map<String, Object> hangingProducer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KamInfrastructure.get().bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, HangingInterceptor.class.getName());
        return config;
    }
}
