package io.kam.projection.promotion;

import static io.kam.projection.AccountFixture.aNationalHypermarketChain;
import static io.kam.projection.PlanFixture.aPlan;
import static io.kam.projection.PlanFixture.target;
import static io.kam.projection.PromotionFixture.PRICE_DEVIATION;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.PlanKpi;
import io.kam.projection.PromotionScenario;
import io.kam.projection.ReviewsTest;
import tools.jackson.databind.JsonNode;

/**
 * The review's promotions section and the plan's promotion KPIs, from {@link PromotionScenario}'s year, with every
 * figure worked out by hand there: revisions and evaluation numbers respected, redeliveries counted once, the latest
 * check of each store deciding its compliance.
 */
class PromotionReviewTest extends ReviewsTest {

    @Test
    void theSectionShowsUpcomingAndRunningPromotionsTheYearsResultsItsFundsAndSpendAgainstThePlan() {
        PromotionScenario year = new PromotionScenario();
        year.publish(topic, promotions, visits);

        api.awaitVisitsApplied(year.account, PromotionScenario.VISITS_EVENTS);
        JsonNode review = api.awaitPromotionsApplied(year.account, PromotionScenario.PROMOTION_EVENTS);
        JsonNode section = review.get("promotions");

        assertThat(section.get("year").asInt()).as("the shown plan's year").isEqualTo(2026);
        assertThat(names(section.get("upcoming"))).containsExactly("New Year");
        JsonNode upcoming = section.at("/upcoming/0");
        assertThat(upcoming.get("status").asString()).isEqualTo("AGREED");
        assertThat(upcoming.get("inStoreFrom").asString()).isEqualTo("2027-01-05");
        assertThat(upcoming.get("stores").asLong()).isEqualTo(2);
        assertThat(upcoming.get("regions").valueStream().map(JsonNode::asString)).containsExactly("EAST", "SOUTH");
        assertThat(upcoming.at("/execution/overall/checkedStores").asLong()).isZero();
        assertThat(upcoming.at("/execution/overall/compliancePercent").isNull()).isTrue();

        assertThat(names(section.get("running"))).containsExactly("Christmas running");
        JsonNode running = section.at("/running/0/execution");
        assertThat(running.at("/overall/checkedStores").asLong()).isEqualTo(3);
        assertThat(running.at("/overall/executedStores").asLong()).as("E1's latest check only").isEqualTo(1);
        assertThat(running.at("/overall/compliancePercent").decimalValue()).isEqualByComparingTo("33.3");
        assertThat(running.at("/overall/deviations").valueStream().map(d -> d.get("code").asString() + "@"
                + d.get("stores").asLong())).containsExactly("display@1", PRICE_DEVIATION + "@1");
        assertThat(running.at("/overall/lastCheckedAt").asString()).isEqualTo("2026-12-28T02:00:00Z");
        assertThat(running.at("/byRegion/EAST/compliancePercent").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(running.at("/byRegion/EAST/deviations/0/code").asString()).isEqualTo("display");
        assertThat(running.at("/byRegion/SOUTH/compliancePercent").decimalValue()).isEqualByComparingTo("0.0");
        assertThat(running.at("/byRegion/SOUTH/deviations/0/code").asString()).isEqualTo(PRICE_DEVIATION);

        assertThat(names(section.get("agreed"))).as("agreed in 2026, not cancelled, not revised since")
                .containsExactly("Spring dairy week", "Summer yoghurt days", "Christmas running");
        assertThat(section.get("agreed").valueStream().map(p -> p.get("status").asString()))
                .containsExactly("EVALUATED", "ENDED", "RUNNING");

        assertThat(names(section.get("evaluated"))).containsExactly("Spring dairy week");
        JsonNode spring = section.at("/evaluated/0");
        assertThat(spring.get("evaluation").asInt()).as("the highest evaluation, whatever came later").isEqualTo(2);
        assertThat(spring.get("trigger").asString()).isEqualTo("FEES_SETTLED");
        assertThat(spring.get("upliftPercent").decimalValue()).isEqualByComparingTo("107.14");
        assertThat(spring.get("investment").decimalValue()).isEqualByComparingTo("4660.00");
        assertThat(spring.get("feesSettled").asBoolean()).isTrue();
        assertThat(spring.get("roi").decimalValue()).isEqualByComparingTo("0.3863");
        assertThat(spring.get("costPerIncrementalUnit").decimalValue()).isEqualByComparingTo("15.53");
        assertThat(spring.get("incrementalGrossProfit").decimalValue()).isEqualByComparingTo("1800.00");

        JsonNode fund = section.get("fund");
        assertThat(fund.get("budget").decimalValue()).isEqualByComparingTo("50000.00");
        assertThat(fund.get("committed").decimalValue()).isEqualByComparingTo("22660.00");
        assertThat(fund.get("actual").decimalValue()).isEqualByComparingTo("4660.00");
        assertThat(fund.get("remaining").decimalValue()).as("Spring draws its actual, the others their commitment")
                .isEqualByComparingTo("35340.00");
        assertThat(fund.at("/funds/0/category").isNull()).as("the general fund first").isTrue();
        assertThat(fund.at("/funds/0/budget").decimalValue()).as("its latest budget").isEqualByComparingTo("40000.00");
        assertThat(fund.at("/funds/0/committed").decimalValue()).isEqualByComparingTo("14660.00");
        assertThat(fund.at("/funds/0/remaining").decimalValue()).isEqualByComparingTo("33340.00");
        assertThat(fund.at("/funds/0/actual").decimalValue()).isEqualByComparingTo("4660.00");
        assertThat(fund.at("/funds/1/category").asString()).isEqualTo("UHT milk");
        assertThat(fund.at("/funds/1/source").asString()).isEqualTo("MANAGER");
        assertThat(fund.at("/funds/1/committed").decimalValue()).isEqualByComparingTo("8000.00");
        assertThat(fund.at("/funds/1/actual").decimalValue()).isEqualByComparingTo("0.00");

        JsonNode spend = section.get("spend");
        assertThat(spend.get("evaluated").decimalValue()).isEqualByComparingTo("4660.00");
        assertThat(spend.get("committed").decimalValue()).isEqualByComparingTo("10000.00");
        assertThat(spend.get("total").decimalValue()).isEqualByComparingTo("14660.00");
        assertThat(spend.get("target").decimalValue()).isEqualByComparingTo("50000");
        assertThat(spend.get("percentOfTarget").decimalValue()).isEqualByComparingTo("29.3");

        assertThat(kpi(review, "PROMOTION_SPEND").get("actual").decimalValue()).isEqualByComparingTo("14660.00");
        assertThat(kpi(review, "PROMOTIONS").get("actual").decimalValue()).isEqualByComparingTo("3");
        assertThat(kpi(review, "PROMOTIONS").get("target").decimalValue()).isEqualByComparingTo("6");
    }

    @Test
    void anAccountWithoutPromotionsEventsHasAnEmptySectionAndNoPromotionActualsYet() {
        UUID account = UUID.randomUUID();
        topic.publish(aNationalHypermarketChain(account, "Quiet Mart " + account));
        topic.publish(aPlan(account, 2027).approved(1, Instant.parse("2026-12-05T02:00:00Z"),
                List.of(target(PlanKpi.PROMOTIONS, 4, 3)), List.of()));

        JsonNode review = api.awaitReview(account, r -> !r.get("plan").isNull());
        JsonNode section = review.get("promotions");

        assertThat(section.get("year").asInt()).isEqualTo(2027);
        assertThat(section.get("eventsApplied").asLong()).isZero();
        assertThat(section.get("asOf").isNull()).isTrue();
        assertThat(section.get("upcoming")).isEmpty();
        assertThat(section.get("agreed")).isEmpty();
        assertThat(section.get("fund").isNull()).isTrue();
        assertThat(section.at("/spend/total").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(section.at("/spend/percentOfTarget").isNull()).as("no PROMOTION_SPEND target").isTrue();
        assertThat(kpi(review, "PROMOTIONS").get("actual").isNull()).isTrue();
    }

    static List<String> names(JsonNode promotions) {
        return promotions.valueStream().map(p -> p.get("name").asString()).toList();
    }

    static JsonNode kpi(JsonNode review, String kpi) {
        return review.at("/plan/targets").valueStream().filter(t -> t.get("kpi").asString().equals(kpi)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kpi + " target in " + review.get("plan")));
    }
}
