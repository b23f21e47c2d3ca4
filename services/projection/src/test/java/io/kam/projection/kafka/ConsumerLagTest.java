package io.kam.projection.kafka;

import static io.kam.projection.AccountFixture.aNationalHypermarketChain;
import static io.kam.projection.AccountFixture.aStoreOpened;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.kam.accounts.api.AccountEvents;
import io.kam.accounts.api.AccountEvents.AccountEvent;
import io.kam.accounts.api.Region;
import io.kam.platform.testing.TopicWriter;
import io.kam.projection.ProjectionServiceTest;
import io.kam.projection.ReviewsApi;
import io.kam.projection.VisitFixture;
import io.kam.negotiations.api.NegotiationEvents;
import io.kam.promotions.api.PromotionEvents;
import io.kam.prospects.api.ProspectEvents;
import io.kam.sellthrough.api.SellThroughEvents;
import io.kam.visits.api.ComplaintType;
import io.kam.visits.api.VisitEvents;
import io.kam.visits.api.VisitEvents.VisitEvent;

/** Operators watch kam.projection.consumer.lag to know how far behind the reviews are, in total and per topic. */
@ProjectionServiceTest
class ConsumerLagTest {

    @Autowired
    RestTestClient http;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void theLagCountsEventsNotYetProjectedAndDropsToZeroOnceTheyAre() {
        TopicWriter<AccountEvent> topic = TopicWriter.of(AccountEvents.CATALOG);
        ReviewsApi api = new ReviewsApi(http);
        api.awaitCaughtUp();
        MessageListenerContainer listener = listeners.getListenerContainer("projection-accounts");
        UUID account = UUID.randomUUID();

        listener.stop();
        try {
            topic.publish(aNationalHypermarketChain(account, "Lagging Mart"));
            topic.publish(aStoreOpened(account, Region.EAST));
            topic.publish(aStoreOpened(account, Region.WEST));

            assertThat(api.lag()).as("events published while the listener is stopped").isEqualTo(3.0);
        } finally {
            listener.start();
        }

        await("lag back to 0").atMost(ReviewsApi.PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(api::lag, lag -> lag == 0.0);
        assertThat(api.reviewJson(account)).as("the events behind the lag were projected").isPresent();
    }

    @Test
    void everyTopicTheProjectionReadsHasItsLagGauge() {
        java.util.Set<String> listened = new java.util.TreeSet<>();
        listeners.getListenerContainers()
                .forEach(c -> listened.addAll(java.util.List.of(c.getContainerProperties().getTopics())));

        assertThat(listened).containsExactlyInAnyOrder(AccountEvents.TOPIC, ProspectEvents.TOPIC, VisitEvents.TOPIC,
                SellThroughEvents.TOPIC, PromotionEvents.TOPIC, NegotiationEvents.TOPIC);
        assertThat(new ReviewsApi(http).lagTopics()).isEqualTo(listened);
    }

    @Test
    void eachTopicHasItsOwnLag() {
        TopicWriter<VisitEvent> visits = TopicWriter.of(VisitEvents.CATALOG);
        ReviewsApi api = new ReviewsApi(http);
        api.awaitCaughtUp();
        MessageListenerContainer listener = listeners.getListenerContainer("projection-visits");
        VisitFixture account = new VisitFixture(UUID.randomUUID());
        Instant at = Instant.parse("2026-12-01T02:00:00Z");

        listener.stop();
        try {
            visits.publish(account.complaint(Region.NORTH, ComplaintType.SERVICE), at);
            visits.publish(account.complaint(Region.NORTH, ComplaintType.DELIVERY), at);

            assertThat(api.lag(VisitEvents.TOPIC)).as("visits events published while their listener is stopped")
                    .isEqualTo(2.0);
            assertThat(api.lag(AccountEvents.TOPIC)).isZero();
        } finally {
            listener.start();
        }

        await("visits lag back to 0").atMost(ReviewsApi.PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> api.lag(VisitEvents.TOPIC), lag -> lag == 0.0);
    }
}
