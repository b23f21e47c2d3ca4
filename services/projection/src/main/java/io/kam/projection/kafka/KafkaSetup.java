package io.kam.projection.kafka;

import java.time.Duration;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import io.kam.accounts.api.AccountEvents;
import io.kam.platform.events.Topics;
import io.kam.prospects.api.ProspectEvents;
import io.kam.visits.api.VisitEvents;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

/** The topics read and their dead-letter topics, the admin client behind the offsets, and the consumer-lag gauge. */
@Configuration(proxyBeanMethods = false)
class KafkaSetup {

    static final String LAG_METRIC = "kam.projection.consumer.lag";
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(2);

    /**
     * The topic this service reads, created with the contract's shape if the projection starts before the accounts
     * service; the consumer itself never lets the broker create it with default retention.
     */
    @Bean
    NewTopic accountsTopic() {
        return TopicBuilder.name(AccountEvents.TOPIC).partitions(AccountEvents.TOPIC_PARTITIONS)
                .config(org.apache.kafka.common.config.TopicConfig.RETENTION_MS_CONFIG, "-1").build();
    }

    /** Undecodable and failing account events land here with the reason; it must exist before the first one. */
    @Bean
    NewTopic accountsDeadLetterTopic() {
        return TopicBuilder.name(Topics.deadLetter(AccountEvents.TOPIC)).partitions(3)
                .config(org.apache.kafka.common.config.TopicConfig.RETENTION_MS_CONFIG, "-1").build();
    }

    /** The prospects topic, created with the contract's shape if the projection starts before the prospects service. */
    @Bean
    NewTopic prospectsTopic() {
        return TopicBuilder.name(ProspectEvents.TOPIC).partitions(ProspectEvents.TOPIC_PARTITIONS)
                .config(org.apache.kafka.common.config.TopicConfig.RETENTION_MS_CONFIG, "-1").build();
    }

    /** Undecodable and failing prospect events land here with the reason. */
    @Bean
    NewTopic prospectsDeadLetterTopic() {
        return TopicBuilder.name(Topics.deadLetter(ProspectEvents.TOPIC)).partitions(3)
                .config(org.apache.kafka.common.config.TopicConfig.RETENTION_MS_CONFIG, "-1").build();
    }

    /** The visits topic, created with the contract's shape if the projection starts before the visits service. */
    @Bean
    NewTopic visitsTopic() {
        return TopicBuilder.name(VisitEvents.TOPIC).partitions(VisitEvents.TOPIC_PARTITIONS)
                .config(org.apache.kafka.common.config.TopicConfig.RETENTION_MS_CONFIG, "-1").build();
    }

    /** Undecodable and failing visits events land here with the reason. */
    @Bean
    NewTopic visitsDeadLetterTopic() {
        return TopicBuilder.name(Topics.deadLetter(VisitEvents.TOPIC)).partitions(3)
                .config(org.apache.kafka.common.config.TopicConfig.RETENTION_MS_CONFIG, "-1").build();
    }

    /** An admin client on the brokers of {@code spring.kafka.bootstrap-servers}, with Boot's admin settings. */
    @Bean(destroyMethod = "close")
    Admin projectionAdmin(KafkaAdmin kafkaAdmin) {
        return Admin.create(kafkaAdmin.getConfigurationProperties());
    }

    @Bean
    ConsumerOffsets consumerOffsets(Admin projectionAdmin) {
        return new ConsumerOffsets(projectionAdmin, ADMIN_TIMEOUT);
    }

    /**
     * How many events wait to be projected, per topic (tag {@code topic}): end offsets minus the group's committed
     * offsets. Without a tag, the metrics endpoint shows the sum over the three topics.
     */
    @Bean
    MeterBinder consumerLag(ConsumerOffsets offsets, @Value("${spring.kafka.consumer.group-id}") String group) {
        return registry -> {
            for (String topic : new String[] {AccountEvents.TOPIC, ProspectEvents.TOPIC, VisitEvents.TOPIC}) {
                Gauge.builder(LAG_METRIC, offsets, o -> o.lagOrNaN(group, topic))
                        .description("Events not yet projected: end offsets minus the committed offsets of the group")
                        .baseUnit("records")
                        .tag("topic", topic)
                        .tag("group", group)
                        .register(registry);
            }
        };
    }
}
