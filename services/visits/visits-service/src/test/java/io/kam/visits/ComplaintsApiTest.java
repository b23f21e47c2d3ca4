package io.kam.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;

/** Complaints and objections (嫌货人才是买货人): opened, investigated, resolved or closed; overdue promises show. */
class ComplaintsApiTest extends ServiceTest {

    @Test
    void aQualityComplaintIsInvestigatedAndResolvedWithAPromisedDate_whichShowsOverdueOnceItPassesUnkept() {
        Planned planned = aStoreVisitToday(Region.EAST, eric);
        var opened = eric.post("/api/visits/complaints", Map.of("accountId", planned.account().toString(),
                "storeId", planned.store().toString(), "type", "PRODUCT_QUALITY",
                "description", "Three 1 L packs leaked on the shelf", "visitId", planned.visit()));
        String complaint = "/api/visits/complaints/" + opened.text("id");

        var investigating = eric.post(complaint + "/investigation", Map.of("note", "Batch 300214 checked with the plant"),
                opened.etag());
        var resolved = eric.post(complaint + "/resolution", Map.of("resolution", "PROMISED_DATE",
                "description", "Replacement packs with the next delivery", "promisedDate", TODAY.plusDays(3).toString()),
                investigating.etag());

        assertThat(opened.status()).isEqualTo(201);
        assertThat(opened.body().path("region").asString()).as("the store's region").isEqualTo("EAST");
        assertThat(opened.body().path("status").asString()).isEqualTo("OPEN");
        assertThat(investigating.body().path("status").asString()).isEqualTo("INVESTIGATING");
        assertThat(resolved.body().path("status").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.body().path("overdue").asBoolean()).isFalse();

        clock.advance(Duration.ofDays(4));

        assertThat(eric.get(complaint).body().path("overdue").asBoolean()).isTrue();
        assertThat(items(nora.get("/api/visits/complaints?overdue=true&accountId=" + planned.account()))).hasSize(1);
        var kept = eric.post(complaint + "/promise-kept", Map.of(), resolved.etag());
        assertThat(kept.body().path("overdue").asBoolean()).isFalse();
        assertThat(kept.body().path("promiseKeptOn").asString()).isEqualTo(TODAY.plusDays(4).toString());
        assertThat(items(nora.get("/api/visits/complaints?overdue=true&accountId=" + planned.account()))).isEmpty();
        var events = awaitEvents(planned.account(), e -> e.stream().anyMatch(v -> v.type().equals("kam.complaint.promise-kept")));
        assertThat(types(events)).containsSubsequence("kam.complaint.opened", "kam.complaint.investigation-started",
                "kam.complaint.resolved", "kam.complaint.promise-kept");
        assertThat(events.getLast().data().path("late").asBoolean()).isTrue();
    }

    @Test
    void aComplaintIsResolvedOnlyOnceInvestigated_andClosedOnlyWhileOpenOrInvestigating() {
        Planned planned = aStoreVisitToday(Region.SOUTH, sofia);
        var opened = sofia.post("/api/visits/complaints", Map.of("accountId", planned.account().toString(),
                "type", "PRICE_TOO_HIGH", "description", "The buyer finds our 1 L UHT price too high"));
        String complaint = "/api/visits/complaints/" + opened.text("id");

        var tooEarly = sofia.post(complaint + "/resolution", Map.of("resolution", "EXPLANATION",
                "description", "Shown the cost build-up"), opened.etag());
        var closed = sofia.post(complaint + "/closure", Map.of("reason", "Withdrawn after the price list explanation"),
                opened.etag());
        var closedAgain = sofia.post(complaint + "/closure", Map.of("reason", "again"), closed.etag());

        assertThat(opened.body().path("region").asString()).as("the coordinator's own region").isEqualTo("SOUTH");
        assertThat(opened.body().path("storeId").isNull()).isTrue();
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.text("code")).isEqualTo("complaint-open");
        assertThat(closed.body().path("status").asString()).isEqualTo("CLOSED");
        assertThat(closedAgain.status()).isEqualTo(409);
        assertThat(sofia.post(complaint + "/promise-kept", Map.of(), closed.etag()).text("code")).isEqualTo("no-promise");
    }

    @Test
    void badComplaintsAreRefusedWithTheirFields() {
        Planned planned = aStoreVisitToday(Region.EAST, eric);
        UUID southStore = stores.openStore(planned.account(), Region.SOUTH, RetailFormat.SUPERMARKET);
        String account = planned.account().toString();

        var unknownType = eric.post("/api/visits/complaints", Map.of("accountId", account, "type", "RUDE_BUYER",
                "description", "x"));
        var otherRegionsStore = eric.post("/api/visits/complaints", Map.of("accountId", account,
                "storeId", southStore.toString(), "type", "DELIVERY", "description", "late"));
        var wrongRegion = nora.post("/api/visits/complaints", Map.of("accountId", account,
                "storeId", southStore.toString(), "region", "EAST", "type", "DELIVERY", "description", "late"));
        var noRegion = nora.post("/api/visits/complaints", Map.of("accountId", account, "type", "SERVICE",
                "description", "slow answers"));
        var unknownAccount = eric.post("/api/visits/complaints", Map.of("accountId", UUID.randomUUID().toString(),
                "type", "SERVICE", "description", "x"));
        var asksForSouth = eric.post("/api/visits/complaints", Map.of("accountId", account, "region", "SOUTH",
                "type", "SERVICE", "description", "x"));

        assertThat(unknownType.fieldErrors()).singleElement().asString().startsWith("type: must be one of");
        assertThat(otherRegionsStore.fieldErrors()).containsExactly("storeId: is not a store of this account you may see");
        assertThat(wrongRegion.fieldErrors()).containsExactly("region: must be the store's region, SOUTH");
        assertThat(noRegion.fieldErrors()).singleElement().asString().startsWith("region: is required");
        assertThat(unknownAccount.fieldErrors()).containsExactly("accountId: is not a known account");
        assertThat(asksForSouth.status()).isEqualTo(403);
        assertThat(items(nora.get("/api/visits/complaints?accountId=" + account))).as("nothing written").isEmpty();
    }

    @Test
    void aPromisedDateIsTodayOrLater_andOnlyAPromiseHasOne() {
        Planned planned = aStoreVisitToday(Region.EAST, eric);
        var opened = eric.post("/api/visits/complaints", Map.of("accountId", planned.account().toString(),
                "storeId", planned.store().toString(), "type", "DELIVERY", "description", "Two late deliveries"));
        String complaint = "/api/visits/complaints/" + opened.text("id");
        var investigating = eric.post(complaint + "/investigation", Map.of("note", "The depot lost a truck"), opened.etag());

        assertThat(eric.post(complaint + "/resolution", Map.of("resolution", "PROMISED_DATE", "description", "x",
                "promisedDate", TODAY.minusDays(1).toString()), investigating.etag()).fieldErrors())
                .containsExactly("promisedDate: must be today (" + TODAY + ") or later");
        assertThat(eric.post(complaint + "/resolution", Map.of("resolution", "PROMISED_DATE", "description", "x"),
                investigating.etag()).fieldErrors()).containsExactly("promisedDate: is required for a PROMISED_DATE resolution");
        assertThat(eric.post(complaint + "/resolution", Map.of("resolution", "REMEDY", "description", "x",
                "promisedDate", TODAY.toString()), investigating.etag()).fieldErrors())
                .containsExactly("promisedDate: belongs only to a PROMISED_DATE resolution");
        var remedy = eric.post(complaint + "/resolution", Map.of("resolution", "REMEDY",
                "description", "A second truck on Tuesdays"), investigating.etag());
        assertThat(remedy.body().path("resolution").asString()).isEqualTo("REMEDY");
        assertThat(remedy.body().path("overdue").asBoolean()).isFalse();
    }
}
