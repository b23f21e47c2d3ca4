package io.kam.accounts;

import static io.kam.accounts.AccountFixture.aNationalHypermarketChain;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.RelationshipRequests.SwotPointDetails;
import io.kam.accounts.api.SwotKind;
import io.kam.platform.testing.Api;

/** The SWOT analysis (S.W.O.T 分析) of an account and the action key points (行动关键点) drawn from it. */
class SwotApiTest extends ServiceTest {

    @Test
    void keepsTheAnalysisByKindAndKeyPointsWithWhatTheyDrawOn() {
        UUID account = open(aNationalHypermarketChain());
        var strength = add(account, SwotKind.STRENGTH, "Promoters in every East hypermarket");
        var weakness = add(account, SwotKind.WEAKNESS, "Too little chiller space for yoghurt");
        add(account, SwotKind.THREAT, "Competitor relaunches its yoghurt range in spring");
        var keyPoint = api.post(points(account), new SwotPointDetails(SwotKind.KEY_POINT,
                "Win the yoghurt chiller in East hypermarkets", "Before the competitor's relaunch",
                List.of(id(weakness), id(strength))));

        var swot = api.get("/api/accounts/" + account + "/swot");

        assertThat(keyPoint.status()).isEqualTo(201);
        assertThat(keyPoint.headers().getLocation()).hasToString(points(account) + "/" + keyPoint.text("id"));
        assertThat(keyPoint.etag()).isEqualTo("\"0\"");
        assertThat(swot.status()).isEqualTo(200);
        assertThat(swot.text("accountId")).isEqualTo(account.toString());
        assertThat(texts(swot, "strengths")).containsExactly("Promoters in every East hypermarket");
        assertThat(texts(swot, "weaknesses")).containsExactly("Too little chiller space for yoghurt");
        assertThat(texts(swot, "opportunities")).isEmpty();
        assertThat(texts(swot, "threats")).containsExactly("Competitor relaunches its yoghurt range in spring");
        var key = swot.body().path("keyPoints").get(0);
        assertThat(key.path("text").asString()).isEqualTo("Win the yoghurt chiller in East hypermarkets");
        assertThat(key.path("basedOn").valueStream().map(v -> v.asString()))
                .containsExactly(weakness.text("id"), strength.text("id"));
        assertThat(key.path("version").asLong()).isZero();
        var events = awaitEvents(account, e -> e.size() >= 5);
        assertThat(types(events)).containsExactly("kam.account.opened", "kam.swot.point-added", "kam.swot.point-added",
                "kam.swot.point-added", "kam.swot.point-added");
        assertThat(events.getLast().data().path("basedOn").valueStream().map(v -> v.asString()))
                .containsExactly(weakness.text("id"), strength.text("id"));
    }

    @Test
    void changesAndRemovesPointsWithTheirVersion() {
        UUID account = open(aNationalHypermarketChain());
        var weakness = add(account, SwotKind.WEAKNESS, "Too little chiller space");
        String path = points(account) + "/" + weakness.text("id");
        var details = new SwotPointDetails(SwotKind.WEAKNESS, "Two chiller doors, the competitor has four",
                "Most hypermarkets", null);

        var withoutVersion = api.put(path, details, null);
        var changed = api.put(path, details, weakness.etag());
        var repeated = api.put(path, details, changed.etag());
        var stale = api.put(path, details, weakness.etag());
        var staleRemoval = api.delete(path, weakness.etag());
        var removalWithoutVersion = api.delete(path);
        var removed = api.delete(path, changed.etag());

        assertThat(withoutVersion.status()).isEqualTo(428);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.etag()).isEqualTo("\"1\"");
        assertThat(changed.text("note")).isEqualTo("Most hypermarkets");
        assertThat(repeated.etag()).as("repeating a change changes nothing").isEqualTo("\"1\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(staleRemoval.status()).isEqualTo(412);
        assertThat(removalWithoutVersion.status()).isEqualTo(428);
        assertThat(removed.status()).isEqualTo(204);
        assertThat(api.get(path).status()).isEqualTo(404);
        assertThat(api.get("/api/accounts/" + account + "/swot").body().path("weaknesses").size()).isZero();
        assertThat(types(awaitEvents(account, e -> e.size() >= 4))).as("one event per real change")
                .containsExactly("kam.account.opened", "kam.swot.point-added", "kam.swot.point-changed",
                        "kam.swot.point-removed");
    }

    @Test
    void aKeyPointDrawsOnlyOnTheAccountsOwnStrengthsWeaknessesOpportunitiesAndThreats() {
        UUID account = open(aNationalHypermarketChain());
        UUID other = open(aNationalHypermarketChain());
        var opportunity = add(account, SwotKind.OPPORTUNITY, "Store expansion into Anhui");
        var keyPoint = api.post(points(account), new SwotPointDetails(SwotKind.KEY_POINT, "Be listed in every new store",
                null, List.of(id(opportunity))));
        var foreign = add(other, SwotKind.STRENGTH, "A strength of another account");

        var elsewhere = api.post(points(account), new SwotPointDetails(SwotKind.KEY_POINT, "x", null,
                List.of(id(opportunity), id(foreign))));
        var onAKeyPoint = api.post(points(account), new SwotPointDetails(SwotKind.KEY_POINT, "x", null,
                List.of(id(keyPoint))));
        var unknown = api.post(points(account), new SwotPointDetails(SwotKind.KEY_POINT, "x", null,
                List.of(UUID.randomUUID())));
        var notAKeyPoint = api.post(points(account), new SwotPointDetails(SwotKind.THREAT, "x", null,
                List.of(id(opportunity))));
        var changedOntoForeign = api.put(points(account) + "/" + keyPoint.text("id"), new SwotPointDetails(
                SwotKind.KEY_POINT, "Be listed in every new store", null, List.of(id(foreign))), keyPoint.etag());

        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.fieldErrors()).singleElement().asString().startsWith("basedOn[1]: is not a SWOT point of this account");
        assertThat(onAKeyPoint.fieldErrors()).singleElement().asString().startsWith("basedOn[0]: is a key point");
        assertThat(unknown.fieldErrors()).singleElement().asString().startsWith("basedOn[0]: is not a SWOT point");
        assertThat(notAKeyPoint.fieldErrors()).containsExactly("basedOn: must be empty: only a KEY_POINT draws on other points");
        assertThat(changedOntoForeign.status()).isEqualTo(400);
        var swot = api.get("/api/accounts/" + account + "/swot").body();
        assertThat(swot.path("keyPoints").size()).as("nothing refused was saved").isEqualTo(1);
        assertThat(swot.path("keyPoints").get(0).path("basedOn").get(0).asString()).isEqualTo(opportunity.text("id"));
        assertThat(swot.path("keyPoints").get(0).path("version").asLong()).isZero();
        assertThat(swot.path("threats").size()).isZero();
        add(account, SwotKind.STRENGTH, "Afterwards");
        assertThat(types(awaitEvents(account, e -> e.size() >= 4))).containsExactly("kam.account.opened",
                "kam.swot.point-added", "kam.swot.point-added", "kam.swot.point-added");
    }

    @Test
    void aPointAKeyPointDrawsOnStaysUntilTheKeyPointLetsGo() {
        UUID account = open(aNationalHypermarketChain());
        var weakness = add(account, SwotKind.WEAKNESS, "Too little chiller space");
        var keyPoint = api.post(points(account), new SwotPointDetails(SwotKind.KEY_POINT, "Win the chiller", null,
                List.of(id(weakness))));
        String weaknessPath = points(account) + "/" + weakness.text("id");

        var removal = api.delete(weaknessPath, weakness.etag());
        var promotion = api.put(weaknessPath, new SwotPointDetails(SwotKind.KEY_POINT, "Too little chiller space",
                null, null), weakness.etag());
        var keyPointRemoved = api.delete(points(account) + "/" + keyPoint.text("id"), keyPoint.etag());
        var removedNow = api.delete(weaknessPath, weakness.etag());

        assertThat(removal.status()).isEqualTo(409);
        assertThat(removal.text("code")).isEqualTo("swot-point-in-use");
        assertThat(removal.text("detail")).contains(keyPoint.text("id"));
        assertThat(promotion.status()).isEqualTo(409);
        assertThat(keyPointRemoved.status()).isEqualTo(204);
        assertThat(removedNow.status()).as("the key point took its basis with it").isEqualTo(204);
        assertThat(types(awaitEvents(account, e -> e.size() >= 5))).containsExactly("kam.account.opened",
                "kam.swot.point-added", "kam.swot.point-added", "kam.swot.point-removed", "kam.swot.point-removed");
    }

    @Test
    void aKeyPointThatBecomesAnotherKindLetsItsBasisGo() {
        UUID account = open(aNationalHypermarketChain());
        var weakness = add(account, SwotKind.WEAKNESS, "Too little chiller space");
        var keyPoint = api.post(points(account), new SwotPointDetails(SwotKind.KEY_POINT, "Win the chiller", null,
                List.of(id(weakness))));
        String keyPath = points(account) + "/" + keyPoint.text("id");

        var keepingBasis = api.put(keyPath, new SwotPointDetails(SwotKind.OPPORTUNITY, "Chiller tender in March", null,
                List.of(id(weakness))), keyPoint.etag());
        var demoted = api.put(keyPath, new SwotPointDetails(SwotKind.OPPORTUNITY, "Chiller tender in March", null,
                List.of()), keyPoint.etag());

        assertThat(keepingBasis.status()).isEqualTo(400);
        assertThat(demoted.status()).isEqualTo(200);
        assertThat(demoted.text("kind")).isEqualTo("OPPORTUNITY");
        assertThat(api.delete(points(account) + "/" + weakness.text("id"), weakness.etag()).status()).isEqualTo(204);
        var swot = api.get("/api/accounts/" + account + "/swot").body();
        assertThat(swot.path("keyPoints").size()).isZero();
        assertThat(swot.path("opportunities").get(0).path("text").asString()).isEqualTo("Chiller tender in March");
    }

    @Test
    void refusesInvalidPointsFieldByField() {
        UUID account = open(aNationalHypermarketChain());
        Map<String, Object> tooLong = new HashMap<>();
        tooLong.put("kind", "STRENGTH");
        tooLong.put("text", "x".repeat(501));
        tooLong.put("note", "n".repeat(2001));

        var blank = api.post(points(account), Map.of("kind", "STRENGTH", "text", " "));
        var oversized = api.post(points(account), tooLong);
        var noKind = api.post(points(account), Map.of("text", "Strong brand"));
        var unknownKind = api.post(points(account), Map.of("kind", "HOPE", "text", "Strong brand"));

        assertThat(blank.fieldErrors()).containsExactly("text: must not be blank");
        assertThat(oversized.fieldErrors()).containsExactly("note: size must be between 0 and 2000",
                "text: size must be between 0 and 500");
        assertThat(noKind.fieldErrors()).containsExactly("kind: must not be null");
        assertThat(unknownKind.status()).isEqualTo(400);
        assertThat(unknownKind.fieldErrors()).singleElement().asString().startsWith("kind: must be one of");
        assertThat(api.get("/api/accounts/" + account + "/swot").body().path("strengths").size()).isZero();
    }

    @Test
    void aPointOfOneAccountIsNotFoundUnderAnother() {
        UUID owner = open(aNationalHypermarketChain());
        UUID other = open(aNationalHypermarketChain());
        var point = add(owner, SwotKind.STRENGTH, "Strong brand");
        String elsewhere = points(other) + "/" + point.text("id");

        assertThat(api.get(elsewhere).status()).isEqualTo(404);
        assertThat(api.put(elsewhere, new SwotPointDetails(SwotKind.STRENGTH, "x", null, null), point.etag()).status())
                .isEqualTo(404);
        assertThat(api.delete(elsewhere, point.etag()).status()).isEqualTo(404);
        assertThat(api.get(points(owner) + "/" + point.text("id")).text("text")).isEqualTo("Strong brand");
        assertThat(api.get("/api/accounts/" + UUID.randomUUID() + "/swot").status()).isEqualTo(404);
        assertThat(api.post(points(UUID.randomUUID()), new SwotPointDetails(SwotKind.STRENGTH, "x", null, null))
                .status()).isEqualTo(404);
    }

    private Api.Response add(UUID account, SwotKind kind, String text) {
        var response = api.post(points(account), new SwotPointDetails(kind, text, null, null));
        assertThat(response.status()).as("adding %s %s", kind, text).isEqualTo(201);
        return response;
    }

    private static List<String> texts(Api.Response swot, String list) {
        return swot.body().path(list).valueStream().map(p -> p.path("text").asString()).toList();
    }

    private static UUID id(Api.Response response) {
        return UUID.fromString(response.text("id"));
    }

    static String points(UUID account) {
        return "/api/accounts/" + account + "/swot/points";
    }
}
