package io.kam.projection.review;

import static io.kam.projection.AccountFixture.aNationalHypermarketChain;
import static io.kam.projection.AccountFixture.aStoreOpened;
import static io.kam.projection.RelationshipFixture.heatAssessed;
import static io.kam.projection.SellThroughFigures.GTIN_A;
import static io.kam.projection.SellThroughFigures.line;
import static io.kam.projection.SellThroughFigures.recorded;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import io.kam.accounts.api.PlanKpi;
import io.kam.accounts.api.PlanEvents.Target;
import io.kam.accounts.api.AccountEvents.StoreOpened;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import io.kam.platform.testing.Api;
import io.kam.platform.testing.TestTokens;
import io.kam.platform.testing.TopicWriter;
import io.kam.projection.PlanFixture;
import io.kam.projection.ReviewsTest;
import io.kam.projection.SellThroughFigures;
import io.kam.projection.VisitFixture;
import io.kam.sellthrough.api.SellThroughEvents.SellThroughEvent;

/**
 * The national ranking over three accounts of 2026 (a past year at the tests' clock, so the span is the whole year):
 * the East's Alpha sold 1 500 against 1 000 in last year's same span, with a plan of 3 000; the East's Beta 2 400
 * against 3 000, with a plan of 1 920 (the fixture phases a target over twelve exact months); the South's Gamma 900,
 * with no last year and no plan.
 */
class RankingTest extends ReviewsTest {

    @LocalServerPort
    int port;

    private TopicWriter<SellThroughEvent> sellThrough;
    private UUID alpha;
    private UUID beta;
    private UUID gamma;

    @BeforeEach
    void threeAccountsWithSalesThisYearAndLast() {
        sellThrough = SellThroughFigures.topic();
        alpha = anAccount("Alpha", Region.EAST);
        beta = anAccount("Beta", Region.EAST);
        gamma = anAccount("Gamma", Region.SOUTH);
        // Alpha's latest day with figures is 30 June: last year counts up to 30 June 2025, not the July sale.
        sale(alpha, LocalDate.of(2026, 3, 1), "1000.00");
        sale(alpha, LocalDate.of(2026, 6, 30), "500.00");
        sale(alpha, LocalDate.of(2025, 3, 1), "1000.00");
        sale(alpha, LocalDate.of(2025, 7, 15), "9999.00");
        sale(alpha, LocalDate.of(2027, 1, 1), "777.00");
        sale(beta, LocalDate.of(2026, 5, 1), "2400.00");
        sale(beta, LocalDate.of(2025, 4, 30), "3000.00");
        sale(gamma, LocalDate.of(2026, 2, 1), "900.00");
        approvedPlan(alpha, 3_000);
        approvedPlan(beta, 1_920);
        Instant t0 = Instant.parse("2026-04-01T02:00:00Z");
        topic.publish(heatAssessed(alpha, 60, t0));
        topic.publish(heatAssessed(alpha, 75, t0.plusSeconds(86_400 * 30)));
        topic.publish(heatAssessed(beta, 80, t0));
        // The execution window is the 13 weeks up to 1 January 2027: from 3 October 2026.
        VisitFixture alphaVisits = new VisitFixture(alpha);
        visits.publish(alphaVisits.check(Region.EAST, Instant.parse("2026-12-10T03:00:00Z"), "80.0"));
        visits.publish(alphaVisits.check(Region.EAST, Instant.parse("2026-12-11T03:00:00Z"), "71.5"));
        visits.publish(alphaVisits.check(Region.EAST, Instant.parse("2026-09-01T03:00:00Z"), "10.0"));
        visits.publish(new VisitFixture(beta).check(Region.EAST, Instant.parse("2026-12-20T03:00:00Z"), "90.0"));
        api.awaitCaughtUp();
    }

    @Test
    void bySellThroughTheLargestSalesComeFirstWithEveryFigure() {
        List<JsonNode> mine = mine(ranking("?year=2026"));
        assertThat(names(mine)).containsExactly(name("Beta", beta), name("Alpha", alpha), name("Gamma", gamma));

        JsonNode a = mine.get(1);
        decimal(a, "sellThrough", "1500.00");
        decimal(a, "lastYearSameSpan", "1000.00");
        decimal(a, "growthPercent", "50.0");                  // (1500 - 1000) / 1000
        decimal(a, "planTarget", "3000");
        decimal(a, "planAttainmentPercent", "50.0");          // 1500 / 3000
        assertThat(a.get("heat").asInt()).as("the latest assessment").isEqualTo(75);
        decimal(a, "executionCompliance", "75.8");            // (80.0 + 71.5) / 2, the September check outside
        assertThat(api.review(alpha, "?year=2026").at("/execution/overall/compliance/averageScore").decimalValue())
                .as("the score the review shows").isEqualByComparingTo("75.8");
        JsonNode b = mine.get(0);
        decimal(b, "growthPercent", "-20.0");                 // (2400 - 3000) / 3000
        decimal(b, "planAttainmentPercent", "125.0");         // 2400 / 1920
        JsonNode g = mine.get(2);
        decimal(g, "sellThrough", "900.00");
        assertThat(g.get("lastYearSameSpan").isNull()).isTrue();
        assertThat(g.get("growthPercent").isNull()).as("no last year").isTrue();
        assertThat(g.get("planTarget").isNull()).isTrue();
        assertThat(g.get("planAttainmentPercent").isNull()).as("no approved plan").isTrue();
        assertThat(g.get("heat").isNull()).isTrue();
        assertThat(g.get("executionCompliance").isNull()).as("no check").isTrue();
    }

    @Test
    void byGrowthPlanAttainmentAndHeatTheAccountsWithoutTheFigureComeLast() {
        assertThat(names(mine(ranking("?year=2026&by=GROWTH"))))
                .containsExactly(name("Alpha", alpha), name("Beta", beta), name("Gamma", gamma));
        assertThat(names(mine(ranking("?year=2026&by=PLAN_ATTAINMENT"))))
                .containsExactly(name("Beta", beta), name("Alpha", alpha), name("Gamma", gamma));
        assertThat(names(mine(ranking("?year=2026&by=EXECUTION"))))
                .containsExactly(name("Beta", beta), name("Alpha", alpha), name("Gamma", gamma));
        assertThat(names(mine(ranking("?year=2026&by=HEAT"))))
                .containsExactly(name("Beta", beta), name("Alpha", alpha), name("Gamma", gamma));
        JsonNode all = ranking("?year=2026&by=GROWTH");
        List<Integer> ranks = new ArrayList<>();
        all.get("accounts").forEach(e -> ranks.add(e.get("rank").asInt()));
        assertThat(ranks).as("ranks count from 1 over every account").startsWith(1, 2).isSorted();
        assertThat(all.get("from").asString()).isEqualTo("2026-01-01");
        assertThat(all.get("to").asString()).isEqualTo("2026-12-31");
    }

    @Test
    void theCurrentYearIsTheDefaultAndRunsToToday() {
        JsonNode now = ranking("");
        assertThat(now.get("year").asInt()).isEqualTo(2027);
        assertThat(now.get("by").asString()).isEqualTo("SELL_THROUGH");
        JsonNode a = mine(now).stream().filter(e -> e.get("accountId").asString().equals(alpha.toString()))
                .findFirst().orElseThrow();
        decimal(a, "sellThrough", "777.00");
        assertThat(a.get("lastYearSameSpan").isNull()).as("nothing on 1 January 2026").isTrue();
        assertThat(a.get("planTarget").isNull()).as("the 2026 plan is not 2027's").isTrue();
    }

    @Test
    void aCoordinatorRanksTheirRegionOnlyWithoutTradeSpend() {
        Api eric = new Api(port).as(TestTokens.eric());
        Api.Response east = eric.get("/api/reviews/ranking?year=2026");
        assertThat(east.status()).isEqualTo(200);
        assertThat(names(mine(east.body()))).containsExactly(name("Beta", beta), name("Alpha", alpha));
        east.body().get("accounts").forEach(e -> assertThat(e.get("tradeSpendPercent").isNull()).isTrue());
        assertThat(east.body().get("region").asString()).isEqualTo("EAST");
        assertThat(eric.get("/api/reviews/ranking?region=EAST").status()).isEqualTo(200);
        assertThat(eric.get("/api/reviews/ranking?region=SOUTH").status()).isEqualTo(403);
        assertThat(eric.get("/api/reviews/ranking?by=TRADE_SPEND").status()).isEqualTo(403);

        JsonNode south = ranking("?year=2026&region=SOUTH");
        assertThat(names(mine(south))).as("a manager may ask for any region").containsExactly(name("Gamma", gamma));
    }

    @Test
    void integrationsAreRefusedAndBadValuesAreBadRequests() {
        Api anonymous = new Api(port);
        assertThat(anonymous.get("/api/reviews/ranking").status()).isEqualTo(401);
        assertThat(anonymous.as(TestTokens.integrationForAllAccounts()).get("/api/reviews/ranking").status()).isEqualTo(403);
        assertThat(anonymous.as(TestTokens.integrationFor(alpha)).get("/api/reviews/ranking").status()).isEqualTo(403);
        Api nora = anonymous.as(TestTokens.nora());
        Api.Response badBy = nora.get("/api/reviews/ranking?by=PROFIT");
        assertThat(badBy.status()).isEqualTo(400);
        assertThat(badBy.body().toString()).contains("by");
        assertThat(nora.get("/api/reviews/ranking?region=NOWHERE").status()).isEqualTo(400);
    }

    @Test
    void aRegionsViewRestrictsTheFiguresToItsStores() {
        UUID delta = anAccount("Delta", Region.EAST);
        topic.publish(new StoreOpened(delta, UUID.randomUUID(), "DL-E1", "Delta East", "Hangzhou", Region.EAST,
                RetailFormat.HYPERMARKET, LocalDate.of(2020, 5, 1)));
        topic.publish(new StoreOpened(delta, UUID.randomUUID(), "DL-S1", "Delta South", "Guangzhou", Region.SOUTH,
                RetailFormat.HYPERMARKET, LocalDate.of(2020, 5, 1)));
        sellThrough.publish(recorded(delta, "d-2026", 1, LocalDate.of(2026, 8, 1),
                line("DL-E1", GTIN_A, 10, "600.00"), line("DL-S1", GTIN_A, 10, "400.00")));
        sellThrough.publish(recorded(delta, "d-2025", 1, LocalDate.of(2025, 8, 1),
                line("DL-E1", GTIN_A, 10, "500.00"), line("DL-S1", GTIN_A, 10, "100.00")));
        api.awaitCaughtUp();

        Api eric = new Api(port).as(TestTokens.eric());
        Api.Response east = eric.get("/api/reviews/regions/EAST?year=2026");
        assertThat(east.status()).isEqualTo(200);
        JsonNode d = mine(east.body(), delta).getFirst();
        decimal(d, "sellThrough", "600.00");
        decimal(d, "lastYearSameSpan", "500.00");
        decimal(d, "growthPercent", "20.0");                 // (600 - 500) / 500, the East store only
        List<JsonNode> others = mine(east.body(), alpha, beta, gamma);
        assertThat(names(others)).as("their sales name no store of the region: no figure, so by name")
                .containsExactly(name("Alpha", alpha), name("Beta", beta));
        assertThat(others.getFirst().get("sellThrough").isNull()).isTrue();
        decimal(others.getFirst(), "planAttainmentPercent", "50.0");   // the account's sales against its plan
        List<String> codes = new ArrayList<>();
        east.body().get("stores").forEach(st -> {
            if (st.get("accountId").asString().equals(delta.toString()) && "DL-E1".equals(st.get("code").asString())) {
                codes.add(st.get("code").asString());
                assertThat(st.get("sellThrough").decimalValue()).isEqualByComparingTo("600.00");
            }
            assertThat(st.get("code").asString()).isNotEqualTo("DL-S1");
        });
        assertThat(codes).containsExactly("DL-E1");
        assertThat(eric.get("/api/reviews/regions/SOUTH").status()).isEqualTo(403);
        assertThat(new Api(port).as(TestTokens.integrationForAllAccounts()).get("/api/reviews/regions/EAST").status())
                .isEqualTo(403);
        JsonNode south = api.parse(http.get().uri("/api/reviews/regions/SOUTH?year=2026").exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseBody());
        decimal(mine(south, delta).getFirst(), "growthPercent", "300.0");   // (400 - 100) / 100
    }

    private UUID anAccount(String name, Region region) {
        UUID account = UUID.randomUUID();
        topic.publish(aNationalHypermarketChain(account, name(name, account)));
        topic.publish(aStoreOpened(account, region));
        return account;
    }

    private static String name(String name, UUID account) {
        return "Ranked " + name + " " + account;
    }

    private void sale(UUID account, LocalDate day, String sales) {
        sellThrough.publish(recorded(account, "b-" + day, 1, day, line("SH-001", GTIN_A, 10, sales)));
    }

    private void approvedPlan(UUID account, long sellThroughTarget) {
        PlanFixture plan = PlanFixture.aPlan(account, 2026);
        List<Target> targets = List.of(PlanFixture.target(PlanKpi.SELL_THROUGH_VALUE, sellThroughTarget, 1_000));
        Instant t0 = Instant.parse("2026-01-05T02:00:00Z");
        topic.publish(plan.drafted(1, targets, List.of()));
        topic.publish(plan.submitted(1, t0));
        topic.publish(plan.approved(1, t0.plusSeconds(3600), targets, List.of()));
    }

    private JsonNode ranking(String query) {
        return api.parse(http.get().uri("/api/reviews/ranking" + query).exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody());
    }

    /** This test's accounts in the order ranked (other tests' accounts share the database). */
    private List<JsonNode> mine(JsonNode ranking) {
        return mine(ranking, alpha, beta, gamma);
    }

    private static List<JsonNode> mine(JsonNode ranking, UUID... accounts) {
        Set<String> ids = new java.util.HashSet<>();
        for (UUID account : accounts) {
            ids.add(account.toString());
        }
        List<JsonNode> mine = new ArrayList<>();
        ranking.get("accounts").forEach(e -> {
            if (ids.contains(e.get("accountId").asString())) {
                mine.add(e);
            }
        });
        return mine;
    }

    private static List<String> names(List<JsonNode> entries) {
        return entries.stream().map(e -> e.get("name").asString()).toList();
    }

    private static void decimal(JsonNode entry, String field, String expected) {
        assertThat(entry.get(field).decimalValue()).as(field).isEqualByComparingTo(new BigDecimal(expected));
    }
}
