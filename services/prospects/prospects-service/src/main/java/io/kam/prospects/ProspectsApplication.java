package io.kam.prospects;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;

import io.kam.accounts.api.AccountEvents;
import io.kam.platform.consumer.ContractTopics;
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

    /** Publishes prospect events; reads account events, to know the accounts and see conversions land. */
    @Bean
    ContractTopics contractTopics() {
        return ContractTopics.publishes(ProspectEvents.CATALOG).reads(AccountEvents.CATALOG);
    }
}
