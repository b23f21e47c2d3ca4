package io.kam.projection.kafka;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.kam.accounts.api.AccountEvents;
import io.kam.negotiations.api.NegotiationEvents;
import io.kam.platform.consumer.ContractTopics;
import io.kam.promotions.api.PromotionEvents;
import io.kam.prospects.api.ProspectEvents;
import io.kam.sellthrough.api.SellThroughEvents;
import io.kam.visits.api.VisitEvents;

/**
 * The six contract topics the projection reads. The platform creates each with its contract's shape if the
 * projection starts before the service that publishes it, a dead-letter topic for each, and the consumer-lag gauge
 * {@code kam.projection.consumer.lag} of each (tag {@code topic}).
 */
@Configuration(proxyBeanMethods = false)
class KafkaSetup {

    @Bean
    ContractTopics contractTopics() {
        return ContractTopics.readsOnly(AccountEvents.CATALOG, ProspectEvents.CATALOG, VisitEvents.CATALOG,
                SellThroughEvents.CATALOG, PromotionEvents.CATALOG, NegotiationEvents.CATALOG);
    }
}
