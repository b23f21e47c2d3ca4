package io.kam.projection.review;

import static io.kam.projection.AccountFixture.aNationalHypermarketChain;
import static io.kam.projection.PlanFixture.aPlan;
import static io.kam.projection.PlanFixture.target;
import static io.kam.projection.SellThroughFigures.GTIN_A;
import static io.kam.projection.SellThroughFigures.ingested;
import static io.kam.projection.SellThroughFigures.line;
import static io.kam.projection.SellThroughFigures.recorded;
import static io.kam.projection.SellThroughFigures.restated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.kam.accounts.api.AccountEvents.StoreOpened;
import io.kam.accounts.api.DevelopmentStage;
import io.kam.accounts.api.PlanEvents.Target;
import io.kam.accounts.api.PlanKpi;
import io.kam.accounts.api.Region;
import io.kam.platform.testing.Api;
import io.kam.platform.testing.TestTokens;
import io.kam.platform.testing.TopicWriter;
import io.kam.projection.AccountFixture;
import io.kam.projection.PlanFixture;
import io.kam.projection.ReviewsApi;
import io.kam.projection.RelationshipFixture;
import io.kam.projection.ReviewsTest;
import io.kam.projection.SellThroughFigures;
import io.kam.projection.TradeSpendScenario;
import io.kam.projection.VisitFixture;
import io.kam.sellthrough.api.SellThroughEvents.RecordedLine;
import io.kam.sellthrough.api.SellThroughEvents.SellThroughEvent;
import io.kam.visits.api.ComplaintEvents.ComplaintOpened;
import io.kam.visits.api.ComplaintType;
import tools.jackson.databind.JsonNode;

/**
 * The review as it stood at an instant: the plan in force then and the figures the platform had recorded by then,
 * restatements included; what changed between two instants; the same answers after a rebuild; and the refusals.
 * The service's clock stands at New Year's Day 2027 in Shanghai; the history below happens in November 2026.
 */
class AsOfReviewTest extends ReviewsTest {

    /** The plan approved and the first figures recorded. */
    private static final Instant RECORDED = Instant.parse("2026-11-02T02:00:00Z");
    /** The retailer restates the figures and a revised plan is approved. */
    private static final Instant RESTATED = Instant.parse("2026-11-20T02:00:00Z");
    /** Between the two: the end of 15 November in Shanghai. */
    private static final String BEFORE = "2026-11-15";
    /** After both: midnight of 25 November in Shanghai. */
    private static final String AFTER = "2026-11-24T16:00:00Z";
    private static final LocalDate SALES_DAY = LocalDate.of(2026, 11, 5);
    private static final Duration HOUR = Duration.ofHours(1);

    @LocalServerPort
    int port;

    private TopicWriter<SellThroughEvent> sellThrough;

    @BeforeEach
    void connectSellThrough() {
        sellThrough = SellThroughFigures.topic();
    }

    /**
     * An East account with a 2026 plan, its heat and figures; later the figures restated, the plan revised, the stage
     * and heat changed and a complaint opened.
     */
    private UUID givenFiguresRecordedThenRestated(String name) {
        UUID account = UUID.randomUUID();
        StoreOpened store = AccountFixture.aStoreOpened(account, Region.EAST);
        PlanFixture plan = aPlan(account, 2026);
        List<Target> first = List.of(target(PlanKpi.SELL_THROUGH_VALUE, 12_000_000, 10_500_000));
        List<Target> raised = List.of(target(PlanKpi.SELL_THROUGH_VALUE, 13_200_000, 10_500_000));
        topic.publish(aNationalHypermarketChain(account, name), RECORDED);
        topic.publish(store, RECORDED);
        topic.publish(plan.drafted(1, first, List.of()), RECORDED);
        topic.publish(plan.submitted(1, RECORDED), RECORDED);
        topic.publish(plan.approved(1, RECORDED.plus(HOUR), first, List.of()), RECORDED.plus(HOUR));
        topic.publish(RelationshipFixture.heatAssessed(account, 62, RECORDED), RECORDED.plus(HOUR));
        RecordedLine sold = line(store.code(), GTIN_A, 100, "2000.00");
        sellThrough.publish(recorded(account, "b1", 1, SALES_DAY, sold), RECORDED.plus(HOUR));
        sellThrough.publish(ingested(account, "b1", 1, SALES_DAY, SALES_DAY, 100, "2000.00"), RECORDED.plus(HOUR));

        sellThrough.publish(restated(account, "b2", 1, SALES_DAY, sold, 80, "1600.00"), RESTATED);
        sellThrough.publish(ingested(account, "b2", 1, SALES_DAY, SALES_DAY, -20, "-400.00"), RESTATED);
        topic.publish(plan.drafted(2, raised, List.of()), RESTATED);
        topic.publish(plan.submitted(2, RESTATED), RESTATED);
        topic.publish(plan.approved(2, RESTATED.plus(HOUR), raised, List.of()), RESTATED.plus(HOUR));
        topic.publish(AccountFixture.stageChanged(account, DevelopmentStage.PRODUCT_USER,
                DevelopmentStage.PREFERRED_USER, RESTATED), RESTATED);
        topic.publish(RelationshipFixture.heatAssessed(account, 71, RESTATED), RESTATED);
        ComplaintOpened complaint = new VisitFixture(account).complaint(Region.EAST, ComplaintType.PRODUCT_QUALITY);
        visits.publish(complaint, RESTATED);
        api.awaitEventsApplied(account, 11);
        api.awaitCaughtUp();
        return account;
    }

    @Test
    void readsTheFiguresAndThePlanAsTheyStoodBeforeAndAfterTheRestatement() {
        UUID account = givenFiguresRecordedThenRestated("As-Of Mart");

        JsonNode before = api.review(account, "?asOf=" + BEFORE);
        assertThat(before.at("/plan/year").asInt()).as("the current year then").isEqualTo(2026);
        assertThat(before.at("/plan/version").asInt()).as("the plan in force then").isEqualTo(1);
        assertThat(before.at("/plan/targets/0/target").decimalValue()).isEqualByComparingTo("12000000");
        assertThat(before.at("/plan/targets/0/actual").decimalValue()).as("the figures known then")
                .isEqualByComparingTo("2000.00");
        assertThat(before.at("/plan/sellThrough/months/10/actual").decimalValue()).isEqualByComparingTo("2000.00");
        assertThat(before.at("/sellThrough/yearToDate/units").asLong()).isEqualTo(100);
        assertThat(before.at("/sellThrough/yearToDate/to").asString()).as("read as on that day").isEqualTo(BEFORE);
        assertThat(before.get("eventsApplied").asLong()).isEqualTo(6);
        assertThat(before.at("/heat/score").asInt()).isEqualTo(62);
        assertThat(before.get("timeline").valueStream().map(e -> e.get("kind").asString()).toList())
                .containsExactly("PLAN_SUBMITTED", "PLAN_APPROVED");
        assertThat(before.at("/execution/overall/complaints/open").asLong()).isZero();

        JsonNode after = api.review(account, "?asOf=" + AFTER);
        assertThat(after.at("/plan/version").asInt()).isEqualTo(2);
        assertThat(after.at("/plan/targets/0/target").decimalValue()).isEqualByComparingTo("13200000");
        assertThat(after.at("/plan/targets/0/actual").decimalValue()).as("restated")
                .isEqualByComparingTo("1600.00");
        assertThat(after.at("/sellThrough/yearToDate/units").asLong()).isEqualTo(80);
        assertThat(after.get("eventsApplied").asLong()).isEqualTo(11);
        assertThat(after.get("stage").asString()).isEqualTo("PREFERRED_USER");
        assertThat(after.at("/execution/overall/complaints/open").asLong()).isEqualTo(1);
        assertThat(after.at("/execution/to").asString()).as("the execution window ends that day").isEqualTo("2026-11-25");

        JsonNode offset = api.parse(http.get()
                .uri(URI.create("http://localhost:" + port + "/api/reviews/" + account + "?asOf=2026-11-25T00:00:00%2B08:00"))
                .exchange().expectStatus().isOk().returnResult(String.class).getResponseBody());
        assertThat(offset).as("the same instant with its offset").isEqualTo(after);

        JsonNode now = api.review(account, "?year=2026");
        assertThat(api.review(account, "?year=2026&asOf=" + ProjectionServiceTestNow.NOW))
                .as("as of now is the review itself").isEqualTo(now);
        assertThat(api.review(account, "?year=2026")).as("the live review is untouched by the as-of reads")
                .isEqualTo(now);
        assertThat(api.review(account, "?asOf=" + BEFORE)).as("and the as-of reads by the live ones")
                .isEqualTo(before);
    }

    @Test
    void theChangesNameTheRestatementThePlanRevisionAndTheNewComplaint() {
        UUID account = givenFiguresRecordedThenRestated("Changes Mart");

        JsonNode changes = changes(account, "?from=" + BEFORE + "&to=" + AFTER);
        assertThat(changes.get("eventsRecorded").asLong()).isEqualTo(8);
        assertThat(changes.at("/plan/from/version").asInt()).isEqualTo(1);
        assertThat(changes.at("/plan/to/version").asInt()).isEqualTo(2);
        JsonNode kpi = changes.at("/kpis/0");
        assertThat(changes.get("kpis")).hasSize(1);
        assertThat(kpi.get("kpi").asString()).isEqualTo("SELL_THROUGH_VALUE");
        assertThat(kpi.get("targetFrom").decimalValue()).isEqualByComparingTo("12000000");
        assertThat(kpi.get("targetTo").decimalValue()).isEqualByComparingTo("13200000");
        assertThat(kpi.get("actualFrom").decimalValue()).isEqualByComparingTo("2000.00");
        assertThat(kpi.get("actualTo").decimalValue()).isEqualByComparingTo("1600.00");
        assertThat(kpi.get("actualDelta").decimalValue()).isEqualByComparingTo("-400.00");
        assertThat(changes.at("/sellThrough/delta").decimalValue()).isEqualByComparingTo("-400.00");
        assertThat(changes.get("restatements")).hasSize(1);
        JsonNode restatement = changes.at("/restatements/0");
        assertThat(restatement.get("day").asString()).isEqualTo(SALES_DAY.toString());
        assertThat(restatement.get("batchId").asString()).isEqualTo("b2");
        assertThat(restatement.get("recordedAt").asString()).isEqualTo(RESTATED.toString());
        assertThat(restatement.get("deltaUnits").asLong()).isEqualTo(-20);
        assertThat(restatement.get("deltaSales").decimalValue()).isEqualByComparingTo("-400.00");
        assertThat(restatement.get("lines").asInt()).isEqualTo(1);
        assertThat(changes.at("/complaints/opened")).hasSize(1);
        assertThat(changes.at("/complaints/opened/0/type").asString()).isEqualTo("PRODUCT_QUALITY");
        assertThat(changes.get("timeline").valueStream().map(e -> e.get("kind").asString()).toList())
                .containsExactlyInAnyOrder("PLAN_SUBMITTED", "STAGE", "PLAN_APPROVED");
        assertThat(changes.at("/stage/from").asString()).as("the stage then")
                .isEqualTo(api.review(account, "?asOf=" + BEFORE).get("stage").asString()).isNotEqualTo("PREFERRED_USER");
        assertThat(changes.at("/stage/to").asString()).isEqualTo("PREFERRED_USER");
        assertThat(changes.at("/heat/from").asInt()).isEqualTo(62);
        assertThat(changes.at("/heat/to").asInt()).isEqualTo(71);
        assertThat(changes.get("classification").isNull()).as("unchanged").isTrue();

        JsonNode sinceThen = changes(account, "?from=" + BEFORE);
        assertThat(sinceThen.get("to").asString()).as("to defaults to now")
                .isEqualTo(ProjectionServiceTestNow.NOW.toString());
        assertThat(sinceThen.get("restatements")).hasSize(1);
    }

    @Test
    void aRebuildReproducesTheHistory() {
        UUID account = givenFiguresRecordedThenRestated("Rebuilt History Mart");
        String before = reviewJson(account, "?asOf=" + BEFORE);
        String after = reviewJson(account, "?asOf=" + AFTER);
        String changes = reviewJson(account, "/changes?from=" + BEFORE);

        http.post().uri("/api/reviews/rebuild").exchange().expectStatus().isAccepted();
        JsonNode done = await("rebuild done").atMost(ReviewsApi.PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(api::rebuildStatus, status -> !status.get("state").asString().equals("RUNNING"));
        assertThat(done.get("state").asString()).isEqualTo("DONE");

        assertThat(reviewJson(account, "?asOf=" + BEFORE)).isEqualTo(before);
        assertThat(reviewJson(account, "?asOf=" + AFTER)).isEqualTo(after);
        assertThat(reviewJson(account, "/changes?from=" + BEFORE)).isEqualTo(changes);
    }

    @Test
    void refusesBadInstantsOtherRegionsAndTimesBeforeTheAccount() {
        UUID account = givenFiguresRecordedThenRestated("Refusing Mart");
        Api nora = new Api(port).as(TestTokens.nora());

        var malformed = nora.get("/api/reviews/" + account + "?asOf=last-tuesday");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.fieldErrors()).singleElement().asString().startsWith("asOf:");
        var tomorrow = nora.get("/api/reviews/" + account + "?asOf=2027-01-02");
        assertThat(tomorrow.status()).as("the market's tomorrow").isEqualTo(400);
        assertThat(tomorrow.fieldErrors()).singleElement().asString().startsWith("asOf: must not be later than now");
        assertThat(nora.get("/api/reviews/" + account + "?asOf=2026-12-31T16:30:01Z").status())
                .as("a second after now").isEqualTo(400);
        assertThat(nora.get("/api/reviews/" + account + "?asOf=2027-01-01").status()).as("today is now")
                .isEqualTo(200);
        assertThat(nora.get("/api/reviews/" + account + "?asOf=2026-11-01").status())
                .as("before the platform knew the account").isEqualTo(404);
        var backwards = nora.get("/api/reviews/" + account + "/changes?from=" + BEFORE + "&to=2026-11-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.fieldErrors()).singleElement().asString().startsWith("to:");
        assertThat(nora.get("/api/reviews/" + account + "/changes").status()).as("from is required").isEqualTo(400);
        assertThat(nora.get("/api/reviews/" + account + "/changes?from=2026-10-01").status())
                .as("from before the account").isEqualTo(404);

        Api sofia = new Api(port).as(TestTokens.sofia());
        assertThat(sofia.get("/api/reviews/" + account + "?asOf=" + BEFORE).status())
                .as("a coordinator of another region").isEqualTo(404);
        assertThat(sofia.get("/api/reviews/" + account + "/changes?from=" + BEFORE).status()).isEqualTo(404);
        Api eric = new Api(port).as(TestTokens.eric());
        var own = eric.get("/api/reviews/" + account + "?asOf=" + BEFORE);
        assertThat(own.status()).as("the region's coordinator").isEqualTo(200);
        assertThat(own.body().get("tradeSpend").isNull()).as("no terms for a coordinator").isTrue();
        assertThat(new Api(port).get("/api/reviews/" + account + "?asOf=" + BEFORE).status()).isEqualTo(401);
    }

    @Test
    void theTradeSpendSectionAsOfNowIsTheLiveOneWithEveryChainsAgreements() {
        TradeSpendScenario terms = new TradeSpendScenario();
        terms.publish(topic, negotiations, SellThroughFigures.topic(), promotions);
        TradeSpendScenario anotherChain = new TradeSpendScenario();
        anotherChain.publish(topic, negotiations, SellThroughFigures.topic(), promotions);
        api.awaitNegotiationsApplied(terms.account, TradeSpendScenario.NEGOTIATION_EVENTS);
        api.awaitNegotiationsApplied(anotherChain.account, TradeSpendScenario.NEGOTIATION_EVENTS);
        api.awaitCaughtUp();

        JsonNode live = api.review(terms.account, "");
        assertThat(live.at("/tradeSpend/agreement/version").asInt()).isEqualTo(2);
        assertThat(live.at("/tradeSpend/nationalAverage/accounts").asLong()).as("another chain's agreement counts")
                .isGreaterThanOrEqualTo(2);
        assertThat(api.review(terms.account, "?asOf=" + ProjectionServiceTestNow.NOW))
                .as("the agreements, the ledger, the accrual and the national average of every chain").isEqualTo(live);
    }

    @Test
    void theRetailersOwnIntegrationGetsTheRetailersCutOfThePastAndOfTheChanges() {
        UUID account = givenFiguresRecordedThenRestated("Retailer's Past Mart");
        Api retailer = new Api(port).as(TestTokens.integrationFor(account));

        JsonNode before = retailer.get("/api/reviews/" + account + "?asOf=" + BEFORE).body();
        assertThat(before.at("/plan/version").asInt()).isEqualTo(1);
        assertThat(before.at("/plan/approvedBy").isNull()).as("our names stay ours").isTrue();
        assertThat(before.get("timeline").valueStream().map(e -> e.get("kind").asString()).toList())
                .containsExactly("PLAN_APPROVED");
        assertThat(before.get("heat").isNull()).isTrue();
        assertThat(before.get("execution").isNull()).isTrue();
        JsonNode changes = retailer.get("/api/reviews/" + account + "/changes?from=" + BEFORE).body();
        assertThat(changes.get("stage").isNull()).as("how we stage the retailer is ours").isTrue();
        assertThat(changes.get("heat").isNull()).isTrue();
        assertThat(changes.get("complaints").isNull()).as("our field work").isTrue();
        assertThat(changes.get("timeline").valueStream().map(e -> e.get("kind").asString()).toList())
                .containsExactly("PLAN_APPROVED");
        assertThat(changes.at("/restatements/0/deltaSales").decimalValue()).as("their own figures")
                .isEqualByComparingTo("-400.00");
        assertThat(new Api(port).as(TestTokens.integrationFor(UUID.randomUUID()))
                .get("/api/reviews/" + account + "/changes?from=" + BEFORE).status())
                .as("another retailer's integration").isEqualTo(404);
    }

    @Test
    void theAsOfParameterAndTheChangesAreDescribedInTheOpenApiDocument() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/reviews/{accountId}'].get.parameters[?(@.name == 'asOf')]").exists()
                .jsonPath("$.paths['/api/reviews/{accountId}/changes'].get.summary").exists()
                .jsonPath("$.paths['/api/reviews/{accountId}/changes'].get.parameters[?(@.name == 'from')]").exists();
    }

    private JsonNode changes(UUID account, String query) {
        return api.parse(reviewJson(account, "/changes" + query));
    }

    private String reviewJson(UUID account, String rest) {
        return http.get().uri("/api/reviews/" + account + rest).exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
    }

    /** The service's clock. */
    private static final class ProjectionServiceTestNow {
        static final Instant NOW = io.kam.projection.ProjectionServiceTest.NOW;
    }
}
