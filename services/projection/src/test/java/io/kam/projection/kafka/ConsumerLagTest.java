package io.kam.projection.kafka;

import static io.kam.projection.AccountFixture.aNationalHypermarketChain;
import static io.kam.projection.AccountFixture.aStoreOpened;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.kam.accounts.api.Region;
import io.kam.projection.AccountsTopic;
import io.kam.projection.ProjectionServiceTest;
import io.kam.projection.ReviewsApi;

/** Operators watch kam.projection.consumer.lag to know how far behind the reviews are. */
@ProjectionServiceTest
class ConsumerLagTest {

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    RestTestClient http;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void theLagCountsEventsNotYetProjectedAndDropsToZeroOnceTheyAre() {
        AccountsTopic topic = new AccountsTopic(kafka);
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
}
