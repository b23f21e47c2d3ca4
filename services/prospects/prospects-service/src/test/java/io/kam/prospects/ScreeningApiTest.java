package io.kam.prospects;

import static io.kam.prospects.ProspectFixture.aProspect;
import static io.kam.prospects.ProspectFixture.criteria;
import static io.kam.prospects.ProspectFixture.criterion;
import static io.kam.prospects.ProspectFixture.goodRatings;
import static io.kam.prospects.ProspectFixture.poorRatings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.Region;
import io.kam.prospects.api.Territories;

/**
 * Screening per territory: criteria and their versions, rescoring with history, the ranked list and the target
 * matrix. Each test works in a region of its own, because criteria are per region and test classes share a database.
 */
class ScreeningApiTest extends ServiceTest {

    @Test
    void weightsThatDoNotSumTo100AreRejectedAndNothingIsDefined() {
        var response = api.put("/api/prospects/criteria/NORTH", Map.of("qualifyingScore", 70, "criteria", List.of(
                criterion("contribution", "Business contribution", 60), criterion("potential", "Growth potential", 30))), null);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.text("code")).isEqualTo("weights-not-100");
        assertThat(response.body().path("weightTotal").decimalValue()).isEqualByComparingTo("90");
        assertThat(api.get("/api/prospects/criteria/NORTH").status()).isEqualTo(404);
    }

    @Test
    void changingTheCriteriaScoresOpenProspectsAgainAndKeepsTheirEarlierScores() {
        api.put("/api/prospects/criteria/NORTHEAST", criteria(70), null);
        var found = api.post("/api/prospects", aProspect("NORTHEAST"));
        String path = found.headers().getLocation().getPath();
        api.put(path + "/ratings", goodRatings(), found.etag());

        var redefined = api.put("/api/prospects/criteria/NORTHEAST", Map.of("qualifyingScore", 80, "criteria", List.of(
                criterion("contribution", "Business contribution", 50), criterion("potential", "Growth potential", 50))), null);
        var history = api.get(path + "/scores").body();
        var criteriaHistory = api.get("/api/prospects/criteria/NORTHEAST/history").body();

        assertThat(redefined.status()).isEqualTo(200);
        assertThat(redefined.headers().getFirst("Kam-Rescored")).isEqualTo("1");
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.at("/0/cause").asString()).isEqualTo("CRITERIA_CHANGED");
        assertThat(history.at("/0/score").decimalValue()).as("40 + 50").isEqualByComparingTo("90");
        assertThat(history.at("/0/criteriaVersion").asInt()).isEqualTo(history.at("/1/criteriaVersion").asInt() + 1);
        assertThat(history.at("/1/score").decimalValue()).isEqualByComparingTo("78");
        assertThat(history.at("/1/breakdown").size()).isEqualTo(5);
        assertThat(criteriaHistory.size()).isGreaterThanOrEqualTo(2);
        var territory = awaitEvents(Territories.id(Region.NORTHEAST), e -> e.size() >= 2);
        assertThat(types(territory)).containsOnly("kam.screening.criteria-defined");
    }

    @Test
    void theRankedListPutsPrimaryTargetsFirstThenSecondaryThenTheRest() {
        api.put("/api/prospects/criteria/WEST", criteria(70), null);
        String weak = prospect("WEST", "LOW", poorRatings());
        String loyal = prospect("WEST", "HIGH", goodRatings());
        String primary = prospect("WEST", "LOW", goodRatings());
        String unscored = prospect("WEST", "LOW", null);

        var ranked = api.get("/api/prospects/ranked?region=WEST").body();
        var order = ranked.valueStream().map(r -> r.path("id").asString())
                .filter(List.of(weak, loyal, primary, unscored)::contains).toList();

        assertThat(order).containsExactly(primary, loyal, weak, unscored);
        var loyalLine = ranked.valueStream().filter(r -> r.path("id").asString().equals(loyal)).findFirst().orElseThrow();
        assertThat(loyalLine.path("targetClass").asString()).isEqualTo("SECONDARY");
        assertThat(api.get("/api/prospects/ranked").status()).as("a manager names the territory").isEqualTo(400);
    }

    @Test
    void theTargetMatrixCrossesTheQualifyingScoreWithCompetitorLoyalty() {
        api.put("/api/prospects/criteria/CENTRE", criteria(70), null);
        String loyal = prospect("CENTRE", "HIGH", goodRatings());
        String primary = prospect("CENTRE", "LOW", goodRatings());
        String weak = prospect("CENTRE", "HIGH", poorRatings());

        var matrix = api.get("/api/prospects/matrix?region=CENTRE").body();

        assertThat(matrix.path("cells").size()).isEqualTo(6);
        assertThat(cell(matrix, true, "HIGH").path("targetClass").asString()).isEqualTo("SECONDARY");
        assertThat(cell(matrix, true, "HIGH").path("prospects").toString()).contains(loyal);
        assertThat(cell(matrix, true, "LOW").path("targetClass").asString()).isEqualTo("PRIMARY");
        assertThat(cell(matrix, true, "LOW").path("prospects").toString()).contains(primary);
        assertThat(cell(matrix, false, "HIGH").path("targetClass").asString()).isEqualTo("NOT_A_TARGET");
        assertThat(cell(matrix, false, "HIGH").path("prospects").toString()).contains(weak);
    }

    private String prospect(String region, String loyalty, Map<String, Object> ratings) {
        Map<String, Object> request = new HashMap<>(aProspect(region));
        request.put("competitorLoyalty", loyalty);
        var found = api.post("/api/prospects", request);
        if (ratings != null) {
            assertThat(api.put(found.headers().getLocation().getPath() + "/ratings", ratings, found.etag()).status())
                    .isEqualTo(200);
        }
        return found.text("id");
    }

    private static tools.jackson.databind.JsonNode cell(tools.jackson.databind.JsonNode matrix, boolean qualifies,
                                                       String loyalty) {
        return matrix.path("cells").valueStream()
                .filter(c -> c.path("qualifies").asBoolean() == qualifies && c.path("competitorLoyalty").asString().equals(loyalty))
                .findFirst().orElseThrow();
    }
}
