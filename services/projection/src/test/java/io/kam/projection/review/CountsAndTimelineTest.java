package io.kam.projection.review;

import static io.kam.projection.AccountFixture.aContactAdded;
import static io.kam.projection.AccountFixture.aNationalHypermarketChain;
import static io.kam.projection.AccountFixture.aStoreOpened;
import static io.kam.projection.AccountFixture.classified;
import static io.kam.projection.AccountFixture.closed;
import static io.kam.projection.AccountFixture.movedTo;
import static io.kam.projection.AccountFixture.removed;
import static io.kam.projection.AccountFixture.stageChanged;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.AccountEvents.ContactAdded;
import io.kam.accounts.api.AccountEvents.StoreOpened;
import io.kam.accounts.api.AccountRole;
import io.kam.accounts.api.ContactLevel;
import io.kam.accounts.api.Department;
import io.kam.accounts.api.DevelopmentStage;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.ValueTier;
import io.kam.projection.ReviewsTest;
import tools.jackson.databind.JsonNode;

/** Store counts by region, contacts by department and the timeline follow the account's events. */
class CountsAndTimelineTest extends ReviewsTest {

    @Test
    void openStoresByRegionFollowOpeningsAndClosings() {
        UUID account = UUID.randomUUID();
        topic.publish(aNationalHypermarketChain(account, "Store Count Mart"));
        StoreOpened east1 = aStoreOpened(account, Region.EAST);
        StoreOpened east2 = aStoreOpened(account, Region.EAST);
        StoreOpened west = aStoreOpened(account, Region.WEST);
        topic.publish(east1);
        topic.publish(east2);
        topic.publish(west);

        JsonNode opened = api.awaitEventsApplied(account, 4);
        assertThat(opened.at("/stores/open").asLong()).isEqualTo(3);
        assertThat(opened.at("/stores/byRegion/EAST").asLong()).isEqualTo(2);
        assertThat(opened.at("/stores/byRegion/WEST").asLong()).isEqualTo(1);
        assertThat(opened.at("/stores/byRegion").propertyNames())
                .as("every region is listed, zeros included")
                .containsExactly("EAST", "SOUTH", "NORTH", "NORTHEAST", "CENTRE", "WEST", "SOUTHEAST");
        assertThat(opened.at("/stores/byRegion/NORTHEAST").asLong()).isZero();

        topic.publish(closed(east1));
        topic.publish(closed(west));

        JsonNode afterClosing = api.awaitEventsApplied(account, 6);
        assertThat(afterClosing.at("/stores/open").asLong()).isEqualTo(1);
        assertThat(afterClosing.at("/stores/byRegion/EAST").asLong()).isEqualTo(1);
        assertThat(afterClosing.at("/stores/byRegion/WEST").asLong()).isZero();
    }

    @Test
    void contactsByDepartmentFollowAdditionsMovesAndRemovals() {
        UUID account = UUID.randomUUID();
        topic.publish(aNationalHypermarketChain(account, "Contact Wall Mart"));
        ContactAdded buyer = aContactAdded(account, Department.PURCHASING, ContactLevel.MANAGER);
        ContactAdded planner = aContactAdded(account, Department.PURCHASING, ContactLevel.STAFF);
        ContactAdded marketer = aContactAdded(account, Department.MARKETING, ContactLevel.DIRECTOR);
        topic.publish(buyer);
        topic.publish(planner);
        topic.publish(marketer);

        JsonNode added = api.awaitEventsApplied(account, 4);
        assertThat(added.at("/contacts/total").asLong()).isEqualTo(3);
        assertThat(added.at("/contacts/byDepartment/PURCHASING").asLong()).isEqualTo(2);
        assertThat(added.at("/contacts/byDepartment/MARKETING").asLong()).isEqualTo(1);
        assertThat(added.at("/contacts/byDepartment").propertyNames())
                .as("every department is listed, zeros included")
                .containsExactly("PURCHASING", "MARKETING", "LOGISTICS", "STORE_OPERATIONS", "FINANCE", "EXPANSION");

        topic.publish(movedTo(planner, Department.LOGISTICS));
        topic.publish(removed(marketer, Department.MARKETING));

        JsonNode changed = api.awaitEventsApplied(account, 6);
        assertThat(changed.at("/contacts/total").asLong()).isEqualTo(2);
        assertThat(changed.at("/contacts/byDepartment/PURCHASING").asLong()).isEqualTo(1);
        assertThat(changed.at("/contacts/byDepartment/LOGISTICS").asLong()).isEqualTo(1);
        assertThat(changed.at("/contacts/byDepartment/MARKETING").asLong()).isZero();
        assertThat(changed.at("/contacts/byLevel/DIRECTOR").asLong()).isZero();
    }

    @Test
    void timelineListsClassificationAndStageChangesOldestFirstWithWhoWhenAndWhy() {
        UUID account = UUID.randomUUID();
        Instant t0 = Instant.parse("2026-02-01T08:00:00Z");
        topic.publish(aNationalHypermarketChain(account, "Timeline Mart"));
        topic.publish(stageChanged(account, DevelopmentStage.TARGET_EVALUATION, DevelopmentStage.PRODUCT_USER, t0));
        topic.publish(classified(account, ValueTier.C, ValueTier.B, AccountRole.RED, t0.plusSeconds(3600)));
        topic.publish(stageChanged(account, DevelopmentStage.PRODUCT_USER, DevelopmentStage.PREFERRED_USER,
                t0.plusSeconds(7200)));

        JsonNode review = api.awaitEventsApplied(account, 4);

        assertThat(review.get("timeline")).hasSize(3);
        assertThat(review.get("timeline").valueStream().map(e -> e.get("kind").asString()))
                .containsExactly("STAGE", "CLASSIFICATION", "STAGE");
        JsonNode classification = review.at("/timeline/1");
        assertThat(classification.get("at").asString()).isEqualTo("2026-02-01T09:00:00Z");
        assertThat(classification.get("by").asString()).isEqualTo("nora");
        assertThat(classification.get("fromTier").asString()).isEqualTo("C");
        assertThat(classification.get("toTier").asString()).isEqualTo("B");
        assertThat(classification.get("fromRole").isNull()).isTrue();
        assertThat(classification.get("toRole").asString()).isEqualTo("RED");
        assertThat(classification.get("reason").asString()).isEqualTo("Volume up 30% at a thin margin");
        assertThat(review.at("/timeline/2/evidence").asString()).isEqualTo("Listed 42 SKUs with end-cap priority");
        assertThat(review.get("stage").asString()).isEqualTo("PREFERRED_USER");
        assertThat(review.at("/classification/tier").asString()).isEqualTo("B");
    }

    @Test
    void eventsOfAnAccountWhoseOpeningWasNotSeenAreKept() {
        UUID account = UUID.randomUUID();

        topic.publish(aStoreOpened(account, Region.CENTRE));

        JsonNode review = api.awaitEventsApplied(account, 1);
        assertThat(review.at("/stores/byRegion/CENTRE").asLong()).isEqualTo(1);
        assertThat(review.at("/header/name").isNull()).as("the header is unknown until it arrives").isTrue();
    }
}
