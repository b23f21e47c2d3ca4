package io.kam.projection.review;

import static io.kam.projection.AccountFixture.aContactAdded;
import static io.kam.projection.AccountFixture.aNationalHypermarketChain;
import static io.kam.projection.AccountFixture.aStoreOpened;
import static io.kam.projection.AccountFixture.classified;
import static io.kam.projection.AccountFixture.stageChanged;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.AccountEvents.AccountUpdated;
import io.kam.accounts.api.AccountEvents.StoreOpened;
import io.kam.accounts.api.AccountRole;
import io.kam.accounts.api.AccountStatus;
import io.kam.accounts.api.ContactLevel;
import io.kam.accounts.api.Department;
import io.kam.accounts.api.DevelopmentStage;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.ValueTier;
import io.kam.platform.events.EventEnvelope;
import io.kam.projection.ReviewsTest;
import tools.jackson.databind.JsonNode;

/** Kafka delivers at least once: the review must come out the same however often an event arrives. */
class RedeliveryTest extends ReviewsTest {

    @Test
    void redeliveredEventsChangeNothing() {
        UUID account = UUID.randomUUID();
        Instant t0 = Instant.parse("2026-01-05T09:00:00Z");
        List<EventEnvelope> sent = List.of(
                topic.publish(aNationalHypermarketChain(account, "Redelivery Mart")),
                topic.publish(aStoreOpened(account, Region.EAST)),
                topic.publish(aStoreOpened(account, Region.SOUTH)),
                topic.publish(aContactAdded(account, Department.FINANCE, ContactLevel.DIRECTOR)),
                topic.publish(classified(account, ValueTier.B, ValueTier.A, AccountRole.RED, t0)),
                topic.publish(stageChanged(account, DevelopmentStage.TARGET_EVALUATION, DevelopmentStage.PRODUCT_USER,
                        t0.plusSeconds(60))));
        JsonNode before = api.awaitEventsApplied(account, sent.size());

        sent.forEach(topic::publish);
        topic.publish(renamed(account, "Redelivery Mart Group"));
        JsonNode after = api.awaitEventsApplied(account, sent.size() + 1);

        assertThat(after.at("/header/name").asString()).as("the event after the redeliveries was applied")
                .isEqualTo("Redelivery Mart Group");
        assertThat(after.get("stores")).isEqualTo(before.get("stores"));
        assertThat(after.at("/stores/open").asLong()).isEqualTo(2);
        assertThat(after.get("contacts")).isEqualTo(before.get("contacts"));
        assertThat(after.get("timeline")).hasSize(2).isEqualTo(before.get("timeline"));
        assertThat(after.get("classification")).isEqualTo(before.get("classification"));
    }

    @Test
    void aStoreOpenedTwiceUnderDifferentEventIdsCountsOnce() {
        UUID account = UUID.randomUUID();
        topic.publish(aNationalHypermarketChain(account, "Twice Opened Stores"));
        StoreOpened store = aStoreOpened(account, Region.NORTH);

        topic.publish(store);
        topic.publish(store);

        JsonNode review = api.awaitEventsApplied(account, 3);
        assertThat(review.at("/stores/byRegion/NORTH").asLong()).isEqualTo(1);
        assertThat(review.at("/stores/open").asLong()).isEqualTo(1);
    }

    private static AccountUpdated renamed(UUID account, String name) {
        var opened = aNationalHypermarketChain(account, name);
        return new AccountUpdated(account, name, opened.banner(), opened.format(), opened.ownership(),
                opened.headquarters(), opened.scope(), opened.homeRegion(), opened.owner(), AccountStatus.ACTIVE, 2);
    }
}
