package io.kam.projection.sellthrough;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import io.kam.platform.events.Topics;
import io.kam.projection.kafka.ConsumerOffsets;
import io.kam.sellthrough.api.SellThroughEvents;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The sell-through topic and its dead-letter topic, and the topic's consumer-lag gauge: the same metric as the other
 * topics' ({@code kam.projection.consumer.lag}), tagged with this topic.
 */
@Configuration(proxyBeanMethods = false)
class SellThroughTopics {

    /** Created with the contract's shape if the projection starts before the sell-through service. */
    @Bean
    NewTopic sellThroughTopic() {
        return TopicBuilder.name(SellThroughEvents.TOPIC).partitions(SellThroughEvents.TOPIC_PARTITIONS)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1").build();
    }

    /** Undecodable and failing sell-through events land here with the reason. */
    @Bean
    NewTopic sellThroughDeadLetterTopic() {
        return TopicBuilder.name(Topics.deadLetter(SellThroughEvents.TOPIC)).partitions(3)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1").build();
    }

    @Bean
    MeterBinder sellThroughLag(ConsumerOffsets offsets, @Value("${spring.kafka.consumer.group-id}") String group) {
        return registry -> Gauge.builder("kam.projection.consumer.lag", offsets, o -> lagOrNaN(o, group))
                .description("Events not yet projected: end offsets minus the committed offsets of the group")
                .baseUnit("records")
                .tag("topic", SellThroughEvents.TOPIC)
                .tag("group", group)
                .register(registry);
    }

    private static double lagOrNaN(ConsumerOffsets offsets, String group) {
        try {
            return offsets.lag(group, SellThroughEvents.TOPIC);
        } catch (ConsumerOffsets.OffsetsUnavailableException e) {
            return Double.NaN;
        }
    }
}
