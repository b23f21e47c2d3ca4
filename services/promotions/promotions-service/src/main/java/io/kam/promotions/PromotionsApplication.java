package io.kam.promotions;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.kam.accounts.api.AccountEvents;
import io.kam.negotiations.api.NegotiationEvents;
import io.kam.platform.consumer.ContractTopics;
import io.kam.promotions.api.PromotionEvents;
import io.kam.sellthrough.api.SellThroughEvents;
import io.kam.visits.api.VisitEvents;

/**
 * The promotions service (促销): promotions tailored to each account, approved with four eyes, agreed with the
 * retailer, refused when they clash, and run and ended by the market's calendar.
 */
@SpringBootApplication
@EnableScheduling
@PropertySource("classpath:kam-promotions.properties")
public class PromotionsApplication {

    public static void main(String[] args) {
        SpringApplication.run(PromotionsApplication.class, args);
    }

    /** Publishes promotion events; reads account events, to know each account's
     * stores, sell-through, to evaluate promotions, and negotiations, whose agreed promotion fees are the default fees. */
    @Bean
    ContractTopics contractTopics() {
        return ContractTopics.publishes(PromotionEvents.CATALOG).reads(AccountEvents.CATALOG, SellThroughEvents.CATALOG,
                VisitEvents.CATALOG, NegotiationEvents.CATALOG);
    }
}
