package io.kam.accounts;

import static io.kam.accounts.AccountFixture.aNationalHypermarketChain;
import static io.kam.accounts.PlanFixture.aPlanFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.RelationshipRequests.SwotPointDetails;
import io.kam.accounts.api.RelationshipRequests.WallCellDetails;
import io.kam.accounts.api.SwotKind;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.testing.TestTokens;

/**
 * Where the plan meets the relationship records: action items carry out the SWOT's action key points, and the
 * relationship wall is watched where the approved plan depends on it.
 */
class PlanAndRelationshipTest extends ServiceTest {

    private static final LocalDate TODAY = LocalDate.now(MarketCalendar.ZONE);

    @Test
    void aKeyPointShowsTheActionItemsThatCarryItOutAndCannotBeRemovedWhileTheyDo() {
        UUID account = open(aNationalHypermarketChain());
        String base = "/api/accounts/" + account;
        var weakness = api.post(base + "/swot/points",
                new SwotPointDetails(SwotKind.WEAKNESS, "Two chiller doors against the competitor's four", null, null));
        var keyPoint = api.post(base + "/swot/points", new SwotPointDetails(SwotKind.KEY_POINT,
                "Win chiller space for yoghurt before spring", null, List.of(UUID.fromString(weakness.text("id")))));
        Map<String, Object> plan = new HashMap<>(aPlanFor(2027));
        Map<String, Object> item = new HashMap<>(PlanFixture.anItem(null));
        item.remove("servesKpi");
        item.put("servesSwotPoint", keyPoint.text("id"));
        item.put("what", "Negotiate two more chiller doors in the 20 biggest hypermarkets");
        plan.put("actionItems", List.of(item));
        var created = api.post(base + "/plans", plan);
        String itemId = created.body().at("/actionItems/0/itemId").asString();
        api.post(base + "/plans/2027/actions/" + itemId + "/progress", Map.of("status", "IN_PROGRESS"));

        var shown = api.get(base + "/swot").body().at("/keyPoints/0/actionItems");
        var removal = api.delete(base + "/swot/points/" + keyPoint.text("id"), keyPoint.etag());

        assertThat(created.status()).isEqualTo(201);
        assertThat(shown.size()).isEqualTo(1);
        assertThat(shown.at("/0/what").asString()).isEqualTo("Negotiate two more chiller doors in the 20 biggest hypermarkets");
        assertThat(shown.at("/0/year").asInt()).isEqualTo(2027);
        assertThat(shown.at("/0/status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(removal.status()).isEqualTo(409);
        assertThat(removal.text("code")).isEqualTo("swot-point-in-plan");
        assertThat(api.get(base + "/swot").body().path("keyPoints").size()).isEqualTo(1);
    }

    @Test
    void anItemCannotServeAnotherAccountsSwotPoint() {
        UUID account = open(aNationalHypermarketChain());
        UUID other = open(aNationalHypermarketChain());
        var elsewhere = api.post("/api/accounts/" + other + "/swot/points",
                new SwotPointDetails(SwotKind.STRENGTH, "Strong brand", null, null));
        Map<String, Object> plan = new HashMap<>(aPlanFor(2027));
        Map<String, Object> item = new HashMap<>(PlanFixture.anItem(null));
        item.put("servesSwotPoint", elsewhere.text("id"));
        plan.put("actionItems", List.of(item));

        var refused = api.post("/api/accounts/" + account + "/plans", plan);

        assertThat(refused.fieldErrors())
                .containsExactly("actionItems[0].servesSwotPoint: is not a point of this account's SWOT analysis");
        assertThat(api.get("/api/accounts/" + account + "/plans").body().size()).isZero();
    }

    @Test
    void theWallIsWatchedWhereTheApprovedPlanDependsOnIt() {
        UUID account = open(aNationalHypermarketChain());
        String base = "/api/accounts/" + account;
        api.put(base + "/wall/PURCHASING/BUYER", new WallCellDetails(4, TODAY.minusDays(10), "weekly calls"), "*");
        api.put(base + "/wall/PURCHASING/DIRECTOR", new WallCellDetails(1, TODAY.minusDays(200), null), "*");
        api.put(base + "/wall/MARKETING/DIRECTOR", new WallCellDetails(1, TODAY.minusDays(120), "new director"), "*");
        api.put(base + "/wall/FINANCE/BUYER", new WallCellDetails(0, null, null), "*");

        var beforeApproval = api.get(base + "/wall").body().path("weakWall");
        int year = TODAY.getYear();
        var draft = api.post(base + "/plans", aPlanFor(year));
        var submitted = api.post(base + "/plans/" + year + "/versions/1/submit", null, draft.etag());
        anonymous.as(TestTokens.nate()).post(base + "/plans/" + year + "/versions/1/approve", null, submitted.etag());
        var afterApproval = api.get(base + "/wall").body().path("weakWall");

        assertThat(beforeApproval.path("planYear").isNull()).isTrue();
        assertThat(beforeApproval.path("findings").size()).as("nothing at stake without an approved plan").isZero();
        assertThat(afterApproval.path("planYear").asInt()).isEqualTo(year);
        assertThat(afterApproval.path("maxDaysWithoutContact").asInt()).isEqualTo(90);
        assertThat(afterApproval.path("findings").valueStream()
                .map(f -> f.path("department").asString() + " " + f.path("reason").asString()).toList())
                .as("purchasing is strong at buyer level and recent; marketing is weak and silent; finance is not watched")
                .containsExactly("MARKETING WEAK_TIES", "MARKETING NO_RECENT_CONTACT");
        assertThat(afterApproval.at("/findings/1/daysSinceContact").asLong()).isEqualTo(120);
    }
}
