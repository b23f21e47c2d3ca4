package io.kam.prospects;

import static io.kam.prospects.ProspectFixture.aProspect;
import static io.kam.prospects.ProspectFixture.criteria;
import static io.kam.prospects.ProspectFixture.goodRatings;
import static io.kam.prospects.ProspectFixture.poorRatings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


/** The pipeline through the API: finding, duplicates, referrals, screening, conversion, dropping, and bad input. */
class ProspectsApiTest extends ServiceTest {

    @BeforeEach
    void theEastHasItsCriteria() {
        assertThat(api.put("/api/prospects/criteria/EAST", criteria(70), null).status()).isEqualTo(200);
    }

    @Test
    void aProspectIsFoundScreenedDevelopedAndConverted() {
        var found = eric.post("/api/prospects", aProspect("EAST"));
        String path = found.headers().getLocation().getPath();
        UUID accountId = UUID.fromString(found.text("accountId"));

        var rated = eric.put(path + "/ratings", goodRatings(), found.etag());
        var screened = eric.put(path + "/stage", Map.of("stage", "SCREENED"), rated.etag());
        var developing = eric.put(path + "/stage", Map.of("stage", "DEVELOPING"), screened.etag());
        var planned = eric.put(path + "/next-action", Map.of("action", "Listing proposal to the fresh buyer", "due", "2026-12-03"),
                developing.etag());
        var converted = eric.post(path + "/conversion", null, planned.etag());

        assertThat(found.status()).isEqualTo(201);
        assertThat(found.text("stage")).isEqualTo("IDENTIFIED");
        assertThat(found.body().at("/details/owner").asString()).as("the finder owns it by default").isEqualTo("eric");
        assertThat(rated.body().at("/score/score").decimalValue()).isEqualByComparingTo("78");
        assertThat(rated.body().at("/score/targetClass").asString()).isEqualTo("PRIMARY");
        assertThat(rated.body().at("/score/breakdown/0/points").decimalValue()).isEqualByComparingTo("24");
        assertThat(planned.text("nextAction")).isEqualTo("Listing proposal to the fresh buyer");
        assertThat(converted.status()).isEqualTo(200);
        assertThat(converted.text("stage")).isEqualTo("CONVERTED");
        assertThat(converted.text("accountId")).isEqualTo(accountId.toString());
        var events = awaitEvents(accountId, e -> e.size() == 6);
        assertThat(types(events)).containsExactly("kam.prospect.identified", "kam.prospect.scored",
                "kam.prospect.stage-changed", "kam.prospect.stage-changed", "kam.prospect.next-action-set",
                "kam.prospect.converted");
        var conversion = events.getLast().data();
        assertThat(conversion.path("proposedTier").asString()).isEqualTo("B");
        assertThat(conversion.path("proposedRole").asString()).isEqualTo("RED");
        assertThat(conversion.path("overridden").asBoolean()).isFalse();
    }

    @Test
    void theSameCompanyInTheSameCityOrWithTheSameTaxIdIsADuplicateWithALinkToTheFirst() {
        Map<String, Object> first = new HashMap<>(aProspect("EAST"));
        first.put("taxId", ProspectFixture.aTaxId());
        var created = api.post("/api/prospects", first);
        Map<String, Object> sameNameAndCity = new HashMap<>(aProspect("EAST"));
        sameNameAndCity.put("companyName", "  " + ((String) first.get("companyName")).toUpperCase() + " ");
        Map<String, Object> sameTaxId = new HashMap<>(aProspect("EAST"));
        sameTaxId.put("taxId", first.get("taxId"));

        var byName = api.post("/api/prospects", sameNameAndCity);
        var byTaxId = api.post("/api/prospects", sameTaxId);

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        for (var duplicate : java.util.List.of(byName, byTaxId)) {
            assertThat(duplicate.status()).isEqualTo(409);
            assertThat(duplicate.text("code")).isEqualTo("duplicate-prospect");
            assertThat(duplicate.text("existing")).isEqualTo("/api/prospects/" + created.text("id"));
        }
    }

    @Test
    void aReferralNamesAKnownAccount() {
        UUID referrer = anExistingAccount(ProspectFixture.unique("Yangtze Hypermarket Group"));
        Map<String, Object> unknown = new HashMap<>(aProspect("EAST"));
        unknown.put("source", "REFERRAL");
        unknown.put("referringAccountId", UUID.randomUUID().toString());
        Map<String, Object> missing = new HashMap<>(aProspect("EAST"));
        missing.put("source", "REFERRAL");
        Map<String, Object> known = new HashMap<>(aProspect("EAST"));
        known.put("source", "REFERRAL");
        known.put("referringAccountId", referrer.toString());

        assertThat(api.post("/api/prospects", unknown).fieldErrors()).containsExactly("referringAccountId: is not a known account");
        assertThat(api.post("/api/prospects", missing).fieldErrors())
                .containsExactly("referringAccountId: is required for a REFERRAL: the account that referred it");
        var referred = api.post("/api/prospects", known);
        assertThat(referred.status()).isEqualTo(201);
        assertThat(referred.body().at("/details/referringAccountId").asString()).isEqualTo(referrer.toString());
    }

    @Test
    void unknownSourcesRegionsAndRatingsOffTheScaleAreFieldErrors() {
        Map<String, Object> badSource = new HashMap<>(aProspect("EAST"));
        badSource.put("source", "CARRIER_PIGEON");
        Map<String, Object> badRegion = new HashMap<>(aProspect("EAST"));
        badRegion.put("region", "ATLANTIS");
        var found = api.post("/api/prospects", aProspect("EAST"));
        String path = found.headers().getLocation().getPath();

        var source = api.post("/api/prospects", badSource);
        var region = api.post("/api/prospects", badRegion);
        var offScale = api.put(path + "/ratings", Map.of("ratings", Map.of("potential", 9, "size", 2)), found.etag());

        assertThat(source.status()).isEqualTo(400);
        assertThat(source.fieldErrors()).singleElement().asString().startsWith("source");
        assertThat(region.fieldErrors()).singleElement().asString().startsWith("region");
        assertThat(offScale.fieldErrors()).containsExactly("ratings.potential: must be between 0 and 5",
                "ratings.size: is not a screening criterion of EAST (version " + currentVersion() + ")");
        assertThat(api.get(path).body().path("ratings").size()).as("nothing half-rated").isZero();
    }

    @Test
    void belowTheQualifyingScoreOnlyANationalKaManagerConvertsAndOnlyWithAReason() {
        var found = eric.post("/api/prospects", aProspect("EAST"));
        String path = found.headers().getLocation().getPath();
        var rated = eric.put(path + "/ratings", poorRatings(), found.etag());
        var screened = eric.put(path + "/stage", Map.of("stage", "SCREENED"), rated.etag());

        var byEric = eric.post(path + "/conversion", Map.of("overrideReason", "footprint"), screened.etag());
        var withoutReason = api.post(path + "/conversion", Map.of(), screened.etag());
        var overridden = api.post(path + "/conversion", Map.of("overrideReason", "Gateway to the Ningbo port district"),
                screened.etag());

        assertThat(byEric.status()).isEqualTo(403);
        assertThat(withoutReason.status()).isEqualTo(422);
        assertThat(withoutReason.text("code")).isEqualTo("below-qualifying-score");
        assertThat(withoutReason.body().path("score").decimalValue()).isEqualByComparingTo("38");
        assertThat(overridden.status()).isEqualTo(200);
        assertThat(overridden.text("overrideReason")).isEqualTo("Gateway to the Ningbo port district");
    }

    @Test
    void aDroppedProspectNeedsAReasonFromTheListAndCannotBeConverted() {
        var found = eric.post("/api/prospects", aProspect("EAST"));
        String path = found.headers().getLocation().getPath();
        var rated = eric.put(path + "/ratings", goodRatings(), found.etag());

        var unknownReason = eric.post(path + "/drop", Map.of("reason", "BAD_VIBES", "note", "no"), rated.etag());
        var noNote = eric.post(path + "/drop", Map.of("reason", "LOYAL_TO_COMPETITOR"), rated.etag());
        var dropped = eric.post(path + "/drop", Map.of("reason", "LOYAL_TO_COMPETITOR",
                "note", "Signed a three-year exclusive with Bright Dairy"), rated.etag());
        var conversion = api.post(path + "/conversion", Map.of("overrideReason", "try anyway"), dropped.etag());

        assertThat(unknownReason.status()).isEqualTo(400);
        assertThat(noNote.fieldErrors()).containsExactly("note: must not be blank");
        assertThat(dropped.text("stage")).isEqualTo("DROPPED");
        assertThat(dropped.text("dropReason")).isEqualTo("LOYAL_TO_COMPETITOR");
        assertThat(conversion.status()).isEqualTo(409);
        assertThat(conversion.text("code")).isEqualTo("prospect-dropped");
    }

    @Test
    void becomingLoyalToTheCompetitorMakesAQualifyingProspectASecondaryTarget() {
        Map<String, Object> details = new HashMap<>(aProspect("EAST"));
        var found = eric.post("/api/prospects", details);
        String path = found.headers().getLocation().getPath();
        var rated = eric.put(path + "/ratings", goodRatings(), found.etag());
        details.put("competitorLoyalty", "HIGH");

        var revised = eric.put(path, details, rated.etag());

        assertThat(rated.body().at("/score/targetClass").asString()).isEqualTo("PRIMARY");
        assertThat(revised.body().at("/score/targetClass").asString()).isEqualTo("SECONDARY");
        assertThat(revised.body().at("/score/cause").asString()).isEqualTo("DETAILS_CHANGED");
        assertThat(api.get(path + "/scores").body().size()).isEqualTo(2);
    }

    @Test
    void aDroppedCompanyIsTakenUpAgainRatherThanEnteredTwice() {
        Map<String, Object> details = aProspect("EAST");
        var found = eric.post("/api/prospects", details);
        String path = found.headers().getLocation().getPath();
        var dropped = eric.post(path + "/drop", Map.of("reason", "NO_RESPONSE", "note", "silent since spring"), found.etag());

        var again = eric.post("/api/prospects", details);
        var reopened = eric.put(path + "/stage", Map.of("stage", "IDENTIFIED"), dropped.etag());

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("detail")).contains("take it up again with PUT " + path + "/stage");
        assertThat(reopened.status()).isEqualTo(200);
        assertThat(reopened.text("stage")).isEqualTo("IDENTIFIED");
        assertThat(reopened.body().path("dropReason").isNull()).isTrue();
    }

    @Test
    void screeningNeedsEveryCriterionRated() {
        var found = eric.post("/api/prospects", aProspect("EAST"));
        String path = found.headers().getLocation().getPath();
        var partly = eric.put(path + "/ratings", Map.of("ratings", Map.of("contribution", 5)), found.etag());

        var screening = eric.put(path + "/stage", Map.of("stage", "SCREENED"), partly.etag());
        var conversion = eric.post(path + "/conversion", null, partly.etag());

        assertThat(screening.status()).isEqualTo(422);
        assertThat(screening.text("code")).isEqualTo("not-screened");
        assertThat(conversion.status()).isEqualTo(422);
        assertThat(api.get(path).text("stage")).isEqualTo("IDENTIFIED");
    }

    @Test
    void commandsNeedTheCurrentVersion() {
        var found = eric.post("/api/prospects", aProspect("EAST"));
        String path = found.headers().getLocation().getPath();
        eric.put(path + "/ratings", goodRatings(), found.etag());

        assertThat(eric.put(path + "/ratings", goodRatings(), null).status()).isEqualTo(428);
        assertThat(eric.put(path + "/stage", Map.of("stage", "SCREENED"), found.etag()).status()).isEqualTo(412);
    }

    private int currentVersion() {
        return api.get("/api/prospects/criteria/EAST").body().path("version").asInt();
    }
}
