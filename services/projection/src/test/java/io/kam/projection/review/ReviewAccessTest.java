package io.kam.projection.review;

import static io.kam.projection.AccountFixture.aNationalHypermarketChain;
import static io.kam.projection.AccountFixture.aRegionalSupermarketChain;
import static io.kam.projection.AccountFixture.aStoreOpened;
import static io.kam.projection.AccountFixture.classified;
import static io.kam.projection.AccountFixture.stageChanged;
import static io.kam.projection.PlanFixture.target;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.kam.accounts.api.AccountEvents;
import io.kam.accounts.api.AccountEvents.AccountEvent;
import io.kam.accounts.api.AccountRole;
import io.kam.accounts.api.Department;
import io.kam.accounts.api.DevelopmentStage;
import io.kam.accounts.api.PlanKpi;
import io.kam.accounts.api.PlanEvents.ActionItem;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.SwotKind;
import io.kam.accounts.api.ValueTier;
import io.kam.accounts.api.WallLevel;
import io.kam.platform.testing.Api;
import io.kam.platform.testing.TestTokens;
import io.kam.platform.testing.TopicWriter;
import io.kam.projection.PlanFixture;
import io.kam.projection.ProjectionServiceTest;
import io.kam.projection.RelationshipFixture;
import io.kam.projection.ReviewsApi;

/** Who may read which review, and who may rebuild them: every refusal. */
@ProjectionServiceTest
class ReviewAccessTest {

    @Autowired
    RestTestClient http;
    @LocalServerPort
    int port;

    private UUID eastPresence;
    private UUID southOnly;
    private Api anonymous;

    @BeforeEach
    void anAccountWithAnEastStoreAndOneOnlyInTheSouth() {
        TopicWriter<AccountEvent> topic = TopicWriter.of(AccountEvents.CATALOG);
        ReviewsApi nora = new ReviewsApi(http);
        anonymous = new Api(port);
        eastPresence = UUID.randomUUID();
        southOnly = UUID.randomUUID();
        topic.publish(aNationalHypermarketChain(eastPresence, "Access Mart " + eastPresence));
        topic.publish(aStoreOpened(eastPresence, Region.EAST));
        topic.publish(aRegionalSupermarketChain(southOnly, "Pearl Access " + southOnly, Region.SOUTH));
        nora.awaitEventsApplied(eastPresence, 2);
        nora.awaitEventsApplied(southOnly, 1);
    }

    @Test
    void withoutATokenNothingButHealthAnswers() {
        assertThat(anonymous.get("/api/reviews").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/reviews/" + eastPresence).status()).isEqualTo(401);
        assertThat(anonymous.post("/api/reviews/rebuild", "").status()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void aCoordinatorReviewsOnlyTheAccountsPresentInTheirRegion() {
        Api eric = anonymous.as(TestTokens.eric());

        assertThat(eric.get("/api/reviews/" + eastPresence).status()).isEqualTo(200);
        assertThat(eric.get("/api/reviews/" + southOnly).status()).as("existence does not leak").isEqualTo(404);
        var listed = eric.get("/api/reviews?size=200").body().path("items").valueStream()
                .map(r -> r.path("accountId").asString()).toList();
        assertThat(listed).contains(eastPresence.toString()).doesNotContain(southOnly.toString());
        assertThat(eric.get("/api/reviews?region=SOUTH").status()).isEqualTo(403);
        assertThat(anonymous.as(TestTokens.sofia()).get("/api/reviews/" + southOnly).status()).isEqualTo(200);
    }

    @Test
    void aCoordinatorSeesTheNationalAndTheirOwnRegionsActionItemsOnly() {
        TopicWriter<AccountEvent> topic = TopicWriter.of(AccountEvents.CATALOG);
        PlanFixture plan = PlanFixture.aPlan(eastPresence, 2027);
        ActionItem east = PlanFixture.anItem("Train the East promoters", LocalDate.of(2027, 3, 31));
        ActionItem south = withRegion(PlanFixture.anItem("Second display in the South", LocalDate.of(2027, 4, 30)), Region.SOUTH);
        ActionItem national = withRegion(PlanFixture.anItem("Chinese New Year islands", LocalDate.of(2027, 1, 31)), null);
        topic.publish(plan.approved(1, Instant.parse("2026-12-01T02:00:00Z"), PlanFixture.someTargets(),
                List.of(east, south, national)));
        new ReviewsApi(http).awaitEventsApplied(eastPresence, 3);

        var seenByEric = anonymous.as(TestTokens.eric()).get("/api/reviews/" + eastPresence + "?year=2027").body();
        var seenByNora = anonymous.as(TestTokens.nora()).get("/api/reviews/" + eastPresence + "?year=2027").body();

        assertThat(seenByNora.at("/actions/total").asInt()).isEqualTo(3);
        assertThat(seenByEric.at("/actions/total").asInt()).isEqualTo(2);
        assertThat(seenByEric.at("/actions/items").valueStream().map(i -> i.path("what").asString()))
                .containsExactly("Chinese New Year islands", "Train the East promoters");
        assertThat(seenByEric.at("/actions/byStatus/PLANNED").asInt()).isEqualTo(2);
    }

    @Test
    void anIntegrationReadsTheReviewWithoutOurViewOfTheRetailer() {
        TopicWriter<AccountEvent> topic = TopicWriter.of(AccountEvents.CATALOG);
        topic.publish(RelationshipFixture.heatAssessed(eastPresence, 64, Instant.parse("2026-11-01T02:00:00Z")));
        topic.publish(RelationshipFixture.wallChanged(eastPresence, Department.MARKETING, WallLevel.DIRECTOR, 1,
                LocalDate.of(2026, 6, 3), Instant.parse("2026-11-01T02:00:00Z")));
        topic.publish(RelationshipFixture.aSwotPoint(eastPresence, SwotKind.WEAKNESS, "Two chiller doors"));
        new ReviewsApi(http).awaitEventsApplied(eastPresence, 5);

        var byNora = anonymous.as(TestTokens.nora()).get("/api/reviews/" + eastPresence).body();
        var byTheRetailersClient = anonymous.as(TestTokens.integrationFor(eastPresence)).get("/api/reviews/" + eastPresence);

        assertThat(byNora.at("/heat/score").asInt()).isEqualTo(64);
        assertThat(byTheRetailersClient.status()).isEqualTo(200);
        assertThat(byTheRetailersClient.body().path("stores").path("open").asLong()).isEqualTo(1);
        assertThat(byTheRetailersClient.body().path("heat").isNull()).isTrue();
        assertThat(byTheRetailersClient.body().path("swot").isNull()).isTrue();
        assertThat(byTheRetailersClient.body().at("/wall/cells").size()).isZero();
    }

    @Test
    void anIntegrationBoundToTheRetailerSeesNothingOfHowWeJudgeTheAccountOrWhatWeSpendOnIt() {
        TopicWriter<AccountEvent> topic = TopicWriter.of(AccountEvents.CATALOG);
        topic.publish(classified(eastPresence, ValueTier.B, ValueTier.A, AccountRole.BLACK,
                Instant.parse("2026-10-01T02:00:00Z")));
        topic.publish(stageChanged(eastPresence, DevelopmentStage.PRODUCT_USER, DevelopmentStage.PREFERRED_USER,
                Instant.parse("2026-10-02T02:00:00Z")));
        PlanFixture plan = PlanFixture.aPlan(eastPresence, 2027);
        var targets = List.of(target(PlanKpi.SELL_THROUGH_VALUE, 12_000_000, 10_500_000),
                target(PlanKpi.PROMOTION_SPEND, 900_000, 800_000), target(PlanKpi.TRADE_SPEND_RATE, 9, 10));
        topic.publish(plan.drafted(1, targets, List.of()));
        topic.publish(plan.submitted(1, Instant.parse("2026-11-01T02:00:00Z")));
        topic.publish(plan.returned(1, Instant.parse("2026-11-02T02:00:00Z"), "Their buyer will not see 9 % before Q2"));
        topic.publish(plan.drafted(2, targets, List.of()));
        topic.publish(plan.submitted(2, Instant.parse("2026-11-03T02:00:00Z")));
        topic.publish(plan.approved(2, Instant.parse("2026-11-04T02:00:00Z"), targets, List.of()));
        new ReviewsApi(http).awaitEventsApplied(eastPresence, 10);
        Api retailer = anonymous.as(TestTokens.integrationFor(eastPresence));

        var byNora = anonymous.as(TestTokens.nora()).get("/api/reviews/" + eastPresence + "?year=2027").body();
        var seen = retailer.get("/api/reviews/" + eastPresence + "?year=2027");

        assertThat(byNora.at("/classification/role").asString()).as("what the retailer must not see").isEqualTo("BLACK");
        assertThat(byNora.at("/timeline").size()).isEqualTo(6);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.body().at("/classification/tier").isNull()).isTrue();
        assertThat(seen.body().at("/classification/role").isNull()).isTrue();
        assertThat(seen.body().path("stage").isNull()).isTrue();
        assertThat(seen.body().at("/timeline").valueStream().map(e -> e.path("kind").asString()))
                .as("no classification or stage change, no returned or submitted version").containsExactly("PLAN_APPROVED");
        assertThat(seen.body().at("/timeline/0/planVersion").asInt()).isEqualTo(2);
        assertThat(seen.body().at("/timeline/0/by").isNull()).isTrue();
        assertThat(seen.body().toString()).doesNotContain("Volume up 30%", "Listed 42 SKUs", "9 % before Q2", "nate");
        assertThat(seen.body().at("/plan/targets").valueStream().map(t -> t.path("kpi").asString()))
                .as("the targets set with the retailer, not what we spend").containsExactly("SELL_THROUGH_VALUE");
        assertThat(seen.body().at("/plan/approvedBy").isNull()).isTrue();

        var listed = retailer.get("/api/reviews").body().at("/items/0");
        assertThat(listed.path("accountId").asString()).isEqualTo(eastPresence.toString());
        assertThat(listed.path("tier").isNull()).isTrue();
        assertThat(listed.path("role").isNull()).isTrue();
        var byTier = retailer.get("/api/reviews?tier=A");
        assertThat(byTier.status()).as("which list it is in would tell the tier").isEqualTo(403);
        assertThat(byTier.text("code")).isEqualTo("internal-filter");
    }

    private static ActionItem withRegion(ActionItem item, Region region) {
        return new ActionItem(item.itemId(), item.what(), item.owner(), item.due(), region, item.servesKpi(),
                item.servesSwotPoint());
    }

    @Test
    void onlyANationalKaManagerRebuilds() {
        assertThat(anonymous.as(TestTokens.eric()).post("/api/reviews/rebuild", "").status()).isEqualTo(403);
        assertThat(anonymous.as(TestTokens.integrationForAllAccounts()).post("/api/reviews/rebuild", "").status()).isEqualTo(403);
        assertThat(anonymous.as(TestTokens.integrationForAllAccounts()).get("/api/reviews/rebuild").status()).isEqualTo(403);
    }

    @Test
    void anIntegrationTiedToARetailerReviewsOnlyThatAccount() {
        Api tied = anonymous.as(TestTokens.integrationFor(southOnly));

        assertThat(tied.get("/api/reviews/" + southOnly).status()).isEqualTo(200);
        assertThat(tied.get("/api/reviews/" + eastPresence).status()).isEqualTo(404);
        assertThat(tied.get("/api/reviews?size=200").body().path("items").valueStream()
                .map(r -> r.path("accountId").asString()).toList()).containsExactly(southOnly.toString());
    }

    @Test
    void onlyAnIntegrationGrantedAllAccountsReadsEveryReview() {
        Api integration = anonymous.as(TestTokens.integrationForAllAccounts());

        assertThat(integration.get("/api/reviews/" + eastPresence).status()).isEqualTo(200);
        assertThat(integration.get("/api/reviews/" + southOnly).status()).isEqualTo(200);
    }

    @Test
    void anIntegrationBoundToNoRetailerReadsNoReviewAtAll() {
        Api unbound = anonymous.as(TestTokens.integration());

        for (String path : List.of("/api/reviews", "/api/reviews/" + southOnly, "/api/reviews/" + eastPresence,
                "/api/reviews/" + southOnly + "/sell-through")) {
            var refused = unbound.get(path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.text("code")).as(path).isEqualTo("retailer-required");
        }
    }
}
