package io.kam.visits;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;

import io.kam.accounts.api.AccountEvents;
import io.kam.negotiations.api.NegotiationEvents;
import io.kam.platform.consumer.ContractTopics;
import io.kam.promotions.api.PromotionEvents;
import io.kam.visits.api.VisitEvents;

/**
 * The visits service (拜访与终端执行): frequency standards and the schedule they generate, visit plans and logs,
 * commitments checked against policy, store checks with photo evidence, complaints, trips, coverage and compliance.
 * Its defaults are in {@code kam-visits.properties}; environment variables override them.
 */
@SpringBootApplication
@PropertySource("classpath:kam-visits.properties")
@EnableConfigurationProperties(VisitSettings.class)
public class VisitsApplication {

    public static void main(String[] args) {
        SpringApplication.run(VisitsApplication.class, args);
    }

    /**
     * Publishes visits events; reads account events, the store master that schedules are made from, and promotion
     * events, the promotions whose execution store checks record, and negotiation events, the agreements whose terms
     * limit the commitments made at visits.
     */
    @Bean
    ContractTopics contractTopics() {
        return ContractTopics.publishes(VisitEvents.CATALOG).reads(AccountEvents.CATALOG, PromotionEvents.CATALOG,
                NegotiationEvents.CATALOG);
    }
}
