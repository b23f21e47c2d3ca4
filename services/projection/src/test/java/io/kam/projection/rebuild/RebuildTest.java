package io.kam.projection.rebuild;

import static io.kam.projection.AccountFixture.aContactAdded;
import static io.kam.projection.AccountFixture.aNationalHypermarketChain;
import static io.kam.projection.AccountFixture.aRegionalSupermarketChain;
import static io.kam.projection.AccountFixture.aStoreOpened;
import static io.kam.projection.AccountFixture.classified;
import static io.kam.projection.AccountFixture.closed;
import static io.kam.projection.AccountFixture.movedTo;
import static io.kam.projection.AccountFixture.stageChanged;
import static io.kam.projection.PlanFixture.aPlan;
import static io.kam.projection.PlanFixture.anItem;
import static io.kam.projection.PlanFixture.someTargets;
import static io.kam.projection.RelationshipFixture.aSwotPoint;
import static io.kam.projection.RelationshipFixture.heatAssessed;
import static io.kam.projection.RelationshipFixture.wallChanged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

import io.kam.accounts.api.AccountEvents;
import io.kam.accounts.api.AccountEvents.AccountEvent;
import io.kam.accounts.api.AccountEvents.ContactAdded;
import io.kam.accounts.api.AccountEvents.StoreOpened;
import io.kam.accounts.api.AccountRole;
import io.kam.accounts.api.ActionStatus;
import io.kam.accounts.api.ContactLevel;
import io.kam.accounts.api.Department;
import io.kam.accounts.api.DevelopmentStage;
import io.kam.accounts.api.ImportantDateType;
import io.kam.accounts.api.PlanEvents.ActionItem;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.RelationshipEvents.ImportantDateAdded;
import io.kam.accounts.api.SwotKind;
import io.kam.accounts.api.ValueTier;
import io.kam.accounts.api.WallLevel;
import io.kam.platform.events.EventEnvelope;
import io.kam.platform.testing.TopicWriter;
import io.kam.projection.PlanFixture;
import io.kam.projection.ProjectionServiceTest;
import io.kam.projection.PromotionScenario;
import io.kam.projection.ProspectFixture;
import io.kam.projection.ReviewsApi;
import io.kam.projection.SellThroughFigures;
import io.kam.projection.TradeSpendScenario;
import io.kam.projection.VisitFixture;
import io.kam.negotiations.api.NegotiationEvents;
import io.kam.promotions.api.PromotionEvents;
import io.kam.prospects.api.ProspectEvents;
import io.kam.prospects.api.ProspectEvents.ProspectEvent;
import io.kam.prospects.api.ProspectStage;
import io.kam.sellthrough.api.SellThroughEvents.SellThroughEvent;
import io.kam.visits.api.ComplaintEvents.ComplaintOpened;
import io.kam.visits.api.ComplaintType;
import io.kam.visits.api.StoreCheckEvents.SkuListed;
import io.kam.visits.api.VisitEvents;
import io.kam.visits.api.VisitEvents.VisitEvent;
import io.kam.visits.api.VisitEvents.VisitPlanned;

/**
 * A rebuild replays every topic into empty tables and must come back with exactly the reviews (their execution,
 * promotions, trade-spend and sell-through sections included) and the pipeline it dropped.
 */
@ProjectionServiceTest
// The test damages tables behind the projectors' back, which no applied event announces: the live reviews' cache
// (LiveReviews) would rightly go on serving what the events made, so it is off here to let the damage show.
@org.springframework.test.context.TestPropertySource(properties = "kam.projection.live-reviews.size=0")
class RebuildTest {

    @Autowired
    RestTestClient http;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aRebuildReplaysTheTopicIntoTheSameReviewsAndRefusesASecondOneMeanwhile() {
        TopicWriter<AccountEvent> topic = TopicWriter.of(AccountEvents.CATALOG);
        ReviewsApi api = new ReviewsApi(http);
        List<UUID> accounts = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        givenAccountsWithHistory(topic, accounts);
        UUID converted = givenProspectsWithHistory(TopicWriter.of(ProspectEvents.CATALOG), topic, accounts.get(0));
        givenVisitsWithHistory(TopicWriter.of(VisitEvents.CATALOG), accounts);
        givenSellThroughFigures(SellThroughFigures.topic(), topic, accounts.get(0));
        PromotionScenario promotionYear = new PromotionScenario();
        promotionYear.publish(topic, TopicWriter.of(PromotionEvents.CATALOG).as("nora"),
                TopicWriter.of(VisitEvents.CATALOG));
        TradeSpendScenario termsYear = new TradeSpendScenario();
        termsYear.publish(topic, TopicWriter.of(NegotiationEvents.CATALOG).as("nora"), SellThroughFigures.topic(),
                TopicWriter.of(PromotionEvents.CATALOG).as("nora"));
        api.awaitCaughtUp();
        Map<UUID, String> live = new LinkedHashMap<>();
        accounts.forEach(id -> live.put(id, api.reviewJson(id).orElseThrow()));
        live.put(converted, api.reviewJson(converted).orElseThrow());
        live.put(promotionYear.account, api.reviewJson(promotionYear.account).orElseThrow());
        live.put(termsYear.account, api.reviewJson(termsYear.account).orElseThrow());
        JsonNode terms = api.parse(live.get(termsYear.account)).get("tradeSpend");
        assertThat(terms.get("eventsApplied").asLong()).as("the live trade-spend section to compare")
                .isEqualTo(TradeSpendScenario.NEGOTIATION_EVENTS);
        assertThat(terms.at("/agreement/version").asInt()).isEqualTo(2);
        assertThat(terms.at("/accrued/total").decimalValue()).isEqualByComparingTo("224660.00");
        assertThat(terms.at("/lastNegotiation/gives").asLong()).isEqualTo(3);
        assertThat(terms.at("/nationalAverage/accounts").asLong()).isPositive();
        JsonNode promotions = api.parse(live.get(promotionYear.account)).get("promotions");
        assertThat(promotions.get("eventsApplied").asLong()).as("the live promotions section to compare")
                .isEqualTo(PromotionScenario.PROMOTION_EVENTS);
        assertThat(promotions.at("/evaluated/0/evaluation").asInt()).isEqualTo(2);
        assertThat(promotions.at("/running/0/execution/overall/compliancePercent").decimalValue())
                .isEqualByComparingTo("33.3");
        assertThat(promotions.at("/fund/committed").decimalValue()).isEqualByComparingTo("22660.00");
        assertThat(promotions.at("/spend/total").decimalValue()).isEqualByComparingTo("14660.00");
        assertThat(api.parse(live.get(promotionYear.account)).at("/plan/targets").valueStream()
                .filter(t -> t.get("actual").isNull()).map(t -> t.get("kpi").asString()))
                .as("both promotion KPIs have their actual").isEmpty();
        assertThat(api.parse(live.get(converted)).at("/origin/referralChain")).as("the converted account's origin")
                .hasSize(2);
        String livePipeline = api.pipelineJson("");
        String liveJanuary = api.pipelineJson("?from=2016-01-01&to=2016-01-31");
        assertThat(api.parse(liveJanuary).get("prospects").asLong()).isEqualTo(3);
        assertThat(api.parse(liveJanuary).at("/timeInStage/IDENTIFIED/left").asLong()).isEqualTo(3);
        JsonNode national = api.parse(live.get(accounts.get(0)));
        assertThat(List.of("plan", "actions", "heat")).as("the live review has every section to compare")
                .allSatisfy(section -> assertThat(national.get(section).isNull()).as(section).isFalse());
        assertThat(national.at("/wall/findings")).isNotEmpty();
        assertThat(national.at("/swot/keyPoints").asInt()).isEqualTo(1);
        JsonNode execution = national.at("/execution/overall");
        assertThat(execution.at("/coverage/due").asLong()).as("the live review has execution figures to compare")
                .isEqualTo(3);
        assertThat(execution.at("/coverage/doneLate").asLong()).isEqualTo(1);
        assertThat(execution.at("/compliance/checks").asLong()).isEqualTo(2);
        assertThat(execution.at("/prices/mostOftenOffPrice/0/name").asString()).isEqualTo("Pure UHT Milk 1 L");
        assertThat(execution.at("/stock/outOfStock").asLong()).isEqualTo(1);
        assertThat(execution.at("/complaints/open").asLong()).as("one still open, one promised and not kept")
                .isEqualTo(2);
        assertThat(execution.at("/complaints/awaitingPromise").asLong()).isEqualTo(1);
        assertThat(execution.at("/complaints/overduePromises").asLong()).isEqualTo(1);
        assertThat(api.parse(live.get(accounts.get(1))).at("/execution/byRegion/SOUTHEAST/coverage/missed").asLong())
                .isEqualTo(1);
        String liveList = api.listJson("?size=200");
        String figures = "/api/reviews/" + accounts.get(0) + "/sell-through?grain=DAY&by=REGION&from=2026-01-01&to=2027-01-01";
        String liveFigures = get(figures);
        assertThat(api.parse(liveFigures).get("rows")).as("figures to compare").hasSize(3);
        assertThat(national.at("/plan/sellThrough/months/0/actual").decimalValue()).isEqualByComparingTo("70.00");
        assertThat(national.at("/sellThrough/yearToDate/units").asLong()).isEqualTo(7);
        assertThat(national.at("/distribution/thisYear/listedSkus").asLong())
                .as("the live review has the listing history to compare: milk, listed in 2026").isEqualTo(1);
        assertThat(national.at("/distribution/thisYear/newListings").asLong()).isZero();
        assertThat(national.at("/distribution/lastYear/listedSkus").isNull()).as("not listed by 2026-01-01").isTrue();

        damage(promotionYear.account);
        assertThat(api.reviewJson(promotionYear.account)).as("the promotions section damaged before the rebuild")
                .isNotEqualTo(java.util.Optional.of(live.get(promotionYear.account)));
        damageTerms(termsYear.account);
        assertThat(api.reviewJson(termsYear.account)).as("the trade-spend section damaged before the rebuild")
                .isNotEqualTo(java.util.Optional.of(live.get(termsYear.account)));

        JsonNode started = api.parse(http.post().uri("/api/reviews/rebuild").exchange()
                .expectStatus().isAccepted().returnResult(String.class).getResponseBody());
        http.post().uri("/api/reviews/rebuild").exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("rebuild-running");

        assertThat(started.get("state").asString()).isEqualTo("RUNNING");
        assertThat(started.get("targetOffsets").asLong()).isPositive();
        JsonNode done = await("rebuild done").atMost(ReviewsApi.PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(api::rebuildStatus, status -> !status.get("state").asString().equals("RUNNING"));
        assertThat(done.get("state").asString()).as("rebuild status %s", done).isEqualTo("DONE");
        assertThat(done.get("remainingLag").asLong()).isZero();
        assertThat(done.get("startedAt").asString()).isEqualTo(started.get("startedAt").asString());
        assertThat(Instant.parse(done.get("finishedAt").asString()))
                .isAfterOrEqualTo(Instant.parse(done.get("startedAt").asString()));

        live.forEach((id, review) -> assertThat(api.reviewJson(id)).as("review of %s after the rebuild", id)
                .contains(review));
        assertThat(api.listJson("?size=200")).as("the list after the rebuild").isEqualTo(liveList);
        assertThat(api.pipelineJson("")).as("the pipeline after the rebuild").isEqualTo(livePipeline);
        assertThat(api.pipelineJson("?from=2016-01-01&to=2016-01-31")).isEqualTo(liveJanuary);
        assertThat(get(figures)).as("the sell-through figures after the rebuild").isEqualTo(liveFigures);
    }

    /**
     * Rows the rebuild must bring back as the topics have them: an evaluation's investment, a fund's budget and every
     * promotion execution check of the account.
     */
    private void damage(UUID account) {
        jdbc.sql("update promotion_evaluation set investment = 0 where account_id = ?").param(account).update();
        jdbc.sql("update promotion_fund set amount = 1 where account_id = ?").param(account).update();
        jdbc.sql("delete from promotion_check where account_id = ?").param(account).update();
    }

    /** Rows the rebuild must bring back: an agreement's amendment, a give and a round of the ledger. */
    private void damageTerms(UUID account) {
        jdbc.sql("delete from agreement_version where account_id = ? and version = 2").param(account).update();
        jdbc.sql("delete from negotiation_give where account_id = ? and sequence = 3").param(account).update();
        jdbc.sql("update negotiation_round set asks = 0 where account_id = ?").param(account).update();
    }

    private String get(String path) {
        return http.get().uri(path).exchange().expectStatus().isOk().returnResult(String.class).getResponseBody();
    }

    /** Figures of two days in two stores, one of them unknown to the accounts events, with a restatement. */
    private static void givenSellThroughFigures(TopicWriter<SellThroughEvent> sellThrough, TopicWriter<AccountEvent> topic, UUID account) {
        topic.publish(new StoreOpened(account, UUID.randomUUID(), "RB-1", "Rebuild store", "Ningbo", Region.EAST,
                io.kam.accounts.api.RetailFormat.HYPERMARKET, LocalDate.of(2020, 1, 1)));
        LocalDate june = LocalDate.of(2026, 6, 1);
        var was = SellThroughFigures.line("RB-1", SellThroughFigures.GTIN_A, 12, "276.00");
        sellThrough.publish(SellThroughFigures.recorded(account, "rb", 1, june, was,
                SellThroughFigures.line("RB-404", SellThroughFigures.GTIN_B, 3, "33.30")));
        sellThrough.publish(SellThroughFigures.restated(account, "rb", 2, june, was, 10, "230.00"));
        sellThrough.publish(SellThroughFigures.ingested(account, "rb", 2, june, june, 13, "263.30"));
        EventEnvelope today = sellThrough.publish(SellThroughFigures.recorded(account, "rb2", 1, LocalDate.of(2027, 1, 1),
                SellThroughFigures.line("RB-1", SellThroughFigures.GTIN_B, 7, "70.00")));
        sellThrough.publish(today);
    }

    @Test
    void theRebuildEndpointsAreDescribedInTheOpenApiDocument() {
        http.get().uri("/v3/api-docs").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.paths['/api/reviews/rebuild'].post.responses['202']").exists()
                .jsonPath("$.paths['/api/reviews/rebuild'].post.responses['409']").exists()
                .jsonPath("$.paths['/api/reviews/rebuild'].get.summary").exists();
    }

    private static void givenAPlanAndRelationshipHistory(TopicWriter<AccountEvent> topic, UUID account, Instant t0) {
        PlanFixture plan = aPlan(account, 2027);
        ActionItem island = anItem("Second display island", LocalDate.of(2027, 1, 31));
        ActionItem training = anItem("Train the promoters", LocalDate.of(2026, 12, 15));
        topic.publish(plan.drafted(1, someTargets(), List.of(island, training)));
        topic.publish(plan.submitted(1, t0));
        topic.publish(plan.returned(1, t0.plusSeconds(3600), "Phase more into Q1"));
        topic.publish(plan.submitted(1, t0.plusSeconds(7200)));
        topic.publish(plan.progressed(training, ActionStatus.PLANNED, ActionStatus.DONE, t0.plusSeconds(9000)));
        topic.publish(plan.approved(1, t0.plusSeconds(10_800), someTargets(), List.of(island, training)));
        topic.publish(plan.drafted(2, someTargets(), List.of(island)));
        topic.publish(heatAssessed(account, 80, t0));
        EventEnvelope later = topic.publish(heatAssessed(account, 60, t0.plusSeconds(86_400)));
        topic.publish(later);
        topic.publish(heatAssessed(account, 70, t0.minusSeconds(86_400)));
        topic.publish(wallChanged(account, Department.MARKETING, WallLevel.MANAGER, 1, LocalDate.of(2026, 12, 1), t0));
        topic.publish(wallChanged(account, Department.PURCHASING, WallLevel.BUYER, 4, LocalDate.of(2026, 12, 28), t0));
        topic.publish(aSwotPoint(account, SwotKind.KEY_POINT, "Win the yoghurt chiller"));
        topic.publish(aSwotPoint(account, SwotKind.THREAT, "Competitor relaunch in March"));
        topic.publish(new ImportantDateAdded(account, UUID.randomUUID(), ImportantDateType.COOPERATION_ANNIVERSARY,
                LocalDate.of(2012, 4, 18), null, "First order", null));
    }

    /**
     * Three prospects of January 2016: one converted (referred by a prospect converted before it, referred in turn by
     * an existing customer), one dropped, one still developing. Returns the account of the last conversion.
     */
    private static UUID givenProspectsWithHistory(TopicWriter<ProspectEvent> prospects, TopicWriter<AccountEvent> topic, UUID customer) {
        Instant t0 = Instant.parse("2016-01-04T02:00:00Z");
        ProspectFixture referred = ProspectFixture.referredBy(customer, "Rebuild Referred", Region.EAST);
        prospects.publish(referred.identified(t0.minusSeconds(400 * 86_400L)));
        prospects.publish(referred.converted(ProspectStage.IDENTIFIED, t0.minusSeconds(390 * 86_400L)));
        topic.publish(referred.accountOpened());

        ProspectFixture won = ProspectFixture.referredBy(referred.accountId(), "Rebuild Won", Region.EAST);
        prospects.publish(won.identified(t0));
        prospects.publish(won.moved(ProspectStage.IDENTIFIED, ProspectStage.SCREENED, t0.plusSeconds(86_400)));
        var developing = prospects.publish(won.moved(ProspectStage.SCREENED, ProspectStage.DEVELOPING,
                t0.plusSeconds(3 * 86_400)));
        prospects.publish(developing);
        prospects.publish(won.converted(ProspectStage.DEVELOPING, t0.plusSeconds(9 * 86_400)));
        topic.publish(won.accountOpened());

        ProspectFixture lost = ProspectFixture.aProspect("Rebuild Lost", Region.SOUTH,
                io.kam.prospects.api.ProspectSource.DOOR_TO_DOOR);
        prospects.publish(lost.identified(t0.plusSeconds(3600)));
        prospects.publish(lost.dropped(ProspectStage.IDENTIFIED, t0.plusSeconds(5 * 86_400)));

        ProspectFixture open = ProspectFixture.aProspect("Rebuild Open", Region.SOUTH,
                io.kam.prospects.api.ProspectSource.PHONE);
        prospects.publish(open.identified(t0.plusSeconds(7200)));
        prospects.publish(open.moved(ProspectStage.IDENTIFIED, ProspectStage.DEVELOPING, t0.plusSeconds(2 * 86_400)));
        return won.accountId();
    }

    /**
     * The national account's visits in two regions (one moved by its preparation, one logged late after the sweep
     * marked it missed), two store checks, a listed SKU renamed, a complaint still open and one with a promise
     * overdue, one event delivered twice; the regional account's visit missed.
     */
    private static void givenVisitsWithHistory(TopicWriter<VisitEvent> visits, List<UUID> accounts) {
        VisitFixture national = new VisitFixture(accounts.get(0));
        VisitPlanned moved = national.scheduled(Region.SOUTH, LocalDate.of(2026, 11, 3));
        visits.publish(moved, VisitFixture.plannedAt(moved));
        visits.publish(VisitFixture.movedTo(moved, LocalDate.of(2026, 11, 5)), Instant.parse("2026-11-02T02:00:00Z"));
        EventEnvelope logged = visits.publish(VisitFixture.completed(moved, LocalDate.of(2026, 11, 5), false),
                Instant.parse("2026-11-05T04:00:00Z"));
        visits.publish(logged);
        VisitPlanned late = national.scheduled(Region.NORTHEAST, LocalDate.of(2026, 12, 1));
        visits.publish(late, VisitFixture.plannedAt(late));
        visits.publish(VisitFixture.missed(late), Instant.parse("2026-12-03T02:15:00Z"));
        visits.publish(VisitFixture.completed(late, true), Instant.parse("2026-12-04T02:00:00Z"));
        VisitPlanned open = national.scheduled(Region.SOUTH, LocalDate.of(2026, 12, 31));
        visits.publish(open, VisitFixture.plannedAt(open));
        SkuListed milk = national.listed("06901234567892", "UHT Milk 1 L", "13.50");
        visits.publish(milk, Instant.parse("2026-01-05T02:00:00Z"));
        visits.publish(national.renamed(milk, "Pure UHT Milk 1 L"), Instant.parse("2026-02-05T02:00:00Z"));
        visits.publish(national.check(Region.SOUTH, Instant.parse("2026-11-05T03:00:00Z"), "72.5",
                VisitFixture.onShelf("06901234567892", "15.90", "13.50"),
                VisitFixture.onShelf("06901234567908", "8.80", "8.80", true)), Instant.parse("2026-11-05T03:05:00Z"));
        visits.publish(national.check(Region.NORTHEAST, Instant.parse("2026-12-01T03:00:00Z"), "91.0",
                VisitFixture.onShelf("06901234567892", "13.50", "13.50"),
                VisitFixture.offShelf("06901234567908", "8.80")), Instant.parse("2026-12-01T03:05:00Z"));
        ComplaintOpened waiting = national.complaint(Region.SOUTH, ComplaintType.PRODUCT_QUALITY);
        visits.publish(waiting, Instant.parse("2026-12-10T02:00:00Z"));
        ComplaintOpened promised = national.complaint(Region.NORTHEAST, ComplaintType.DELIVERY);
        visits.publish(promised, Instant.parse("2026-11-10T02:00:00Z"));
        visits.publish(VisitFixture.promised(promised, LocalDate.of(2026, 12, 15)), Instant.parse("2026-11-11T02:00:00Z"));

        VisitFixture regional = new VisitFixture(accounts.get(1));
        VisitPlanned missed = regional.scheduled(Region.SOUTHEAST, LocalDate.of(2026, 12, 8));
        visits.publish(missed, VisitFixture.plannedAt(missed));
        visits.publish(VisitFixture.missed(missed), Instant.parse("2026-12-10T02:15:00Z"));
    }

    private static void givenAccountsWithHistory(TopicWriter<AccountEvent> topic, List<UUID> accounts) {
        Instant t0 = Instant.parse("2026-01-10T08:00:00Z");
        UUID national = accounts.get(0);
        topic.publish(aNationalHypermarketChain(national, "Rebuild Hyper"));
        StoreOpened closing = aStoreOpened(national, Region.SOUTH);
        topic.publish(closing);
        topic.publish(aStoreOpened(national, Region.SOUTH));
        topic.publish(aStoreOpened(national, Region.NORTHEAST));
        topic.publish(closed(closing));
        ContactAdded buyer = aContactAdded(national, Department.PURCHASING, ContactLevel.MANAGER);
        topic.publish(buyer);
        topic.publish(movedTo(buyer, Department.EXPANSION));
        topic.publish(classified(national, ValueTier.B, ValueTier.A, AccountRole.WHITE, t0));
        EventEnvelope stage = topic.publish(stageChanged(national, DevelopmentStage.TARGET_EVALUATION,
                DevelopmentStage.PRODUCT_USER, t0));
        topic.publish(stage);
        givenAPlanAndRelationshipHistory(topic, national, t0);

        UUID regional = accounts.get(1);
        topic.publish(aRegionalSupermarketChain(regional, "Rebuild Fresh", Region.SOUTHEAST));
        topic.publish(aContactAdded(regional, Department.FINANCE, ContactLevel.EXECUTIVE));
        topic.publish(classified(regional, ValueTier.C, ValueTier.B, AccountRole.BLACK, t0.plusSeconds(60)));

        UUID headless = accounts.get(2);
        topic.publish(aStoreOpened(headless, Region.CENTRE));
    }
}
