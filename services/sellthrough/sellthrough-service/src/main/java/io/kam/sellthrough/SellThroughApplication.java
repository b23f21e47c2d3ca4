package io.kam.sellthrough;

import java.time.Clock;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.kam.accounts.api.AccountEvents;
import io.kam.platform.events.Topics;
import io.kam.sellthrough.api.SellThroughEvents;

/**
 * The sell-through service: retailers' POS figures (units and sales per store, SKU and day), pushed through the API or
 * pulled by connectors, checked against the accounts' stores and published on {@code kam.sellthrough.v1}. Its
 * defaults are in {@code kam-sellthrough.properties}; environment variables override them.
 */
@SpringBootApplication
@EnableScheduling
@org.springframework.boot.context.properties.EnableConfigurationProperties(SellThroughProperties.class)
@PropertySource("classpath:kam-sellthrough.properties")
public class SellThroughApplication {

    public static void main(String[] args) {
        SpringApplication.run(SellThroughApplication.class, args);
    }

    /** What time it is: "today" in the market decides which dates lie in the future. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The topic this service publishes on; events are kept forever, because projections replay it. */
    @Bean
    NewTopic sellThroughTopic(@Value("${kam.sellthrough.topic-partitions:" + SellThroughEvents.TOPIC_PARTITIONS + "}") int partitions) {
        return TopicBuilder.name(SellThroughEvents.TOPIC).partitions(partitions)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1").build();
    }

    /** The topic this service reads stores and accounts from, created with the contract's shape if it starts first. */
    @Bean
    NewTopic accountsTopic() {
        return TopicBuilder.name(AccountEvents.TOPIC).partitions(AccountEvents.TOPIC_PARTITIONS)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1").build();
    }

    /** Account events this service cannot apply land here with the reason. */
    @Bean
    NewTopic accountsDeadLetterTopic() {
        return TopicBuilder.name(Topics.deadLetter(AccountEvents.TOPIC)).partitions(3)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1").build();
    }
}
