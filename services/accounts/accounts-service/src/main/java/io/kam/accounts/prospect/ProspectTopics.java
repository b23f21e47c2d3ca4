package io.kam.accounts.prospect;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import io.kam.platform.events.Topics;
import io.kam.prospects.api.ProspectEvents;

/**
 * The prospects topic this service reads, declared with the contract's shape in case this service starts before the
 * prospects service (the consumer never lets the broker create it), and its dead-letter topic.
 */
@Configuration(proxyBeanMethods = false)
class ProspectTopics {

    @Bean
    NewTopic prospectsTopic() {
        return TopicBuilder.name(ProspectEvents.TOPIC).partitions(ProspectEvents.TOPIC_PARTITIONS)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1").build();
    }

    /** Conversions that can never open an account land here with the reason; it must exist before the first one. */
    @Bean
    NewTopic prospectsDeadLetterTopic() {
        return TopicBuilder.name(Topics.deadLetter(ProspectEvents.TOPIC)).partitions(3)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1").build();
    }
}
