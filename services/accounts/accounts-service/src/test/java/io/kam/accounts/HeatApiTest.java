package io.kam.accounts;

import static io.kam.accounts.AccountFixture.aNationalHypermarketChain;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.HeatFactor;

/** Purchase heat (购买热度): how committed an account is, assessed on five factors, and where that is heading. */
class HeatApiTest extends ServiceTest {

    @Test
    void beforeTheFirstAssessmentThereIsNoHeat() {
        UUID account = open(aNationalHypermarketChain());

        var heat = api.get(heat(account));

        assertThat(heat.status()).isEqualTo(200);
        assertThat(heat.body().path("current").isNull()).isTrue();
        assertThat(heat.body().path("trend").isNull()).isTrue();
        assertThat(heat.body().path("focus").size()).isZero();
        assertThat(heat.body().path("history").size()).isZero();
    }

    @Test
    void keepsEveryAssessmentWithScoreTrendAndFocus() {
        UUID account = open(aNationalHypermarketChain());

        var first = api.post(heat(account), assessment(12, 13, 9, 15, 14));
        var second = api.post(heat(account), Map.of("factors", List.of(
                rating("BRAND_REGARD", 17, "Calls us the category captain for dairy"),
                rating("PRODUCT_USE", 16, "Lists 41 of our 60 SKUs"),
                rating("DEALINGS", 15, "Pays on time, orders weekly"),
                rating("EVENT_ATTENDANCE", 9, "Skipped the autumn trade fair"),
                rating("REPRESENTATIVE_VIEW", 14, "Trusts Nora"))));
        var heat = api.get(heat(account)).body();

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.headers().getLocation().toString()).startsWith(heat(account) + "/assessments/");
        assertThat(heat.path("current").path("score").asInt()).isEqualTo(71);
        assertThat(heat.path("current").path("assessedBy").asString()).isEqualTo("nora");
        assertThat(heat.path("current").path("factors").valueStream().map(f -> f.path("factor").asString()))
                .as("in factor order").containsExactly("PRODUCT_USE", "DEALINGS", "EVENT_ATTENDANCE", "BRAND_REGARD",
                        "REPRESENTATIVE_VIEW");
        assertThat(heat.path("current").path("factors").get(2).path("note").asString())
                .isEqualTo("Skipped the autumn trade fair");
        assertThat(heat.path("trend").asString()).as("71 against 63").isEqualTo("RISING");
        assertThat(heat.path("focus").valueStream().map(f -> f.asString())).containsExactly("EVENT_ATTENDANCE");
        assertThat(heat.path("history").valueStream().map(a -> a.path("score").asInt())).as("newest first")
                .containsExactly(71, 63);
        assertThat(api.get(second.headers().getLocation().toString()).body().path("score").asInt()).isEqualTo(71);
        var events = awaitEvents(account, e -> e.size() >= 3);
        assertThat(types(events)).containsExactly("kam.account.opened", "kam.account.heat-assessed",
                "kam.account.heat-assessed");
        assertThat(events.get(1).data().path("previousScore").isNull()).isTrue();
        assertThat(events.get(1).data().path("trend").asString()).isEqualTo("FIRST");
        assertThat(events.get(2).data().path("previousScore").asInt()).isEqualTo(63);
        assertThat(events.get(2).data().path("score").asInt()).isEqualTo(71);
        assertThat(events.get(2).data().path("trend").asString()).isEqualTo("RISING");
        assertThat(events.get(2).data().path("assessmentId").asString())
                .isEqualTo(heat.path("current").path("id").asString());
    }

    @Test
    void focusNamesEveryFactorTiedForLowest() {
        UUID account = open(aNationalHypermarketChain());

        var heat = api.post(heat(account), assessment(10, 4, 4, 18, 12)).body();

        assertThat(heat.path("focus").valueStream().map(f -> f.asString()))
                .containsExactly("DEALINGS", "EVENT_ATTENDANCE");
        assertThat(heat.path("trend").asString()).isEqualTo("FIRST");
    }

    @Test
    void everyFactorIsRatedExactlyOnceWithinItsRange() {
        UUID account = open(aNationalHypermarketChain());
        var missing = factors(12, 13, 9, 15, 14);
        missing.remove(4);
        var duplicate = factors(12, 13, 9, 15, 14);
        duplicate.set(4, rating("DEALINGS", 3, null));
        var tooHigh = factors(12, 21, 9, 15, 14);
        var negative = factors(12, 13, -1, 15, 14);
        var withoutRating = factors(12, 13, 9, 15, 14);
        withoutRating.set(0, Map.of("factor", "PRODUCT_USE"));
        var unknown = factors(12, 13, 9, 15, 14);
        unknown.set(0, Map.of("factor", "LOYALTY", "rating", 3));

        assertThat(api.post(heat(account), Map.of("factors", missing)).fieldErrors())
                .containsExactly("factors: must rate REPRESENTATIVE_VIEW");
        assertThat(api.post(heat(account), Map.of("factors", duplicate)).fieldErrors())
                .containsExactly("factors[4].factor: rates DEALINGS a second time", "factors: must rate REPRESENTATIVE_VIEW");
        assertThat(api.post(heat(account), Map.of("factors", tooHigh)).fieldErrors())
                .containsExactly("factors[1].rating: must be less than or equal to 20");
        assertThat(api.post(heat(account), Map.of("factors", negative)).fieldErrors())
                .containsExactly("factors[2].rating: must be greater than or equal to 0");
        assertThat(api.post(heat(account), Map.of("factors", withoutRating)).fieldErrors())
                .containsExactly("factors[0].rating: must not be null");
        assertThat(api.post(heat(account), Map.of("factors", unknown)).status()).isEqualTo(400);
        assertThat(api.post(heat(account), Map.of()).fieldErrors()).containsExactly("factors: must not be null");
        assertThat(api.get(heat(account)).body().path("history").size()).as("nothing refused was kept").isZero();
        api.post(heat(account), assessment(12, 13, 9, 15, 14));
        var events = awaitEvents(account, e -> e.size() >= 2);
        assertThat(types(events)).containsExactly("kam.account.opened", "kam.account.heat-assessed");
        assertThat(events.getLast().data().path("trend").asString()).as("the refusals are no history").isEqualTo("FIRST");
    }

    @Test
    void anAssessmentOfOneAccountIsNotFoundUnderAnother() {
        UUID owner = open(aNationalHypermarketChain());
        UUID other = open(aNationalHypermarketChain());
        var assessed = api.post(heat(owner), assessment(12, 13, 9, 15, 14));
        String id = assessed.body().path("current").path("id").asString();

        assertThat(api.get(heat(other) + "/assessments/" + id).status()).isEqualTo(404);
        assertThat(api.get(heat(owner) + "/assessments/" + id).status()).isEqualTo(200);
        assertThat(api.post(heat(UUID.randomUUID()), assessment(1, 1, 1, 1, 1)).status()).isEqualTo(404);
    }

    private static String heat(UUID account) {
        return "/api/accounts/" + account + "/heat";
    }

    static Map<String, Object> assessment(int... ratings) {
        return Map.of("factors", factors(ratings));
    }

    private static List<Map<String, Object>> factors(int... ratings) {
        List<Map<String, Object>> factors = new ArrayList<>();
        HeatFactor[] all = HeatFactor.values();
        for (int i = 0; i < all.length; i++) {
            factors.add(rating(all[i].name(), ratings[i], null));
        }
        return factors;
    }

    private static Map<String, Object> rating(String factor, int rating, String note) {
        Map<String, Object> r = new HashMap<>();
        r.put("factor", factor);
        r.put("rating", rating);
        r.put("note", note);
        return r;
    }
}
