package io.kam.accounts;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;

import io.kam.accounts.api.AccountEvents;
import io.kam.negotiations.api.NegotiationEvents;
import io.kam.platform.consumer.ContractTopics;
import io.kam.prospects.api.ProspectEvents;

/** The accounts service: retailers, their stores and contacts, classification and development stage. */
@SpringBootApplication
@PropertySource("classpath:kam-accounts.properties")
public class AccountsApplication {

    public static void main(String[] args) {
        SpringApplication.run(AccountsApplication.class, args);
    }

    /**
     * Publishes account events; reads prospect events, whose conversions open accounts, and negotiation events, whose
     * signed agreements give the plans their trade spend actual.
     */
    @Bean
    ContractTopics contractTopics() {
        return ContractTopics.publishes(AccountEvents.CATALOG).reads(ProspectEvents.CATALOG)
                .reads(NegotiationEvents.CATALOG);
    }
}
