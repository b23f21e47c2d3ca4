package io.kam.accounts;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.kafka.config.TopicBuilder;

import io.kam.accounts.api.AccountEvents;

/** The accounts service: retailers, their stores and contacts, classification and development stage. */
@SpringBootApplication
@PropertySource("classpath:kam-accounts.properties")
public class AccountsApplication {

    public static void main(String[] args) {
        SpringApplication.run(AccountsApplication.class, args);
    }

    /**
     * The topic this service publishes on. Partitions bound the parallelism of every consumer; events are kept
     * forever, because projections are rebuilt by replaying the topic from its beginning.
     */
    @Bean
    NewTopic accountsTopic(@Value("${kam.accounts.topic-partitions:" + AccountEvents.TOPIC_PARTITIONS + "}") int partitions) {
        return TopicBuilder.name(AccountEvents.TOPIC).partitions(partitions)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1").build();
    }
}
