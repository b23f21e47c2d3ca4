package io.kam.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import io.kam.platform.testing.Api;
import tools.jackson.databind.JsonNode;

/**
 * Trips (出差): a coordinator's visits on one trip, agreed by a national KA manager before it starts, summarised every
 * day while travelling, assessed afterwards; every trip event published once per account visited.
 */
class TripsApiTest extends ServiceTest {

    @Test
    void aTripIsAgreedBeforehand_summarisedDaily_andReportedAfterwards() {
        UUID pudong = stores.anAccount(null);
        UUID lotus = stores.anAccount(null);
        String a1 = adHoc(eric, pudong, Region.EAST, TODAY.plusDays(1));
        String a2 = adHoc(eric, pudong, Region.EAST, TODAY.plusDays(2));
        String b1 = adHoc(eric, lotus, Region.EAST, TODAY.plusDays(2));

        var proposed = eric.post("/api/visits/trips", trip("Hangzhou and Ningbo", TODAY.plusDays(1), TODAY.plusDays(2),
                a1, a2, b1));
        String trip = "/api/visits/trips/" + proposed.text("id");
        assertThat(proposed.status()).isEqualTo(201);
        assertThat(proposed.body().path("status").asString()).isEqualTo("PROPOSED");
        assertThat(proposed.body().path("coordinator").asString()).isEqualTo("eric");
        assertThat(proposed.body().path("visits")).hasSize(3);
        assertThat(visit(a1).path("tripId").asString()).isEqualTo(proposed.text("id"));
        assertThat(eric.post(trip + "/agreement", null, proposed.etag()).status()).as("a coordinator does not agree").isEqualTo(403);

        var agreed = nora.post(trip + "/agreement", null, proposed.etag());
        assertThat(agreed.body().path("status").asString()).isEqualTo("AGREED");
        assertThat(agreed.body().path("decidedBy").asString()).isEqualTo("nora");

        clock.advance(Duration.ofDays(1));
        var dayOne = eric.post(trip + "/daily-summaries", Map.of("date", TODAY.plusDays(1).toString(),
                "summary", "Pudong visited; the end cap is kept"));
        assertThat(dayOne.status()).isEqualTo(200);
        assertThat(eric.post(trip + "/daily-summaries", Map.of("date", TODAY.plusDays(1).toString(), "summary", "again"))
                .status()).as("one summary a day").isEqualTo(409);
        assertThat(eric.post(trip + "/daily-summaries", Map.of("date", TODAY.plusDays(2).toString(), "summary", "ahead"))
                .fieldErrors()).containsExactly("date: must not be after today (" + TODAY.plusDays(1) + ")");
        assertThat(eric.post(trip + "/daily-summaries", Map.of("date", TODAY.toString(), "summary", "before"))
                .fieldErrors()).singleElement().asString().startsWith("date: must lie within the trip");
        assertThat(nora.post(trip + "/daily-summaries", Map.of("date", TODAY.plusDays(1).toString(), "summary", "x"))
                .text("code")).isEqualTo("not-your-trip");
        var report = Map.of("goals", "Keep every end cap through March: reached in 2 of 3 stores",
                "findings", List.of(Map.of("visitId", b1, "problem", "Yoghurt out of stock", "solution", "Order twice a week"),
                        Map.of("problem", "Bright Dairy's bundle takes our shoppers", "solution", "Propose a spring bundle")));
        assertThat(eric.post(trip + "/report", report, agreed.etag()).text("code")).isEqualTo("trip-not-over");

        clock.advance(Duration.ofDays(1));
        var outsider = Map.of("goals", "x", "findings", List.of(Map.of("visitId", UUID.randomUUID().toString(),
                "problem", "p", "solution", "s")));
        assertThat(eric.post(trip + "/report", outsider, agreed.etag()).fieldErrors())
                .containsExactly("findings[0].visitId: is not a visit of this trip");
        var reported = eric.post(trip + "/report", report, agreed.etag());

        assertThat(reported.status()).isEqualTo(200);
        assertThat(reported.body().path("status").asString()).isEqualTo("REPORTED");
        assertThat(reported.body().at("/report/findings")).hasSize(2);
        assertThat(reported.body().at("/summaries/0/summary").asString()).isEqualTo("Pudong visited; the end cap is kept");
        var pudongEvents = awaitEvents(pudong, e -> e.stream().anyMatch(v -> v.type().equals("kam.trip.reported")));
        var lotusEvents = awaitEvents(lotus, e -> e.stream().anyMatch(v -> v.type().equals("kam.trip.reported")));
        assertThat(types(pudongEvents)).containsSubsequence("kam.trip.proposed", "kam.trip.agreed",
                "kam.trip.summary-added", "kam.trip.reported");
        JsonNode pudongReport = pudongEvents.getLast().data();
        JsonNode lotusReport = lotusEvents.getLast().data();
        assertThat(pudongReport.path("visitIds").valueStream().map(JsonNode::asString).toList()).containsExactly(a1, a2);
        assertThat(pudongReport.path("findings")).as("only the market-wide finding").hasSize(1);
        assertThat(lotusReport.path("findings")).as("its own visit's and the market-wide one").hasSize(2);
        JsonNode summary = pudongEvents.stream().filter(e -> e.type().equals("kam.trip.summary-added")).findFirst()
                .orElseThrow().data();
        assertThat(summary.path("visitIds").valueStream().map(JsonNode::asString).toList()).containsExactly(a1);
    }

    @Test
    void aVisitIsOnOneTripAtATime_andAReturnedTripSetsItsVisitsFree() {
        UUID account = stores.anAccount(null);
        String visit = adHoc(eric, account, Region.EAST, TODAY.plusDays(3));
        var first = eric.post("/api/visits/trips", trip("Suzhou", TODAY.plusDays(3), TODAY.plusDays(3), visit));

        var second = eric.post("/api/visits/trips", trip("Suzhou again", TODAY.plusDays(3), TODAY.plusDays(4), visit));
        var returned = nora.post("/api/visits/trips/" + first.text("id") + "/return",
                Map.of("comment", "Add the two stores that missed February"), first.etag());
        var third = eric.post("/api/visits/trips", trip("Suzhou, all four stores", TODAY.plusDays(3), TODAY.plusDays(4), visit));

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.text("code")).isEqualTo("visit-on-another-trip");
        assertThat(returned.body().path("status").asString()).isEqualTo("RETURNED");
        assertThat(returned.body().path("returnComment").asString()).isEqualTo("Add the two stores that missed February");
        assertThat(third.status()).isEqualTo(201);
        assertThat(nora.post("/api/visits/trips/" + first.text("id") + "/agreement", null, returned.etag()).status())
                .as("a returned trip is final").isEqualTo(409);
    }

    @Test
    void theTravellerDoesNotAgreeTheirOwnTrip_andATripIsAgreedBeforeItStarts() {
        UUID account = stores.anAccount(null);
        String visit = adHoc(nora, account, Region.EAST, TODAY.plusDays(1));
        var proposed = nora.post("/api/visits/trips", trip("Nanjing", TODAY.plusDays(1), TODAY.plusDays(1), visit,
                Region.EAST));

        assertThat(nora.post("/api/visits/trips/" + proposed.text("id") + "/agreement", null, proposed.etag()).text("code"))
                .isEqualTo("own-trip");
        clock.advance(Duration.ofDays(2));
        assertThat(nate.post("/api/visits/trips/" + proposed.text("id") + "/agreement", null, proposed.etag()).text("code"))
                .isEqualTo("trip-already-started");
    }

    @Test
    void aTripTakesOnlyTheRegionsPlannedVisitsWithinItsDays() {
        UUID account = stores.anAccount(null);
        String east = adHoc(eric, account, Region.EAST, TODAY.plusDays(1));
        String later = adHoc(eric, account, Region.EAST, TODAY.plusDays(9));
        String south = adHoc(sofia, account, Region.SOUTH, TODAY.plusDays(1));

        var outside = eric.post("/api/visits/trips", trip("Wuxi", TODAY.plusDays(1), TODAY.plusDays(2), east, later, east));
        var hidden = eric.post("/api/visits/trips", trip("Wuxi", TODAY.plusDays(1), TODAY.plusDays(2), south));
        var mixed = nora.post("/api/visits/trips", trip("Wuxi", TODAY.plusDays(1), TODAY.plusDays(2), south, Region.EAST));
        var backwards = eric.post("/api/visits/trips", trip("Wuxi", TODAY.plusDays(2), TODAY.plusDays(1), east));

        assertThat(outside.fieldErrors()).containsExactly(
                "visitIds[1]: is planned for " + TODAY.plusDays(9) + ", outside the trip", "visitIds[2]: is on the trip twice");
        assertThat(hidden.fieldErrors()).containsExactly("visitIds[0]: is not a visit you may see");
        assertThat(mixed.fieldErrors()).containsExactly("visitIds[0]: is in region SOUTH, not EAST");
        assertThat(backwards.fieldErrors()).containsExactly("endDate: must not be before the start date " + TODAY.plusDays(2));
        assertThat(visit(east).path("tripId").isNull()).as("nothing written").isTrue();
    }

    private String adHoc(Api as, UUID account, Region region, LocalDate day) {
        UUID store = stores.openStore(account, region, RetailFormat.SUPERMARKET);
        var planned = as.post("/api/visits", Map.of("region", region.name(), "storeId", store.toString(),
                "type", "MAINTENANCE", "plannedDate", day.toString(), "slot", "TRADING_HOURS"));
        assertThat(planned.status()).isEqualTo(201);
        return planned.text("id");
    }

    private static Map<String, Object> trip(String title, LocalDate start, LocalDate end, String... visits) {
        return trip(title, start, end, List.of(visits), null);
    }

    private static Map<String, Object> trip(String title, LocalDate start, LocalDate end, String visit, Region region) {
        return trip(title, start, end, List.of(visit), region);
    }

    private static Map<String, Object> trip(String title, LocalDate start, LocalDate end, List<String> visits, Region region) {
        Map<String, Object> trip = new HashMap<>();
        trip.put("title", title);
        trip.put("startDate", start.toString());
        trip.put("endDate", end.toString());
        trip.put("visitIds", visits);
        if (region != null) {
            trip.put("region", region.name());
        }
        return trip;
    }
}
