package io.kam.visits.planning;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import io.kam.accounts.api.AccountEvents;
import io.kam.platform.events.Topics;
import io.kam.visits.api.VisitEvents;

/** The topics this service writes to and reads from, created with the contracts' shapes if they do not exist yet. */
@Configuration(proxyBeanMethods = false)
class KafkaSetup {

    /** The topic this service publishes on: events kept forever, because projections replay it. */
    @Bean
    NewTopic visitsTopic(@Value("${kam.visits.topic-partitions:" + VisitEvents.TOPIC_PARTITIONS + "}") int partitions) {
        return TopicBuilder.name(VisitEvents.TOPIC).partitions(partitions)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1").build();
    }

    /** The store master's topic, in case this service starts before the accounts service created it. */
    @Bean
    NewTopic accountsTopic() {
        return TopicBuilder.name(AccountEvents.TOPIC).partitions(AccountEvents.TOPIC_PARTITIONS)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1").build();
    }

    /** Account events this service cannot apply land here with the reason; it must exist before the first one. */
    @Bean
    NewTopic accountsDeadLetterTopic() {
        return TopicBuilder.name(Topics.deadLetter(AccountEvents.TOPIC)).partitions(3)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1").build();
    }
}
