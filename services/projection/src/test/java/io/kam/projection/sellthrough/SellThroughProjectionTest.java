package io.kam.projection.sellthrough;

import static io.kam.projection.AccountFixture.aNationalHypermarketChain;
import static io.kam.projection.SellThroughFigures.GTIN_A;
import static io.kam.projection.SellThroughFigures.GTIN_B;
import static io.kam.projection.SellThroughFigures.ingested;
import static io.kam.projection.SellThroughFigures.line;
import static io.kam.projection.SellThroughFigures.recorded;
import static io.kam.projection.SellThroughFigures.restated;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import io.kam.accounts.api.AccountEvents.StoreOpened;
import io.kam.accounts.api.PlanKpi;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import io.kam.platform.events.EventEnvelope;
import io.kam.platform.testing.TopicWriter;
import io.kam.projection.PlanFixture;
import io.kam.projection.ReviewsTest;
import io.kam.projection.SellThroughFigures;
import io.kam.sellthrough.api.SellThroughEvents.RecordedLine;
import io.kam.sellthrough.api.SellThroughEvents.SellThroughEvent;

/** Sell-through figures as the review and the report show them: exact totals, plan against actual, a year earlier. */
class SellThroughProjectionTest extends ReviewsTest {

    @Autowired
    JdbcClient jdbc;

    private TopicWriter<SellThroughEvent> sellThrough;

    @BeforeEach
    void connectSellThrough() {
        sellThrough = SellThroughFigures.topic();
    }

    @Test
    void totalsAreTheSumOfThePublishedLinesWithTheRestatementsDeltaAndARedeliveryCountsOnce() {
        UUID account = anAccountWithStores("SH-001", Region.EAST, "GZ-001", Region.SOUTH);
        LocalDate day = LocalDate.of(2026, 3, 14);
        RecordedLine shA = line("SH-001", GTIN_A, 12, "276.00");
        EventEnvelope first = sellThrough.publish(recorded(account, "b1", 1, day, shA,
                line("SH-001", GTIN_B, 7, "199.50"), line("GZ-001", GTIN_A, 5, "100.00")));
        sellThrough.publish(recorded(account, "b1", 2, day, line("GZ-001", GTIN_B, 3, "45.30"),
                line("XX-999", GTIN_B, 1, "9.99")));
        sellThrough.publish(restated(account, "b1", 3, day, shA, 10, "230.00"));
        sellThrough.publish(ingested(account, "b1", 3, day, day, 26, "584.79"));
        sellThrough.publish(first);
        api.awaitCaughtUp();

        JsonNode total = report(account, "?grain=DAY&from=2026-03-14&to=2026-03-14").get("rows");
        assertThat(total).hasSize(1);
        assertRow(total.get(0), "2026-03-14", null, 26, "584.79");
        JsonNode stores = report(account, "?grain=DAY&by=STORE&from=2026-03-14&to=2026-03-14").get("rows");
        assertThat(stores).hasSize(3);
        assertRow(stores.get(0), "2026-03-14", "GZ-001", 8, "145.30");
        assertRow(stores.get(1), "2026-03-14", "SH-001", 17, "429.50");
        assertRow(stores.get(2), "2026-03-14", "XX-999", 1, "9.99");
        JsonNode skus = report(account, "?grain=DAY&by=SKU&from=2026-03-14&to=2026-03-14").get("rows");
        assertRow(skus.get(0), "2026-03-14", GTIN_A, 15, "330.00");
        assertRow(skus.get(1), "2026-03-14", GTIN_B, 11, "254.79");
        JsonNode regions = report(account, "?grain=MONTH&by=REGION&from=2026-03-01&to=2026-03-31").get("rows");
        assertThat(regions).as("a store not known yet has no region").hasSize(3);
        assertRow(regions.get(0), "2026-03", null, 1, "9.99");
        assertRow(regions.get(1), "2026-03", "EAST", 17, "429.50");
        assertRow(regions.get(2), "2026-03", "SOUTH", 8, "145.30");

        var fact = jdbc.sql("""
                        select units, sales, stock from sell_through_fact
                        where account_id = ? and day = ? and store_code = 'SH-001' and gtin = ?""")
                .params(account, day, GTIN_A).query().singleRow();
        assertThat(fact.get("units")).isEqualTo(10L);
        assertThat(fact.get("stock")).as("stock is a level: the restatement's replaces it").isEqualTo(12);
        var batch = jdbc.sql("select parts_applied, parts from sell_through_batch where account_id = ? and batch_id = 'b1'")
                .param(account).query().singleRow();
        assertThat(batch.get("parts_applied")).as("every part once").isEqualTo(batch.get("parts")).isEqualTo(3);

        topic.publish(new StoreOpened(account, UUID.randomUUID(), "XX-999", "Late store", "Xi'an", Region.WEST,
                RetailFormat.SUPERMARKET, LocalDate.of(2020, 1, 1)));
        api.awaitCaughtUp();
        JsonNode resolved = report(account, "?grain=MONTH&by=REGION&from=2026-03-01&to=2026-03-31").get("rows");
        assertThat(resolved).extracting(r -> r.get("key").asString()).as("the region resolved when read")
                .containsExactly("EAST", "SOUTH", "WEST");
    }

    @Test
    void thePlanShowsEachMonthsSalesAgainstItsTargetAndTheYearToDateAgainstTheTargets() {
        UUID account = anAccountWithStores("SH-001", Region.EAST, "GZ-001", Region.SOUTH);
        PlanFixture plan = PlanFixture.aPlan(account, 2026);
        List<io.kam.accounts.api.PlanEvents.Target> targets = List.of(
                PlanFixture.target(PlanKpi.SELL_THROUGH_VALUE, 12_000_000, 10_500_000),
                PlanFixture.target(PlanKpi.SELL_THROUGH_VOLUME, 500_000, 450_000),
                PlanFixture.target(PlanKpi.LISTED_SKUS, 48, 41));
        Instant t0 = Instant.parse("2026-01-05T02:00:00Z");
        topic.publish(plan.drafted(1, targets, List.of()));
        topic.publish(plan.submitted(1, t0));
        topic.publish(plan.approved(1, t0.plusSeconds(3600), targets, List.of()));
        sellThrough.publish(recorded(account, "jan", 1, LocalDate.of(2026, 1, 15),
                line("SH-001", GTIN_A, 15_000, "450000.00"), line("GZ-001", GTIN_A, 5_000, "150000.00")));
        sellThrough.publish(recorded(account, "mar", 1, LocalDate.of(2026, 3, 2), line("SH-001", GTIN_B, 40_000, "1250000.50")));
        sellThrough.publish(recorded(account, "old", 1, LocalDate.of(2025, 12, 31), line("SH-001", GTIN_B, 9, "90.00")));
        sellThrough.publish(recorded(account, "new", 1, LocalDate.of(2027, 1, 1), line("SH-001", GTIN_B, 7, "70.00")));
        api.awaitCaughtUp();

        JsonNode shown = api.review(account, "?year=2026").get("plan");
        JsonNode months = shown.at("/sellThrough/months");
        assertThat(months.get(0).get("actual").decimalValue()).isEqualByComparingTo("600000.00");
        assertThat(months.get(0).get("variance").decimalValue()).isEqualByComparingTo("-400000.00");
        assertThat(months.get(1).get("actual").isNull()).as("February has no figures").isTrue();
        assertThat(months.get(1).get("variance").isNull()).isTrue();
        assertThat(months.get(2).get("actual").decimalValue()).isEqualByComparingTo("1250000.50");
        assertThat(months.get(2).get("variance").decimalValue()).isEqualByComparingTo("250000.50");
        assertThat(months.get(11).get("actual").isNull()).isTrue();
        JsonNode byKpi = shown.get("targets");
        assertThat(target(byKpi, "SELL_THROUGH_VALUE").get("actual").decimalValue()).isEqualByComparingTo("1850000.50");
        assertThat(target(byKpi, "SELL_THROUGH_VOLUME").get("actual").decimalValue()).isEqualByComparingTo("60000");
        assertThat(target(byKpi, "LISTED_SKUS").get("actual").isNull()).isTrue();
    }

    @Test
    void eachPeriodIsComparedWithTheSamePeriodAYearEarlier() {
        UUID account = anAccountWithStores("SH-001", Region.EAST, "GZ-001", Region.SOUTH);
        publishDay(account, LocalDate.of(2025, 3, 1), 5, "50.00");    // Saturday, ISO week 2025-W09
        publishDay(account, LocalDate.of(2025, 3, 15), 10, "100.00"); // Saturday, 2025-W11
        publishDay(account, LocalDate.of(2026, 3, 14), 15, "150.00"); // Saturday, 2026-W11, 364 days later
        publishDay(account, LocalDate.of(2026, 3, 31), 3, "30.00");   // 2026-W14
        publishDay(account, LocalDate.of(2026, 1, 1), 5, "100.00");
        publishDay(account, LocalDate.of(2027, 1, 1), 10, "110.00");  // today, for the tests' clock
        api.awaitCaughtUp();

        JsonNode months = report(account, "?from=2026-03-05&to=2026-03-20");
        assertThat(months.get("from").asString()).as("widened to whole months").isEqualTo("2026-03-01");
        assertThat(months.get("to").asString()).isEqualTo("2026-03-31");
        assertThat(months.get("currency").asString()).isEqualTo("CNY");
        assertThat(months.get("rows")).hasSize(1);
        assertRow(months.get("rows").get(0), "2026-03", null, 18, "180.00", 15, "150.00", "20.0");

        JsonNode days = report(account, "?grain=DAY&from=2026-03-14&to=2026-03-14").get("rows");
        assertRow(days.get(0), "2026-03-14", null, 15, "150.00", 10, "100.00", "50.0");

        JsonNode weeks = report(account, "?grain=WEEK&from=2026-03-01&to=2026-03-31").get("rows");
        assertThat(weeks).extracting(w -> w.get("period").asString())
                .containsExactly("2026-W09", "2026-W11", "2026-W14");
        assertRow(weeks.get(0), "2026-W09", null, 0, "0", 5, "50.00", "-100.0");
        assertRow(weeks.get(1), "2026-W11", null, 15, "150.00", 10, "100.00", "50.0");
        assertRow(weeks.get(2), "2026-W14", null, 3, "30.00", 0, "0", null);

        JsonNode thisYear = report(account, "");
        assertThat(thisYear.get("grain").asString()).isEqualTo("MONTH");
        assertThat(thisYear.get("by").asString()).isEqualTo("TOTAL");
        assertThat(thisYear.get("from").asString()).as("the current year in Shanghai").isEqualTo("2027-01-01");
        assertThat(thisYear.get("rows")).as("months with figures this year or a year earlier").hasSize(2);
        assertRow(thisYear.get("rows").get(0), "2027-01", null, 10, "110.00", 5, "100.00", "10.0");
        assertRow(thisYear.get("rows").get(1), "2027-03", null, 0, "0", 18, "180.00", "-100.0");

        JsonNode summary = api.review(account, "").get("sellThrough");
        assertThat(summary.at("/yearToDate/units").asLong()).isEqualTo(10);
        assertThat(summary.at("/yearToDate/sales").decimalValue()).isEqualByComparingTo("110.00");
        assertThat(summary.at("/lastYearSameTime/from").asString()).isEqualTo("2026-01-01");
        assertThat(summary.at("/lastYearSameTime/to").asString()).isEqualTo("2026-01-01");
        assertThat(summary.at("/lastYearSameTime/sales").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(summary.get("growthPercent").decimalValue()).isEqualByComparingTo("10.0");
        assertThat(summary.get("lastDay").asString()).isEqualTo("2027-01-01");
        assertThat(summary.get("currency").asString()).isEqualTo("CNY");
    }

    @Test
    void anAccountWithoutFiguresHasNoSummaryAndEmptyReports() {
        UUID account = anAccountWithStores("SH-001", Region.EAST, "GZ-001", Region.SOUTH);
        api.awaitCaughtUp();
        assertThat(api.review(account, "").get("sellThrough").isNull()).isTrue();
        JsonNode empty = report(account, "");
        assertThat(empty.get("rows")).isEmpty();
        assertThat(empty.get("currency").isNull()).isTrue();
    }

    private UUID anAccountWithStores(String code1, Region region1, String code2, Region region2) {
        UUID account = UUID.randomUUID();
        topic.publish(aNationalHypermarketChain(account, "Figures Mart " + account));
        for (var store : List.of(new Object[] {code1, region1}, new Object[] {code2, region2})) {
            topic.publish(new StoreOpened(account, UUID.randomUUID(), (String) store[0], "Store " + store[0], "Anytown",
                    (Region) store[1], RetailFormat.HYPERMARKET, LocalDate.of(2020, 5, 1)));
        }
        api.awaitEventsApplied(account, 3);
        return account;
    }

    private void publishDay(UUID account, LocalDate day, long units, String sales) {
        sellThrough.publish(recorded(account, "batch-" + day, 1, day, line("SH-001", GTIN_A, units, sales)));
    }

    private JsonNode report(UUID account, String query) {
        return api.parse(http.get().uri("/api/reviews/" + account + "/sell-through" + query).exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseBody());
    }

    private static JsonNode target(JsonNode targets, String kpi) {
        List<JsonNode> found = new ArrayList<>();
        targets.forEach(t -> {
            if (t.get("kpi").asString().equals(kpi)) {
                found.add(t);
            }
        });
        assertThat(found).as("target %s", kpi).hasSize(1);
        return found.getFirst();
    }

    static void assertRow(JsonNode row, String period, String key, long units, String sales) {
        assertThat(row.get("period").asString()).as("period of %s", row).isEqualTo(period);
        if (key == null) {
            assertThat(row.get("key").isNull()).as("key of %s", row).isTrue();
        } else {
            assertThat(row.get("key").asString()).as("key of %s", row).isEqualTo(key);
        }
        assertThat(row.get("units").asLong()).as("units of %s", row).isEqualTo(units);
        assertThat(row.get("sales").decimalValue()).as("sales of %s", row).isEqualByComparingTo(sales);
    }

    static void assertRow(JsonNode row, String period, String key, long units, String sales, long lastYearUnits,
                          String lastYearSales, String growthPercent) {
        assertRow(row, period, key, units, sales);
        assertThat(row.get("lastYearUnits").asLong()).as("last year's units of %s", row).isEqualTo(lastYearUnits);
        assertThat(row.get("lastYearSales").decimalValue()).as("last year's sales of %s", row)
                .isEqualByComparingTo(lastYearSales);
        if (growthPercent == null) {
            assertThat(row.get("growthPercent").isNull()).as("growth of %s", row).isTrue();
        } else {
            assertThat(row.get("growthPercent").decimalValue()).as("growth of %s", row)
                    .isEqualByComparingTo(growthPercent);
        }
    }
}
