package io.kam.projection.export;

import static io.kam.projection.AccountFixture.aNationalHypermarketChain;
import static io.kam.projection.AccountFixture.aStoreOpened;
import static io.kam.projection.AccountFixture.classified;
import static io.kam.projection.PlanFixture.aPlan;
import static io.kam.projection.PlanFixture.anItem;
import static io.kam.projection.PlanFixture.target;
import static io.kam.projection.RelationshipFixture.aSwotPoint;
import static io.kam.projection.RelationshipFixture.heatAssessed;
import static io.kam.projection.SellThroughFigures.GTIN_A;
import static io.kam.projection.SellThroughFigures.line;
import static io.kam.projection.SellThroughFigures.recorded;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.kam.accounts.api.AccountEvents.AccountEvent;
import io.kam.accounts.api.AccountRole;
import io.kam.accounts.api.PlanKpi;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.SwotKind;
import io.kam.accounts.api.ValueTier;
import io.kam.platform.testing.TopicWriter;
import io.kam.projection.ReviewsApi;
import io.kam.projection.SellThroughFigures;
import tools.jackson.databind.JsonNode;

/**
 * A white-face hypermarket chain with a Chinese name, an East store, this past year's approved plan (sell-through,
 * promotion spend and listings targets, one action), heat, a SWOT point, and sell-through in three months of 2026 and
 * on New Year's Day of both years; the service's clock stands on 1 January 2027 in Shanghai.
 */
final class ExportScenario {

    static final Instant T0 = Instant.parse("2026-01-05T02:00:00Z");
    static final int HEAT = 72;
    static final long PROMOTION_SPEND = 360_000;

    private ExportScenario() {
    }

    /** Publishes the account's events and returns its review (as Nora reads it) once every one is applied. */
    static JsonNode anAccountWithAYearOfFigures(UUID account, TopicWriter<AccountEvent> topic, ReviewsApi api) {
        topic.publish(aNationalHypermarketChain(account, "长江超市 " + account.toString().substring(0, 8)));
        topic.publish(aStoreOpened(account, Region.EAST));
        topic.publish(classified(account, ValueTier.B, ValueTier.A, AccountRole.WHITE, T0));
        topic.publish(aPlan(account, 2026).approved(1, T0, List.of(target(PlanKpi.SELL_THROUGH_VALUE, 12_000_000, 10_500_000),
                target(PlanKpi.LISTED_SKUS, 48, 41), target(PlanKpi.PROMOTION_SPEND, PROMOTION_SPEND, 300_000)),
                List.of(anItem("在华东门店培训促销员", LocalDate.of(2026, 12, 15)))));
        topic.publish(heatAssessed(account, HEAT, T0));
        topic.publish(aSwotPoint(account, SwotKind.STRENGTH, "Our UHT milk leads the category"));
        TopicWriter<io.kam.sellthrough.api.SellThroughEvents.SellThroughEvent> sales = SellThroughFigures.topic();
        sales.publish(recorded(account, "x-0101", 1, LocalDate.of(2026, 1, 1), line("SH-001", GTIN_A, 5, "1999.00")));
        sales.publish(recorded(account, "x-0301", 1, LocalDate.of(2026, 3, 1), line("SH-001", GTIN_A, 120, "45678.90")));
        sales.publish(recorded(account, "x-0615", 1, LocalDate.of(2026, 6, 15), line("SH-001", GTIN_A, 300, "123456.78")));
        sales.publish(recorded(account, "y-0101", 1, LocalDate.of(2027, 1, 1), line("SH-001", GTIN_A, 7, "2345.67")));
        return api.awaitReview(account, review -> review.path("eventsApplied").asLong() == 6
                && review.at("/sellThrough/yearToDate/sales").isNumber()
                && review.at("/sellThrough/yearToDate/sales").decimalValue().compareTo(new BigDecimal("2345.67")) == 0
                && review.at("/plan/sellThrough/months/5/actual").isNumber()
                && review.at("/plan/sellThrough/months/0/actual").isNumber());
    }
}
