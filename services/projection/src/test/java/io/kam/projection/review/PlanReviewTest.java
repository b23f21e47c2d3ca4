package io.kam.projection.review;

import static io.kam.projection.AccountFixture.aNationalHypermarketChain;
import static io.kam.projection.PlanFixture.aPlan;
import static io.kam.projection.PlanFixture.anItem;
import static io.kam.projection.PlanFixture.someTargets;
import static io.kam.projection.PlanFixture.target;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.ActionStatus;
import io.kam.accounts.api.PlanEvents.ActionItem;
import io.kam.accounts.api.PlanEvents.Target;
import io.kam.accounts.api.PlanKpi;
import io.kam.projection.PlanFixture;
import io.kam.projection.ReviewsTest;
import tools.jackson.databind.JsonNode;

/**
 * The review shows the approved plan in force, never a draft, with its path on the timeline and the progress of its
 * action plan. The service's clock stands at New Year's Day 2027 in Shanghai (still 2026 in UTC).
 */
class PlanReviewTest extends ReviewsTest {

    private static final Instant T0 = Instant.parse("2026-11-02T02:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    @Test
    void aPlanIsShownOnlyOnceApprovedAndItsPathIsOnTheTimeline() {
        UUID account = UUID.randomUUID();
        PlanFixture plan = aPlan(account, 2027);
        List<Target> revised = List.of(target(PlanKpi.SHELF_PRICE_INDEX, 98, 96),
                target(PlanKpi.SELL_THROUGH_VALUE, 13_200_000, 10_500_000), target(PlanKpi.LISTED_SKUS, 50, 41));
        List<ActionItem> items = List.of(anItem("Second display island for UHT milk", LocalDate.of(2027, 1, 31)));
        topic.publish(aNationalHypermarketChain(account, "Plan Path Mart"));
        topic.publish(plan.drafted(1, someTargets(), items));
        topic.publish(plan.submitted(1, T0));
        topic.publish(plan.returned(1, T0.plus(DAY), "Phase more of the volume into Q1"));

        JsonNode returned = api.awaitEventsApplied(account, 4);
        assertThat(returned.get("plan").isNull()).as("a draft is not the plan").isTrue();
        assertThat(returned.get("planYears")).isEmpty();
        assertThat(returned.get("actions").isNull()).isTrue();
        assertThat(kinds(returned)).containsExactly("PLAN_SUBMITTED", "PLAN_RETURNED");
        JsonNode back = returned.at("/timeline/1");
        assertThat(back.get("by").asString()).isEqualTo("nate");
        assertThat(back.get("at").asString()).isEqualTo(T0.plus(DAY).toString());
        assertThat(back.get("planYear").asInt()).isEqualTo(2027);
        assertThat(back.get("planVersion").asInt()).isEqualTo(1);
        assertThat(back.get("comment").asString()).isEqualTo("Phase more of the volume into Q1");

        topic.publish(plan.targetsChanged(1, revised));
        topic.publish(plan.submitted(1, T0.plus(DAY.multipliedBy(2))));
        topic.publish(plan.approved(1, T0.plus(DAY.multipliedBy(3)), revised, items));

        JsonNode approved = api.awaitEventsApplied(account, 7);
        assertThat(kinds(approved)).containsExactly("PLAN_SUBMITTED", "PLAN_RETURNED", "PLAN_SUBMITTED", "PLAN_APPROVED");
        assertThat(approved.at("/timeline/3/by").asString()).isEqualTo("nate");
        JsonNode shown = approved.get("plan");
        assertThat(shown.get("year").asInt()).isEqualTo(2027);
        assertThat(shown.get("version").asInt()).isEqualTo(1);
        assertThat(shown.get("author").asString()).isEqualTo("nora");
        assertThat(shown.get("approvedBy").asString()).isEqualTo("nate");
        assertThat(shown.get("approvedAt").asString()).isEqualTo(T0.plus(DAY.multipliedBy(3)).toString());
        assertThat(shown.get("targets").valueStream().map(t -> t.get("kpi").asString()).toList())
                .as("the revised targets, in KPI order")
                .containsExactly("SELL_THROUGH_VALUE", "LISTED_SKUS", "SHELF_PRICE_INDEX");
        JsonNode sellThrough = shown.at("/targets/0");
        assertThat(sellThrough.get("unit").asString()).isEqualTo("CNY");
        assertThat(sellThrough.get("basis").asString()).isEqualTo("PRIOR_YEAR");
        assertThat(sellThrough.get("target").decimalValue()).isEqualByComparingTo("13200000");
        assertThat(sellThrough.get("baseline").decimalValue()).isEqualByComparingTo("10500000");
        assertThat(sellThrough.get("actual").isNull()).as("no sell-through data yet").isTrue();
        assertThat(shown.at("/targets/2/unit").asString()).isEqualTo("INDEX");
        assertThat(shown.at("/targets/2/basis").asString()).isEqualTo("AGREED_RETAIL_PRICE");
        assertThat(shown.at("/sellThrough/annualTarget").decimalValue()).isEqualByComparingTo("13200000");
        assertThat(shown.at("/sellThrough/months")).hasSize(12).allSatisfy(month -> {
            assertThat(month.get("target").decimalValue()).isEqualByComparingTo("1100000");
            assertThat(month.get("actual").isNull()).isTrue();
            assertThat(month.get("variance").isNull()).isTrue();
        });
        assertThat(shown.at("/sellThrough/months/11/month").asInt()).isEqualTo(12);
        assertThat(shown.get("dependsOn").valueStream().map(JsonNode::asString).toList())
                .containsExactly("PURCHASING", "MARKETING", "STORE_OPERATIONS");
        assertThat(approved.get("planYears").valueStream().map(JsonNode::asInt).toList()).containsExactly(2027);
    }

    @Test
    void aRevisionIsShownOnlyOnceItIsApproved() {
        UUID account = UUID.randomUUID();
        PlanFixture plan = aPlan(account, 2027);
        List<Target> raised = List.of(target(PlanKpi.SELL_THROUGH_VALUE, 14_400_000, 10_500_000));
        topic.publish(aNationalHypermarketChain(account, "Revision Mart"));
        topic.publish(plan.drafted(1, someTargets(), List.of()));
        topic.publish(plan.submitted(1, T0));
        topic.publish(plan.approved(1, T0.plus(DAY), someTargets(), List.of()));
        topic.publish(plan.drafted(2, raised, List.of()));
        topic.publish(plan.submitted(2, T0.plus(DAY.multipliedBy(30))));

        JsonNode revising = api.awaitEventsApplied(account, 6);
        assertThat(revising.at("/plan/version").asInt()).as("v1 stays in force while v2 is a draft").isEqualTo(1);
        assertThat(revising.at("/plan/sellThrough/annualTarget").decimalValue()).isEqualByComparingTo("12000000");
        assertThat(revising.at("/plan/targets")).hasSize(2);

        topic.publish(plan.approved(2, T0.plus(DAY.multipliedBy(31)), raised, List.of()));

        JsonNode revised = api.awaitEventsApplied(account, 7);
        assertThat(revised.at("/plan/version").asInt()).isEqualTo(2);
        assertThat(revised.at("/plan/targets")).hasSize(1);
        assertThat(revised.at("/plan/sellThrough/annualTarget").decimalValue()).isEqualByComparingTo("14400000");
        assertThat(revised.at("/plan/sellThrough/months/0/target").decimalValue()).isEqualByComparingTo("1200000");
        assertThat(revised.get("planYears").valueStream().map(JsonNode::asInt).toList()).containsExactly(2027);
        assertThat(kinds(revised)).endsWith("PLAN_SUBMITTED", "PLAN_APPROVED");
        assertThat(revised.at("/timeline/3/planVersion").asInt()).isEqualTo(2);
    }

    @Test
    void actionProgressCountsFromBeforeApprovalAndAcrossRevisions() {
        UUID account = UUID.randomUUID();
        PlanFixture plan = aPlan(account, 2027);
        ActionItem training = anItem("Train the promoters of the East stores", LocalDate.of(2026, 12, 31));
        ActionItem island = anItem("Second display island at Chinese New Year", LocalDate.of(2027, 1, 31));
        ActionItem listing = anItem("List the new yoghurt range", LocalDate.of(2026, 12, 15));
        ActionItem flyer = anItem("Flyer insertion in December", LocalDate.of(2026, 11, 30));
        topic.publish(aNationalHypermarketChain(account, "Action Mart"));
        topic.publish(plan.drafted(1, someTargets(), List.of(training, island, listing, flyer)));
        topic.publish(plan.progressed(training, ActionStatus.PLANNED, ActionStatus.IN_PROGRESS, T0));
        topic.publish(plan.approved(1, T0.plus(DAY), someTargets(), List.of(training, island, listing, flyer)));

        JsonNode approved = api.awaitEventsApplied(account, 4);
        assertThat(status(approved, training)).as("progress reported on the draft counts").isEqualTo("IN_PROGRESS");
        assertThat(approved.at("/actions/total").asInt()).isEqualTo(4);
        assertThat(approved.at("/actions/overdue").asInt()).isEqualTo(3);
        assertThat(approved.at("/actions/percentDone").asInt()).isZero();

        topic.publish(plan.progressed(listing, ActionStatus.PLANNED, ActionStatus.DONE, T0.plus(DAY.multipliedBy(2))));
        topic.publish(plan.progressed(flyer, ActionStatus.PLANNED, ActionStatus.CANCELLED, T0.plus(DAY.multipliedBy(3))));

        JsonNode progressed = api.awaitEventsApplied(account, 6);
        JsonNode actions = progressed.get("actions");
        assertThat(actions.get("byStatus").propertyNames()).as("every status, zeros included")
                .containsExactly("PLANNED", "IN_PROGRESS", "DONE", "CANCELLED");
        assertThat(actions.get("byStatus").valueStream().map(JsonNode::asInt).toList()).containsExactly(1, 1, 1, 1);
        assertThat(actions.get("percentDone").asInt()).as("1 done of the 3 not cancelled").isEqualTo(33);
        assertThat(actions.get("overdue").asInt())
                .as("only the training is past due and open: due 31 December, and it is 1 January in Shanghai")
                .isEqualTo(1);
        assertThat(actions.get("items").valueStream().map(i -> i.get("what").asString()).toList())
                .as("by due date").containsExactly(flyer.what(), listing.what(), training.what(), island.what());
        JsonNode first = actions.at("/items/2");
        assertThat(first.get("itemId").asString()).isEqualTo(training.itemId().toString());
        assertThat(first.get("owner").asString()).isEqualTo("nora");
        assertThat(first.get("due").asString()).isEqualTo("2026-12-31");
        assertThat(first.get("region").asString()).isEqualTo("EAST");
        assertThat(first.get("servesKpi").asString()).isEqualTo("SELL_THROUGH_VALUE");
        assertThat(first.get("servesSwotPoint").isNull()).isTrue();
        assertThat(first.get("overdue").asBoolean()).isTrue();
        assertThat(actions.at("/items/1/overdue").asBoolean()).as("done is never overdue").isFalse();

        ActionItem tasting = anItem("In-store tasting weekends", LocalDate.of(2027, 2, 28));
        topic.publish(plan.drafted(2, someTargets(), List.of(training, island, tasting)));
        topic.publish(plan.approved(2, T0.plus(DAY.multipliedBy(10)), someTargets(), List.of(training, island, tasting)));

        JsonNode revised = api.awaitEventsApplied(account, 8);
        assertThat(revised.at("/actions/total").asInt()).as("the items of the approved revision").isEqualTo(3);
        assertThat(status(revised, training)).as("progress follows the item into the revision").isEqualTo("IN_PROGRESS");
        assertThat(status(revised, tasting)).isEqualTo("PLANNED");
        assertThat(revised.at("/actions/percentDone").asInt()).isZero();
        assertThat(revised.at("/actions/byStatus/DONE").asInt()).isZero();
    }

    @Test
    void theYearShownIsTheOneAskedOrTheCurrentYearInShanghaiOrElseTheLatestWithAnApprovedPlan() {
        UUID account = UUID.randomUUID();
        PlanFixture plan2026 = aPlan(account, 2026);
        PlanFixture plan2027 = aPlan(account, 2027);
        topic.publish(aNationalHypermarketChain(account, "Two Years Mart"));
        topic.publish(plan2026.approved(1, T0.minus(DAY.multipliedBy(365)), someTargets(), List.of()));
        topic.publish(plan2027.approved(1, T0, someTargets(), List.of(anItem("Island", LocalDate.of(2027, 3, 1)))));
        UUID older = UUID.randomUUID();
        topic.publish(aNationalHypermarketChain(older, "Last Year's Plan Mart"));
        topic.publish(aPlan(older, 2025).approved(1, T0.minus(DAY.multipliedBy(700)), someTargets(), List.of()));
        UUID none = UUID.randomUUID();
        topic.publish(aNationalHypermarketChain(none, "Draft Only Mart"));
        topic.publish(aPlan(none, 2027).drafted(1, someTargets(), List.of()));

        JsonNode current = api.awaitEventsApplied(account, 3);
        assertThat(current.at("/plan/year").asInt()).as("2027 in Shanghai, though 2026 in UTC").isEqualTo(2027);
        assertThat(current.get("planYears").valueStream().map(JsonNode::asInt).toList()).containsExactly(2026, 2027);
        JsonNode asked = api.review(account, "?year=2026");
        assertThat(asked.at("/plan/year").asInt()).isEqualTo(2026);
        assertThat(asked.at("/actions/total").asInt()).isZero();
        assertThat(asked.at("/actions/percentDone").isNull()).as("nothing counts").isTrue();
        assertThat(api.review(account, "?year=2031").at("/plan/year").asInt()).as("the latest year with a plan")
                .isEqualTo(2027);

        assertThat(api.awaitEventsApplied(older, 2).at("/plan/year").asInt()).isEqualTo(2025);

        JsonNode withoutPlan = api.awaitEventsApplied(none, 2);
        assertThat(withoutPlan.get("plan").isNull()).isTrue();
        assertThat(withoutPlan.get("planYears")).isEmpty();
        assertThat(withoutPlan.get("actions").isNull()).isTrue();
        http.get().uri("/api/reviews/{id}?year=next", account).exchange().expectStatus().isBadRequest();
    }

    private static List<String> kinds(JsonNode review) {
        return review.get("timeline").valueStream().map(e -> e.get("kind").asString()).toList();
    }

    private static String status(JsonNode review, ActionItem item) {
        return review.at("/actions/items").valueStream()
                .filter(i -> i.get("itemId").asString().equals(item.itemId().toString()))
                .findFirst().orElseThrow().get("status").asString();
    }
}
