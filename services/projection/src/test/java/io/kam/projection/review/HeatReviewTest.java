package io.kam.projection.review;

import static io.kam.projection.AccountFixture.aNationalHypermarketChain;
import static io.kam.projection.RelationshipFixture.heatAssessed;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.RelationshipEvents.HeatAssessed;
import io.kam.platform.events.EventEnvelope;
import io.kam.projection.ReviewsTest;
import tools.jackson.databind.JsonNode;

/** Purchase heat: the latest assessment, its history in the order the assessments were made, and the trend. */
class HeatReviewTest extends ReviewsTest {

    private static final Instant T0 = Instant.parse("2026-06-01T02:00:00Z");

    @Test
    void theTrendFollowsTheHistoryAsAssessedWhateverTheDeliveryAndRedeliveries() {
        UUID account = UUID.randomUUID();
        topic.publish(aNationalHypermarketChain(account, "Heat Mart"));
        assertThat(api.awaitEventsApplied(account, 1).get("heat").isNull()).as("never assessed").isTrue();

        topic.publish(heatAssessed(account, 60, T0));
        JsonNode first = api.awaitEventsApplied(account, 2);
        assertThat(first.at("/heat/trend").asString()).isEqualTo("FIRST");

        EventEnvelope seventy = topic.publish(heatAssessed(account, 70, T0.plusSeconds(86_400 * 60)));
        HeatAssessed latest = heatAssessed(account, 75, T0.plusSeconds(86_400 * 90));
        topic.publish(latest);
        // made in July, reported only after the later ones
        topic.publish(heatAssessed(account, 62, T0.plusSeconds(86_400 * 30)));
        topic.publish(seventy);
        topic.publish(latest);

        JsonNode heat = api.awaitEventsApplied(account, 6).get("heat");
        assertThat(heat.get("history").valueStream().map(h -> h.get("score").asInt()).toList())
                .as("each assessment once, oldest first").containsExactly(60, 62, 70, 75);
        assertThat(heat.at("/history/1/assessedAt").asString()).isEqualTo(T0.plusSeconds(86_400 * 30).toString());
        assertThat(heat.get("trend").asString()).as("75 against the mean 64 of the three before it")
                .isEqualTo("RISING");
        assertThat(heat.get("score").asInt()).isEqualTo(75);
        assertThat(heat.get("assessedBy").asString()).isEqualTo("nora");
        assertThat(heat.get("assessedAt").asString()).isEqualTo(latest.assessedAt().toString());
        assertThat(heat.get("factors")).hasSize(5);
        assertThat(heat.at("/factors/0/factor").asString()).isEqualTo("PRODUCT_USE");
        assertThat(heat.at("/factors/0/rating").asInt()).isEqualTo(35);
        assertThat(heat.at("/factors/0/note").asString()).isEqualTo("Lists most of our range");
    }
}
