package io.kam.projection.visit;

import static io.kam.projection.AccountFixture.aNationalHypermarketChain;
import static io.kam.projection.VisitFixture.cancelled;
import static io.kam.projection.VisitFixture.closed;
import static io.kam.projection.VisitFixture.completed;
import static io.kam.projection.VisitFixture.investigating;
import static io.kam.projection.VisitFixture.kept;
import static io.kam.projection.VisitFixture.missed;
import static io.kam.projection.VisitFixture.movedTo;
import static io.kam.projection.VisitFixture.offShelf;
import static io.kam.projection.VisitFixture.onShelf;
import static io.kam.projection.VisitFixture.plannedAt;
import static io.kam.projection.VisitFixture.promised;
import static io.kam.projection.VisitFixture.remedied;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kam.accounts.api.Region;
import io.kam.projection.ReviewsTest;
import io.kam.projection.VisitFixture;
import io.kam.visits.api.ComplaintEvents.ComplaintOpened;
import io.kam.visits.api.ComplaintEvents.ComplaintResolved;
import io.kam.visits.api.ComplaintType;
import io.kam.visits.api.StoreCheckEvents.SkuListed;
import io.kam.visits.api.VisitEvents.VisitEvent;
import io.kam.visits.api.VisitEvents.VisitPlanned;
import tools.jackson.databind.JsonNode;

/**
 * The review's execution section, figure by figure, from visits events published as the visits service would. The
 * service's clock stands at 2027-01-01 00:30 in Shanghai, so the window is 2026-10-03 to 2027-01-01.
 */
class ExecutionReviewTest extends ReviewsTest {

    private static final String MILK = "06901234567892";
    private static final String YOGHURT = "06901234567908";
    private static final String JUICE = "06901234567915";
    private static final String CREAM = "06901234567922";

    private UUID account;
    private VisitFixture f;
    private int published;

    @BeforeEach
    void anAccount() {
        account = UUID.randomUUID();
        f = new VisitFixture(account);
        topic.publish(aNationalHypermarketChain(account, "Execution Mart " + account));
    }

    @Test
    void coverageIsTheScheduledVisitsDoneOutOfThoseDueInTheLastThirteenWeeks() {
        VisitPlanned onTime = planned(f.scheduled(Region.EAST, day("2026-12-01")));
        send(completed(onTime, false), "2026-12-01T04:00:00Z");
        VisitPlanned late = planned(f.scheduled(Region.EAST, day("2026-12-08")));
        send(completed(late, true), "2026-12-10T03:00:00Z");
        VisitPlanned marked = planned(f.scheduled(Region.EAST, day("2026-12-15")));
        send(missed(marked), "2026-12-17T02:15:00Z");
        planned(f.scheduled(Region.EAST, day("2026-12-22")));
        planned(f.scheduled(Region.EAST, day("2026-12-31")));
        VisitPlanned dropped = planned(f.scheduled(Region.EAST, day("2026-12-10")));
        send(cancelled(dropped), "2026-11-30T08:00:00Z");
        planned(f.scheduled(Region.EAST, day("2027-01-05")));
        VisitPlanned beforeTheWindow = planned(f.scheduled(Region.EAST, day("2026-09-25")));
        send(completed(beforeTheWindow, false), "2026-09-25T04:00:00Z");
        VisitPlanned adHoc = planned(f.adHoc(Region.EAST, day("2026-12-02")));
        send(completed(adHoc, false), "2026-12-02T04:00:00Z");
        VisitPlanned movedIn = planned(f.scheduled(Region.EAST, day("2026-10-02")));
        send(movedTo(movedIn, day("2026-10-03")), "2026-09-30T01:00:00Z");
        send(completed(movedIn, day("2026-10-03"), false), "2026-10-03T04:00:00Z");
        VisitPlanned south = planned(f.scheduled(Region.SOUTH, day("2026-11-11")));
        send(completed(south, false), "2026-11-11T04:00:00Z");
        VisitPlanned loggedAfterTheSweep = planned(f.scheduled(Region.SOUTH, day("2026-11-18")));
        send(missed(loggedAfterTheSweep), "2026-11-20T02:15:00Z");
        send(completed(loggedAfterTheSweep, true), "2026-11-21T09:00:00Z");

        JsonNode execution = api.awaitVisitsApplied(account, published);

        assertThat(execution.get("from").asString()).isEqualTo("2026-10-03");
        assertThat(execution.get("to").asString()).isEqualTo("2027-01-01");
        JsonNode east = execution.at("/byRegion/EAST/coverage");
        assertThat(east.get("due").asLong()).as("cancelled, future, earlier and ad-hoc visits are not due").isEqualTo(6);
        assertThat(east.get("done").asLong()).as("in time, late, and the one moved into the window").isEqualTo(3);
        assertThat(east.get("doneLate").asLong()).isEqualTo(1);
        assertThat(east.get("missed").asLong()).as("marked by the sweep or with its deadline passed").isEqualTo(2);
        assertThat(east.get("open").asLong()).as("its log deadline is 2027-01-02 10:00").isEqualTo(1);
        assertThat(east.get("coveragePercent").decimalValue()).isEqualByComparingTo("50.0");
        JsonNode southCoverage = execution.at("/byRegion/SOUTH/coverage");
        assertThat(southCoverage.get("done").asLong()).as("a late log completes a missed visit").isEqualTo(2);
        assertThat(southCoverage.get("doneLate").asLong()).isEqualTo(1);
        assertThat(southCoverage.get("missed").asLong()).isZero();
        assertThat(southCoverage.get("coveragePercent").decimalValue()).isEqualByComparingTo("100.0");
        JsonNode overall = execution.at("/overall/coverage");
        assertThat(overall.get("due").asLong()).isEqualTo(8);
        assertThat(overall.get("done").asLong()).isEqualTo(5);
        assertThat(overall.get("coveragePercent").decimalValue()).isEqualByComparingTo("62.5");
        assertThat(execution.get("byRegion").propertyNames()).as("every region, zeros included").hasSize(7);
        assertThat(execution.at("/byRegion/NORTH/coverage/due").asLong()).isZero();
        assertThat(execution.at("/byRegion/NORTH/coverage/coveragePercent").isNull()).isTrue();
    }

    @Test
    void complianceScoresPriceDeviationsAndOutOfStocksComeFromTheWindowsStoreChecks() {
        send(f.check(Region.EAST, Instant.parse("2026-12-01T03:00:00Z"), "70.8",
                onShelf(MILK, "13.90", "13.50"), onShelf(YOGHURT, "9.90", "8.80", true), offShelf(JUICE, "10.00")),
                "2026-12-01T03:05:00Z");
        // 00:30 on 9 December in Shanghai; yoghurt exactly 5 % above complies; cream 5.0047 % above does not,
        // although the check reports its deviation rounded to 5.00
        send(f.check(Region.EAST, Instant.parse("2026-12-08T16:30:00Z"), "85.0",
                onShelf(MILK, "12.00", "13.50"), onShelf(YOGHURT, "9.24", "8.80"),
                onShelf(JUICE, "10.00", "10.00", true), onShelf(CREAM, "210.02", "200.01")),
                "2026-12-08T16:35:00Z");
        send(f.check(Region.EAST, Instant.parse("2026-09-20T03:00:00Z"), "40.0", offShelf(YOGHURT, "8.80")),
                "2026-09-20T03:05:00Z");
        send(f.check(Region.SOUTH, Instant.parse("2026-11-11T03:00:00Z"), "90.5",
                onShelf(MILK, "13.50", "13.50"), onShelf(YOGHURT, "7.92", "8.80")), "2026-11-11T03:05:00Z");
        send(f.check(Region.NORTH, Instant.parse("2026-06-01T03:00:00Z"), "55.0", onShelf(MILK, "20.00", "13.50")),
                "2026-06-01T03:05:00Z");

        JsonNode execution = api.awaitVisitsApplied(account, published);

        JsonNode east = execution.at("/byRegion/EAST");
        assertThat(east.at("/compliance/checks").asLong()).as("the September check is before the window").isEqualTo(2);
        assertThat(east.at("/compliance/averageScore").decimalValue()).isEqualByComparingTo("77.9");
        assertThat(east.at("/compliance/lastCheckedOn").asString()).as("the day in Shanghai").isEqualTo("2026-12-09");
        JsonNode north = execution.at("/byRegion/NORTH/compliance");
        assertThat(north.get("checks").asLong()).isZero();
        assertThat(north.get("averageScore").isNull()).isTrue();
        assertThat(north.get("lastCheckedOn").asString()).as("whenever it was").isEqualTo("2026-06-01");
        assertThat(execution.at("/overall/compliance/checks").asLong()).isEqualTo(3);
        assertThat(execution.at("/overall/compliance/averageScore").decimalValue()).as("(70.8 + 85.0 + 90.5) / 3")
                .isEqualByComparingTo("82.1");

        JsonNode eastPrices = east.get("prices");
        assertThat(eastPrices.get("observations").asLong()).as("SKUs on shelf with a price").isEqualTo(6);
        assertThat(eastPrices.get("averageDeviationPercent").decimalValue())
                .as("(2.96 + 12.50 - 11.11 + 5.00 + 0.00 + 5.00) / 6").isEqualByComparingTo("2.39");
        assertThat(eastPrices.get("averageAbsoluteDeviationPercent").decimalValue()).isEqualByComparingTo("6.10");
        assertThat(eastPrices.get("worstDeviationPercent").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(eastPrices.get("outsideTolerance").asLong()).isEqualTo(3);
        assertThat(eastPrices.get("outsideTolerancePercent").decimalValue()).isEqualByComparingTo("50.0");
        JsonNode southPrices = execution.at("/byRegion/SOUTH/prices");
        assertThat(southPrices.get("averageDeviationPercent").decimalValue()).isEqualByComparingTo("-5.00");
        assertThat(southPrices.get("worstDeviationPercent").decimalValue()).as("signed").isEqualByComparingTo("-10.00");
        JsonNode prices = execution.at("/overall/prices");
        assertThat(prices.get("observations").asLong()).isEqualTo(8);
        assertThat(prices.get("averageDeviationPercent").decimalValue()).isEqualByComparingTo("0.54");
        assertThat(prices.get("averageAbsoluteDeviationPercent").decimalValue()).isEqualByComparingTo("5.82");
        assertThat(prices.get("outsideTolerance").asLong()).isEqualTo(4);
        assertThat(prices.get("mostOftenOffPrice").valueStream().map(s -> s.get("gtin").asString()))
                .as("yoghurt off twice; then milk, furthest off; then cream").containsExactly(YOGHURT, MILK, CREAM);
        assertThat(prices.at("/mostOftenOffPrice/0/offPrice").asLong()).isEqualTo(2);
        assertThat(prices.at("/mostOftenOffPrice/0/observations").asLong()).isEqualTo(3);
        assertThat(prices.at("/mostOftenOffPrice/1/worstDeviationPercent").decimalValue()).isEqualByComparingTo("-11.11");
        assertThat(execution.at("/byRegion/NORTH/prices/observations").asLong()).as("June is before the window").isZero();

        JsonNode eastStock = east.get("stock");
        assertThat(eastStock.get("observations").asLong()).as("every SKU line of the window's checks").isEqualTo(7);
        assertThat(eastStock.get("outOfStock").asLong()).isEqualTo(2);
        assertThat(eastStock.get("offShelf").asLong()).isEqualTo(1);
        assertThat(eastStock.get("outOfStockPercent").decimalValue()).isEqualByComparingTo("28.6");
        assertThat(execution.at("/overall/stock/outOfStockPercent").decimalValue()).as("2 of 9")
                .isEqualByComparingTo("22.2");
        assertThat(execution.at("/byRegion/WEST/stock/outOfStockPercent").isNull()).isTrue();
    }

    @Test
    void theFiveSkusMostOftenOffPriceComeWithTheirNamesAsListed() {
        SkuListed milk = f.listed(MILK, "UHT Milk 1 L", "10.00");
        SkuListed yoghurt = f.listed(YOGHURT, "Yoghurt 4 x 100 g", "10.00");
        send(milk, "2026-01-05T02:00:00Z");
        send(yoghurt, "2026-01-05T02:00:00Z");
        send(f.listed(JUICE, "Orange Juice 1 L", "10.00"), "2026-01-05T02:00:00Z");
        send(f.renamed(milk, "Pure UHT Milk 1 L"), "2026-02-01T02:00:00Z");
        send(f.delisted(yoghurt), "2026-12-20T02:00:00Z");
        String[] gtins = {MILK, YOGHURT, JUICE, CREAM, "06901234567939", "06901234567946", "06901234567953"};
        send(f.check(Region.WEST, Instant.parse("2026-11-02T03:00:00Z"), "60.0",
                onShelf(gtins[0], "12.00", "10.00"), onShelf(gtins[1], "11.00", "10.00"),
                onShelf(gtins[2], "10.60", "10.00"), onShelf(gtins[3], "9.30", "10.00"),
                onShelf(gtins[4], "10.80", "10.00"), onShelf(gtins[5], "9.40", "10.00"),
                onShelf(gtins[6], "10.50", "10.00")), "2026-11-02T03:05:00Z");
        send(f.check(Region.WEST, Instant.parse("2026-11-09T03:00:00Z"), "70.0",
                onShelf(gtins[0], "11.00", "10.00"), onShelf(gtins[1], "10.70", "10.00")), "2026-11-09T03:05:00Z");
        send(f.check(Region.WEST, Instant.parse("2026-11-16T03:00:00Z"), "80.0",
                onShelf(gtins[0], "7.90", "10.00")), "2026-11-16T03:05:00Z");

        JsonNode offPrice = api.awaitVisitsApplied(account, published).at("/overall/prices/mostOftenOffPrice");

        assertThat(offPrice.valueStream().map(s -> s.get("gtin").asString())).as("most often first, then furthest off, then by GTIN; five at most; 5 % off complies")
                .containsExactly(MILK, YOGHURT, gtins[4], CREAM, JUICE);
        assertThat(offPrice.valueStream().map(s -> s.get("offPrice").asLong())).containsExactly(3L, 2L, 1L, 1L, 1L);
        assertThat(offPrice.at("/0/name").asString()).as("its latest name").isEqualTo("Pure UHT Milk 1 L");
        assertThat(offPrice.at("/0/worstDeviationPercent").decimalValue()).isEqualByComparingTo("-21.00");
        assertThat(offPrice.at("/1/name").asString()).as("a delisted SKU keeps its name").isEqualTo("Yoghurt 4 x 100 g");
        assertThat(offPrice.at("/2/name").isNull()).as("never listed for the account").isTrue();
    }

    @Test
    void complaintsAsTheyStandNowWithPromisesOpenUntilKeptAndTheOldestOpenOnesAge() {
        ComplaintOpened oldest = f.complaint(Region.EAST, ComplaintType.PRODUCT_QUALITY);
        send(oldest, "2026-10-31T17:00:00Z");
        ComplaintOpened examined = f.complaint(Region.EAST, ComplaintType.PRICE_TOO_HIGH);
        send(examined, "2026-12-20T02:00:00Z");
        send(investigating(examined), "2026-12-21T02:00:00Z");
        ComplaintOpened overdue = f.complaint(Region.SOUTH, ComplaintType.DELIVERY);
        send(overdue, "2026-10-10T02:00:00Z");
        send(promised(overdue, day("2026-12-31")), "2026-10-12T02:00:00Z");
        ComplaintOpened keptPromise = f.complaint(Region.SOUTH, ComplaintType.SERVICE);
        send(keptPromise, "2026-10-11T02:00:00Z");
        ComplaintResolved promise = promised(keptPromise, day("2026-12-20"));
        send(promise, "2026-10-12T02:00:00Z");
        send(kept(promise, day("2026-12-19")), "2026-12-19T02:00:00Z");
        ComplaintOpened dueToday = f.complaint(Region.EAST, ComplaintType.DELIVERY);
        send(dueToday, "2026-12-28T02:00:00Z");
        send(promised(dueToday, day("2027-01-01")), "2026-12-29T02:00:00Z");
        ComplaintOpened withdrawn = f.complaint(Region.EAST, ComplaintType.SERVICE);
        send(withdrawn, "2026-06-01T02:00:00Z");
        send(closed(withdrawn), "2026-06-02T02:00:00Z");
        ComplaintOpened remedied = f.complaint(Region.EAST, ComplaintType.PRODUCT_QUALITY);
        send(remedied, "2026-09-01T02:00:00Z");
        send(remedied(remedied), "2026-09-02T02:00:00Z");

        JsonNode execution = api.awaitVisitsApplied(account, published);

        JsonNode all = execution.at("/overall/complaints");
        assertThat(all.get("open").asLong()).as("open, investigating, and two promises not kept yet").isEqualTo(4);
        assertThat(all.get("awaitingPromise").asLong()).isEqualTo(2);
        assertThat(all.at("/openByType/PRODUCT_QUALITY").asLong()).isEqualTo(1);
        assertThat(all.at("/openByType/PRICE_TOO_HIGH").asLong()).isEqualTo(1);
        assertThat(all.at("/openByType/DELIVERY").asLong()).as("both promised, neither kept").isEqualTo(2);
        assertThat(all.at("/openByType/SERVICE").asLong()).as("kept, and withdrawn").isZero();
        assertThat(all.at("/byStatus/OPEN").asLong()).isEqualTo(1);
        assertThat(all.at("/byStatus/INVESTIGATING").asLong()).isEqualTo(1);
        assertThat(all.at("/byStatus/RESOLVED").asLong()).isEqualTo(4);
        assertThat(all.at("/byStatus/CLOSED").asLong()).isEqualTo(1);
        assertThat(all.get("overduePromises").asLong()).as("promised for yesterday and not kept").isEqualTo(1);
        assertThat(all.get("oldestOpenSince").asString()).as("the overdue promise, opened on 10 October")
                .isEqualTo("2026-10-10");
        assertThat(all.get("oldestOpenDays").asLong()).isEqualTo(83);
        JsonNode east = execution.at("/byRegion/EAST/complaints");
        assertThat(east.get("oldestOpenSince").asString()).as("opened at 01:00 in Shanghai").isEqualTo("2026-11-01");
        assertThat(east.get("oldestOpenDays").asLong()).isEqualTo(61);
        JsonNode south = execution.at("/byRegion/SOUTH/complaints");
        assertThat(south.get("open").asLong()).as("the promise not kept; the kept one is done").isEqualTo(1);
        assertThat(south.get("overduePromises").asLong()).isEqualTo(1);
        assertThat(south.get("oldestOpenSince").asString()).isEqualTo("2026-10-10");
        assertThat(execution.at("/byRegion/EAST/complaints/overduePromises").asLong()).as("due today is not overdue")
                .isZero();
        assertThat(execution.at("/byRegion/EAST/complaints/byStatus/RESOLVED").asLong()).isEqualTo(2);
    }

    private VisitPlanned planned(VisitPlanned visit) {
        visits.publish(visit, plannedAt(visit));
        published++;
        return visit;
    }

    private void send(VisitEvent event, String at) {
        visits.publish(event, Instant.parse(at));
        published++;
    }

    private static LocalDate day(String day) {
        return LocalDate.parse(day);
    }
}
