package io.kam.prospects;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.kafka.config.TopicBuilder;

import io.kam.accounts.api.AccountEvents;
import io.kam.prospects.api.ProspectEvents;

/**
 * The prospects service (潜在客户开发): finds, screens and develops new retailers and distributors, and converts them
 * into accounts.
 */
@SpringBootApplication
@PropertySource("classpath:kam-prospects.properties")
public class ProspectsApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProspectsApplication.class, args);
    }

    /** The topic this service publishes on: kept forever, because projections are rebuilt by replaying it. */
    @Bean
    NewTopic prospectsTopic(@Value("${kam.prospects.topic-partitions:" + ProspectEvents.TOPIC_PARTITIONS + "}") int partitions) {
        return TopicBuilder.name(ProspectEvents.TOPIC).partitions(partitions)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1").build();
    }

    /** The accounts topic this service reads, declared with the contract's shape in case it starts first. */
    @Bean
    NewTopic accountsTopic() {
        return TopicBuilder.name(AccountEvents.TOPIC).partitions(AccountEvents.TOPIC_PARTITIONS)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1").build();
    }
}
