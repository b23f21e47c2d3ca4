package io.kam.negotiations;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;

import io.kam.accounts.api.AccountEvents;
import io.kam.negotiations.api.NegotiationEvents;
import io.kam.platform.consumer.ContractTopics;
import io.kam.visits.api.VisitEvents;

/**
 * The negotiations service (谈判与贸易条件): each account's year negotiated from an approved preparation through
 * rounds and a concession ledger to a signed agreement, every term normalised into one true trade spend on a stated
 * basis. Confidential: it answers national KA managers only.
 */
@SpringBootApplication
@PropertySource("classpath:kam-negotiations.properties")
public class NegotiationsApplication {

    public static void main(String[] args) {
        SpringApplication.run(NegotiationsApplication.class, args);
    }

    /**
     * Publishes negotiation events; reads account events, for the stores and the approved plans a term's cost is
     * counted on, and visit events, for the SKUs listed.
     */
    @Bean
    ContractTopics contractTopics() {
        return ContractTopics.publishes(NegotiationEvents.CATALOG).reads(AccountEvents.CATALOG, VisitEvents.CATALOG);
    }
}
