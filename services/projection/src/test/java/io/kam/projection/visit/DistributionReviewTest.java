package io.kam.projection.visit;

import static io.kam.projection.AccountFixture.aNationalHypermarketChain;
import static io.kam.projection.SellThroughFigures.line;
import static io.kam.projection.SellThroughFigures.recorded;
import static io.kam.projection.VisitFixture.offShelf;
import static io.kam.projection.VisitFixture.onShelf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import io.kam.accounts.api.AccountEvents.StoreOpened;
import io.kam.accounts.api.PlanEvents.Target;
import io.kam.accounts.api.PlanKpi;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import io.kam.platform.testing.Api;
import io.kam.platform.testing.TestTokens;
import io.kam.platform.testing.TopicWriter;
import io.kam.projection.AccountFixture;
import io.kam.projection.PlanFixture;
import io.kam.projection.ReviewsTest;
import io.kam.projection.SellThroughFigures;
import io.kam.projection.VisitFixture;
import io.kam.sellthrough.api.SellThroughEvents.RecordedLine;
import io.kam.sellthrough.api.SellThroughEvents.SellThroughEvent;
import io.kam.visits.api.StoreCheckEvents.SkuListed;

/**
 * The plan's distribution, price and display actuals and the review's distribution section, from listings, store
 * checks and sell-through figures published as the services would. The service's clock stands at 2027-01-01 00:30
 * in Shanghai, so the 2026 plan's year is over: the whole of 2026 against the whole of 2025.
 */
class DistributionReviewTest extends ReviewsTest {

    private static final String MILK = "06901234567892";
    private static final String YOGHURT = "06901234567908";
    private static final String JUICE = "06901234567915";
    private static final String CREAM = "06901234567922";
    private static final String NUTS = "06901234567939";

    @LocalServerPort
    int port;

    @Test
    void everyDistributionKpiGetsItsActualAndTheReviewShowsDistributionBySkuAndRegionAgainstLastYear() {
        UUID account = UUID.randomUUID();
        topic.publish(aNationalHypermarketChain(account, "Distribution Mart " + account));
        StoreOpened e1 = store(account, "SH-1", Region.EAST);
        StoreOpened e2 = store(account, "SH-2", Region.EAST);
        StoreOpened s1 = store(account, "GZ-1", Region.SOUTH);
        StoreOpened s2 = store(account, "GZ-2", Region.SOUTH);
        StoreOpened w1 = store(account, "XA-1", Region.WEST);
        topic.publish(AccountFixture.closed(w1)); // on 2026-02-28: open at the end of 2025, not of 2026
        PlanFixture plan = PlanFixture.aPlan(account, 2026);
        List<Target> targets = List.of(PlanFixture.target(PlanKpi.LISTED_SKUS, 4, 3),
                PlanFixture.target(PlanKpi.STORES_CARRYING, 4, 2),
                PlanFixture.target(PlanKpi.SHELF_PRICE_INDEX, 100, 100),
                PlanFixture.target(PlanKpi.SECONDARY_DISPLAYS, 6, 5),
                PlanFixture.target(PlanKpi.NEW_LISTINGS, 2, 2));
        Instant approvedAt = Instant.parse("2026-01-05T02:00:00Z");
        topic.publish(plan.drafted(1, targets, List.of()));
        topic.publish(plan.submitted(1, approvedAt));
        topic.publish(plan.approved(1, approvedAt.plusSeconds(3600), targets, List.of()));

        VisitFixture f = new VisitFixture(account);
        // listed before both years; new in 2025; new in 2026; new in 2025 and delisted in 2026
        send(f.listed(MILK, "UHT Milk 1 L", "13.50"), "2024-06-01T02:00:00Z");
        send(f.listed(YOGHURT, "Yoghurt 4 x 100 g", "8.80"), "2025-03-01T02:00:00Z");
        send(f.listed(JUICE, "Orange Juice 1 L", "10.00"), "2026-02-01T02:00:00Z");
        SkuListed cream = f.listed(CREAM, "Cream 200 ml", "10.00");
        send(cream, "2025-05-01T02:00:00Z");
        send(f.delisted(cream), "2026-04-01T02:00:00Z");
        // 2026: E2 found milk on shelf, then milk 10 % above its price and yoghurt in place but out of stock
        send(f.check(e2.storeId(), Region.EAST, Instant.parse("2026-05-01T03:00:00Z"), 2,
                onShelf(MILK, "13.50", "13.50"), offShelf(YOGHURT, "8.80")), "2026-05-01T03:05:00Z");
        send(f.check(e2.storeId(), Region.EAST, Instant.parse("2026-11-01T03:00:00Z"), 3,
                onShelf(MILK, "14.85", "13.50"), onShelf(YOGHURT, "8.80", "8.80", true)), "2026-11-01T03:05:00Z");
        // 01:00 on New Year's Day 2026 in Shanghai: a check of 2026
        send(f.check(s1.storeId(), Region.SOUTH, Instant.parse("2025-12-31T17:00:00Z"), 1,
                onShelf(MILK, "12.96", "13.50")), "2025-12-31T17:05:00Z");
        send(f.check(s2.storeId(), Region.SOUTH, Instant.parse("2026-07-01T03:00:00Z"), 0,
                offShelf(JUICE, "10.00")), "2026-07-01T03:05:00Z");
        // 23:00 on New Year's Eve 2025 in Shanghai: a check of 2025
        send(f.check(e1.storeId(), Region.EAST, Instant.parse("2025-12-31T15:00:00Z"), 5,
                onShelf(CREAM, "10.00", "10.00")), "2025-12-31T15:05:00Z");
        TopicWriter<SellThroughEvent> sellThrough = SellThroughFigures.topic();
        sell(sellThrough, account, LocalDate.of(2026, 3, 10), line("SH-1", MILK, 5, "67.50"));
        sell(sellThrough, account, LocalDate.of(2026, 6, 1), line("GZ-1", JUICE, 3, "30.00"),
                line("GZ-2", NUTS, 4, "40.00"));
        sell(sellThrough, account, LocalDate.of(2026, 1, 10), line("XA-1", MILK, 2, "27.00"));
        sell(sellThrough, account, LocalDate.of(2025, 12, 31), line("SH-1", MILK, 1, "13.50"));
        sell(sellThrough, account, LocalDate.of(2025, 8, 1), line("XA-1", YOGHURT, 6, "52.80"));
        api.awaitCaughtUp();

        JsonNode review = api.review(account, "?year=2026");
        JsonNode byKpi = review.at("/plan/targets");
        assertThat(actual(byKpi, "LISTED_SKUS")).as("milk, yoghurt, juice: cream was delisted")
                .isEqualByComparingTo("3");
        assertThat(actual(byKpi, "NEW_LISTINGS")).as("juice").isEqualByComparingTo("1");
        assertThat(actual(byKpi, "STORES_CARRYING")).as("SH-1 and GZ-1 sold, SH-2 and GZ-1 had it on shelf")
                .isEqualByComparingTo("3");
        assertThat(actual(byKpi, "SHELF_PRICE_INDEX")).as("100 × (1 + 1.1 + 1 + 0.96) / 4")
                .isEqualByComparingTo("101.5");
        assertThat(actual(byKpi, "SECONDARY_DISPLAYS")).as("SH-2's latest check 3, GZ-1 1, GZ-2 0")
                .isEqualByComparingTo("4");

        JsonNode distribution = review.get("distribution");
        assertThat(distribution.get("year").asInt()).isEqualTo(2026);
        JsonNode thisYear = distribution.get("thisYear");
        assertThat(thisYear.get("from").asString()).isEqualTo("2026-01-01");
        assertThat(thisYear.get("to").asString()).isEqualTo("2026-12-31");
        JsonNode all = thisYear.get("overall");
        assertThat(all.get("storesOpen").asLong()).as("XA-1 closed in February").isEqualTo(4);
        assertThat(all.get("storesCarrying").asLong()).as("nuts are not listed; XA-1 is closed").isEqualTo(3);
        assertThat(all.get("numericDistributionPercent").decimalValue()).isEqualByComparingTo("75.0");
        assertThat(all.get("pricedLines").asLong()).isEqualTo(4);
        JsonNode skus = all.get("bySku");
        assertThat(skus).extracting(s -> s.get("gtin").asString()).as("the SKUs listed at some moment of 2026")
                .containsExactly(MILK, YOGHURT, JUICE, CREAM);
        assertThat(skus).extracting(s -> s.get("storesCarrying").asLong()).containsExactly(3L, 1L, 1L, 0L);
        assertThat(skus.at("/0/numericDistributionPercent").decimalValue()).isEqualByComparingTo("75.0");
        assertThat(skus.at("/1/numericDistributionPercent").decimalValue()).isEqualByComparingTo("25.0");
        assertThat(skus.at("/3/numericDistributionPercent").decimalValue()).isEqualByComparingTo("0.0");
        assertThat(skus.at("/0/name").asString()).isEqualTo("UHT Milk 1 L");
        JsonNode east = thisYear.at("/byRegion/EAST");
        assertThat(east.get("storesOpen").asLong()).isEqualTo(2);
        assertThat(east.get("storesCarrying").asLong()).isEqualTo(2);
        assertThat(east.get("numericDistributionPercent").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(east.get("shelfPriceIndex").decimalValue()).as("100 × 3.1 / 3").isEqualByComparingTo("103.3");
        assertThat(east.get("secondaryDisplays").asLong()).isEqualTo(3);
        JsonNode south = thisYear.at("/byRegion/SOUTH");
        assertThat(south.get("numericDistributionPercent").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(south.get("shelfPriceIndex").decimalValue()).isEqualByComparingTo("96.0");
        assertThat(thisYear.get("byRegion").propertyNames()).as("every region, zeros included").hasSize(7);
        assertThat(thisYear.at("/byRegion/WEST/numericDistributionPercent").isNull()).isTrue();

        JsonNode lastYear = distribution.get("lastYear");
        assertThat(lastYear.get("from").asString()).isEqualTo("2025-01-01");
        assertThat(lastYear.get("to").asString()).isEqualTo("2025-12-31");
        assertThat(lastYear.get("listedSkus").asLong()).as("milk, yoghurt, cream").isEqualTo(3);
        assertThat(lastYear.get("newListings").asLong()).as("yoghurt, cream").isEqualTo(2);
        JsonNode before = lastYear.get("overall");
        assertThat(before.get("storesOpen").asLong()).as("XA-1 was still open").isEqualTo(5);
        assertThat(before.get("storesCarrying").asLong()).as("SH-1 (sold milk, cream on shelf) and XA-1").isEqualTo(2);
        assertThat(before.get("numericDistributionPercent").decimalValue()).isEqualByComparingTo("40.0");
        assertThat(before.get("shelfPriceIndex").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(before.get("secondaryDisplays").asLong()).isEqualTo(5);
        assertThat(distribution.get("numericDistributionChangePoints").decimalValue()).isEqualByComparingTo("35.0");

        Api anonymous = new Api(port);
        JsonNode byEric = anonymous.as(TestTokens.eric()).get("/api/reviews/" + account + "?year=2026").body()
                .get("distribution");
        assertThat(byEric.at("/thisYear/byRegion").propertyNames()).as("the East only").containsExactly("EAST");
        assertThat(byEric.at("/thisYear/overall/storesOpen").asLong()).isEqualTo(2);
        assertThat(byEric.at("/thisYear/overall/storesCarrying").asLong()).isEqualTo(2);
        assertThat(byEric.at("/thisYear/overall/shelfPriceIndex").decimalValue()).isEqualByComparingTo("103.3");
        assertThat(byEric.at("/thisYear/overall/bySku")).extracting(s -> s.get("storesCarrying").asLong())
                .containsExactly(2L, 1L, 0L, 0L);
        assertThat(byEric.at("/thisYear/listedSkus").asLong()).as("the account's listings").isEqualTo(3);
        assertThat(byEric.at("/lastYear/overall/numericDistributionPercent").decimalValue())
                .as("SH-1 of SH-1 and SH-2").isEqualByComparingTo("50.0");
        assertThat(byEric.get("numericDistributionChangePoints").decimalValue()).isEqualByComparingTo("50.0");
        JsonNode byRetailer = anonymous.as(TestTokens.integrationFor(account))
                .get("/api/reviews/" + account + "?year=2026").body();
        assertThat(byRetailer.get("distribution")).as("shared with the retailer").isEqualTo(distribution);
        assertThat(actual(byRetailer.at("/plan/targets"), "STORES_CARRYING")).isEqualByComparingTo("3");
    }

    private StoreOpened store(UUID account, String code, Region region) {
        StoreOpened store = new StoreOpened(account, UUID.randomUUID(), code, "Store " + code, "Anytown", region,
                RetailFormat.HYPERMARKET, LocalDate.of(2020, 5, 1));
        topic.publish(store);
        return store;
    }

    private void send(io.kam.visits.api.VisitEvents.VisitEvent event, String at) {
        visits.publish(event, Instant.parse(at));
    }

    private static void sell(TopicWriter<SellThroughEvent> topic, UUID account, LocalDate day, RecordedLine... lines) {
        topic.publish(recorded(account, "batch-" + day, 1, day, lines));
    }

    private static java.math.BigDecimal actual(JsonNode targets, String kpi) {
        List<JsonNode> found = new ArrayList<>();
        targets.forEach(t -> {
            if (t.get("kpi").asString().equals(kpi)) {
                found.add(t);
            }
        });
        assertThat(found).as("target %s", kpi).hasSize(1);
        assertThat(found.getFirst().get("actual").isNull()).as("actual of %s", kpi).isFalse();
        return found.getFirst().get("actual").decimalValue();
    }
}
