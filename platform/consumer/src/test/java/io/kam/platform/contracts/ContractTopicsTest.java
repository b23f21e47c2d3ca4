package io.kam.platform.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import io.kam.platform.consumer.DeadLetters;
import io.kam.platform.contracts.ContractsTestApplication.Cancelled;
import io.kam.platform.contracts.ContractsTestApplication.Ordered;
import io.kam.platform.contracts.ContractsTestApplication.OrdersListener;
import io.kam.platform.contracts.ContractsTestApplication.Shipped;
import io.kam.platform.events.EventCodec;
import io.kam.platform.testing.KamInfrastructure;
import io.kam.platform.testing.TopicReader;
import io.kam.platform.testing.TopicWriter;
import io.kam.platform.testing.UsesRealInfrastructure;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What a service gets from declaring its contracts: the topics with their shape, listeners that see only their
 * contract's events, and a lag gauge for every topic it reads.
 */
@SpringBootTest(classes = ContractsTestApplication.class, properties = {
        "spring.application.name=contracts-test",
        "spring.kafka.consumer.group-id=contracts-test",
        "spring.kafka.consumer.auto-offset-reset=earliest",
        "kam.consumer.retry.initial-interval=50ms",
        "kam.consumer.retry.max-elapsed=500ms",
        "kam.contracts-shipments.topic-partitions=4"})
@UsesRealInfrastructure(database = "contracts_test")
class ContractTopicsTest {

    private static final String LAG = "kam.contracts-test.consumer.lag";

    @Autowired
    OrdersListener listener;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    MeterRegistry meters;

    private final TopicWriter<ContractsTestApplication.OrderEvent> orders = TopicWriter.of(ContractsTestApplication.ORDERS);

    @Test
    void theTopicsExistWithTheirContractsShapeAndEveryTopicReadHasItsDeadLetterTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KamInfrastructure.get().bootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of("kam.contracts-shipments.v1",
                    "kam.contracts-orders.v1", "kam.contracts-orders.v1.dlt")).allTopicNames().get();

            assertThat(topics.get("kam.contracts-shipments.v1").partitions()).as("published, raised by its setting")
                    .hasSize(4);
            assertThat(topics.get("kam.contracts-orders.v1").partitions()).as("read, as its contract says").hasSize(2);
            assertThat(topics.get("kam.contracts-orders.v1.dlt").partitions()).hasSize(3);
            for (String topic : topics.keySet()) {
                var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
                assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).as(topic + " keeps its events forever")
                        .isEqualTo("-1");
            }
            assertThat(admin.listTopics().names().get()).as("nobody dead-letters what this service publishes")
                    .doesNotContain("kam.contracts-shipments.v1.dlt");
        }
    }

    @Test
    void aListenerGetsItsContractsEventsTypedAndAnotherContractsEventIsDeadLetteredWithTheReason() {
        UUID account = UUID.randomUUID();
        EventCodec codec = new EventCodec();
        String shipment = codec.encode(codec.wrap(ContractsTestApplication.SHIPMENTS, new Shipped(account, 3),
                "tester", java.time.Instant.now()));

        orders.publish(new Ordered(account, 3));
        orders.publish(account.toString(), shipment);
        orders.publish(new Cancelled(account));

        await().atMost(Duration.ofSeconds(30)).until(() -> listener.applied.stream()
                .filter(e -> e.accountId().equals(account)).count() == 2);
        assertThat(listener.applied.stream().filter(e -> e.accountId().equals(account)))
                .containsExactly(new Ordered(account, 3), new Cancelled(account));
        var dead = TopicReader.awaitRecords("kam.contracts-orders.v1.dlt", r -> account.toString().equals(r.key()));
        assertThat(dead).singleElement().satisfies(r -> {
            assertThat(r.value()).isEqualTo(shipment);
            assertThat(TopicReader.header(r, DeadLetters.REASON_HEADER))
                    .contains("unknown event type kam.contracts-test.shipped v1 on kam.contracts-orders.v1");
        });
    }

    @Test
    void everyTopicReadHasALagGaugeThatCountsWhatIsNotProcessedYet() {
        MessageListenerContainer container = listeners.getListenerContainer(OrdersListener.ID);
        await().atMost(Duration.ofSeconds(30)).until(() -> lag() == 0.0);
        UUID account = UUID.randomUUID();

        container.stop();
        try {
            orders.publish(new Ordered(account, 1));
            orders.publish(new Ordered(account, 2));

            assertThat(lag()).as("events published while the listener is stopped").isEqualTo(2.0);
        } finally {
            container.start();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> lag() == 0.0);
        assertThat(meters.find(LAG).gauges()).as("one gauge per topic read, none for what is published")
                .extracting(g -> g.getId().getTag("topic")).containsExactly("kam.contracts-orders.v1");
    }

    private double lag() {
        Gauge gauge = meters.find(LAG).tag("topic", "kam.contracts-orders.v1").tag("group", "contracts-test").gauge();
        assertThat(gauge).as("the lag gauge of the topic read").isNotNull();
        return gauge.value();
    }
}
