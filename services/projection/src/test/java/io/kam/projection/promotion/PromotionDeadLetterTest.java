package io.kam.projection.promotion;

import static io.kam.projection.AccountFixture.aNationalHypermarketChain;
import static io.kam.projection.AccountFixture.aStoreOpened;
import static io.kam.projection.PromotionFixture.aPromotion;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.kam.accounts.api.AccountEvents.StoreOpened;
import io.kam.accounts.api.Region;
import io.kam.platform.consumer.DeadLetters;
import io.kam.platform.events.EventCodec;
import io.kam.platform.events.EventEnvelope;
import io.kam.platform.testing.TopicReader;
import io.kam.projection.PromotionFixture;
import io.kam.projection.ReviewsApi;
import io.kam.projection.ReviewsTest;
import io.kam.promotions.api.PromotionEvents;
import io.kam.visits.api.VisitEvents;
import tools.jackson.databind.node.ObjectNode;

/**
 * A promotions event the projection cannot read is set aside on kam.promotions.v1.dlt with the reason, and a promotion
 * execution check that names no region on kam.visits.v1.dlt; later events still apply.
 */
class PromotionDeadLetterTest extends ReviewsTest {

    @Test
    void unknownPromotionsEventsAndRegionlessExecutionChecksGoToTheirDeadLetterTopics() {
        EventCodec codec = new EventCodec();
        UUID account = UUID.randomUUID();
        String key = account.toString();
        StoreOpened store = aStoreOpened(account, Region.NORTH);
        topic.publish(aNationalHypermarketChain(account, "After The Poison Promotion " + account));
        topic.publish(store);
        PromotionFixture promotion = aPromotion(account, "Poisoned week", LocalDate.of(2026, 12, 1),
                LocalDate.of(2026, 12, 7), store);
        EventEnvelope unknown = new EventEnvelope(UUID.randomUUID(), "/kam/promotions", "1.0",
                "kam.promotion.teleported", key, Instant.now(), null, 1, "tester", codec.tree("{}"));
        EventEnvelope regionless = codec.wrap(VisitEvents.CATALOG,
                promotion.checked(store, Instant.parse("2026-12-02T02:00:00Z")), "eric",
                Instant.parse("2026-12-02T02:05:00Z"));
        ((ObjectNode) regionless.data()).putNull("region");

        promotions.publish(key, codec.encode(unknown));
        promotions.publish(promotion.drafted(), Instant.parse("2026-11-01T02:00:00Z"));
        visits.publish(regionless);
        visits.publish(promotion.checked(store, Instant.parse("2026-12-03T02:00:00Z"), "display"),
                Instant.parse("2026-12-03T02:05:00Z"));

        var promotionsDead = Awaitility.await("the promotions dead letter").atMost(ReviewsApi.PATIENCE)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> TopicReader.readAll(PromotionEvents.TOPIC + ".dlt").stream()
                        .filter(r -> key.equals(r.key())).toList(), found -> found.size() == 1);
        assertThat(TopicReader.header(promotionsDead.get(0), DeadLetters.REASON_HEADER))
                .contains("unknown event type kam.promotion.teleported v1");
        var visitsDead = Awaitility.await("the visits dead letter").atMost(ReviewsApi.PATIENCE)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> TopicReader.readAll(VisitEvents.TOPIC + ".dlt").stream()
                        .filter(r -> key.equals(r.key())).toList(), found -> found.size() == 1);
        assertThat(TopicReader.header(visitsDead.get(0), DeadLetters.REASON_HEADER))
                .contains("kam.promotion-execution.checked " + regionless.id() + " names no region");
        assertThat(visitsDead.get(0).value()).isEqualTo(codec.encode(regionless));

        api.awaitVisitsApplied(account, 1);
        api.awaitPromotionsApplied(account, 1);
    }
}
