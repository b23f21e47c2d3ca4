package io.kam.sellthrough;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.kam.accounts.api.AccountEvents;
import io.kam.platform.consumer.ContractTopics;
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

    /** Publishes sell-through events; reads account events, for the replica of accounts and stores. */
    @Bean
    ContractTopics contractTopics() {
        return ContractTopics.publishes(SellThroughEvents.CATALOG).reads(AccountEvents.CATALOG);
    }
}
