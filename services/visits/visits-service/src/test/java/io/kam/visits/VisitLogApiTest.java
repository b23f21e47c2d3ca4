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
import io.kam.accounts.api.ValueTier;
import tools.jackson.databind.JsonNode;

/** Planning, preparing and logging visits through the API: 三准备, 三必谈, 三必到, the deadline, and every refusal. */
class VisitLogApiTest extends ServiceTest {

    @Test
    void aCoordinatorPlansPreparesAndLogsAVisit_agreeingTheNextAppointment() {
        Planned planned = aStoreVisitToday(Region.EAST, eric);
        var prepared = eric.put("/api/visits/" + planned.visit() + "/plan", Map.of(
                "type", "FIRST", "objective", "Learn how the store orders dairy", "plannedDate", TODAY.toString(),
                "slot", "BEFORE_OPENING", "place", "Store manager's office", "confirmedByPhone", true,
                "materials", List.of("CATALOGUE", "PRICE_LIST", "SAMPLES"),
                "contact", Map.of("name", "Zhang Min", "position", "Store manager", "headOffice", false)), planned.etag());
        assertThat(prepared.status()).isEqualTo(200);
        assertThat(prepared.body().at("/preparation/objective").asString()).isEqualTo("Learn how the store orders dairy");
        assertThat(prepared.body().path("purpose").asString()).isEqualTo("GATHER_INFORMATION");
        assertThat(prepared.body().at("/preparation/materials").valueStream().map(JsonNode::asString).toList())
                .containsExactly("PRICE_LIST", "CATALOGUE", "SAMPLES");

        Map<String, Object> log = aLog();
        log.put("nextAppointment", Map.of("date", TODAY.plusDays(7).toString(), "slot", "TRADING_HOURS"));
        log.put("followUps", List.of(Map.of("task", "Send the March sell-through", "owner", "eric",
                "due", TODAY.plusDays(2).toString())));
        var logged = eric.post("/api/visits/" + planned.visit() + "/log", log, prepared.etag());

        assertThat(logged.status()).isEqualTo(200);
        JsonNode visit = logged.body();
        assertThat(visit.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(visit.at("/log/late").asBoolean()).isFalse();
        assertThat(visit.at("/log/loggedBy").asString()).isEqualTo("eric");
        assertThat(visit.at("/log/wentTo/staffTraining/notApplicableReason").asString()).isEqualTo("Promoters off for the stocktake");
        assertThat(visit.at("/log/followUps/0/task").asString()).isEqualTo("Send the March sell-through");
        String next = visit.at("/log/nextVisitId").asString();
        JsonNode nextVisit = visit(next);
        assertThat(nextVisit.path("type").asString()).as("a first visit is followed by a second").isEqualTo("SECOND");
        assertThat(nextVisit.path("plannedDate").asString()).isEqualTo(TODAY.plusDays(7).toString());
        assertThat(nextVisit.path("previousVisitId").asString()).isEqualTo(planned.visit());
        assertThat(nextVisit.path("coordinator").asString()).isEqualTo("eric");
        var events = awaitEvents(planned.account(), e -> e.size() >= 4);
        assertThat(types(events)).containsExactly("kam.visit.planned", "kam.visit.prepared", "kam.visit.completed",
                "kam.visit.planned");
        assertThat(events.get(2).data().at("/discussed/salesStatus/note").asString()).startsWith("UHT milk up 12%");
    }

    @Test
    void aLogWithoutTheMustDiscussPointsIsRefusedPointByPointAndNothingIsWritten() {
        Planned planned = aStoreVisitToday(Region.EAST, eric);
        Map<String, Object> log = aLog();
        log.put("discussed", Map.of("salesStatus", Map.of("note", "fine"),
                "marketAndCompetitors", Map.of("note", "  ", "notApplicableReason", "")));
        log.put("wentTo", Map.of("shelf", Map.of("note", "ok", "notApplicableReason", "not today"),
                "tradeFlow", Map.of("note", "ok"), "staffTraining", Map.of("note", "ok")));

        var refused = eric.post("/api/visits/" + planned.visit() + "/log", log, planned.etag());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.fieldErrors()).containsExactly(
                "discussed.marketAndCompetitors: is required: record what was found (note), or mark it not applicable with a reason (notApplicableReason)",
                "discussed.problemsAndSolutions: is required: record what was found (note), or mark it not applicable with a reason (notApplicableReason)",
                "wentTo.shelf: give a note or a reason it did not apply, not both");
        assertThat(visit(planned.visit()).path("status").asString()).isEqualTo("PLANNED");
        assertThat(eric.post("/api/visits/" + planned.visit() + "/log", Map.of("outcome", "NOT_MET"), planned.etag())
                .fieldErrors()).hasSize(6);
    }

    @Test
    void aLogWithinFortyEightHoursIsOnTime_afterThatItNeedsAReasonAndCountsAsLate() {
        Planned onTime = aStoreVisitToday(Region.EAST, eric);
        Planned late = aStoreVisitToday(Region.EAST, eric);
        clock.advance(Duration.ofHours(48));

        var inTime = eric.post("/api/visits/" + onTime.visit() + "/log", aLog(), onTime.etag());
        clock.advance(Duration.ofMinutes(1));
        var withoutReason = eric.post("/api/visits/" + late.visit() + "/log", aLog(), late.etag());
        Map<String, Object> withReason = aLog();
        withReason.put("lateReason", "The typhoon closed the expressway for two days");
        var logged = eric.post("/api/visits/" + late.visit() + "/log", withReason, late.etag());

        assertThat(inTime.body().at("/log/late").asBoolean()).isFalse();
        assertThat(withoutReason.status()).isEqualTo(400);
        assertThat(withoutReason.fieldErrors()).singleElement().asString().startsWith("lateReason: is required");
        assertThat(logged.status()).isEqualTo(200);
        assertThat(logged.body().at("/log/late").asBoolean()).isTrue();
        assertThat(logged.body().at("/log/lateReason").asString()).isEqualTo("The typhoon closed the expressway for two days");
    }

    @Test
    void aVisitIsNotLoggedBeforeItsDayNorTwice_andChangesNeedTheCurrentVersion() {
        Planned planned = aStoreVisitToday(Region.EAST, eric);
        var tomorrow = eric.post("/api/visits", Map.of("region", "EAST", "storeId", planned.store().toString(),
                "type", "STORE_CHECK", "plannedDate", TODAY.plusDays(1).toString(), "slot", "EVENING"));

        assertThat(eric.post("/api/visits/" + tomorrow.text("id") + "/log", aLog(), tomorrow.etag()).text("code"))
                .isEqualTo("visit-not-yet-due");
        assertThat(eric.post("/api/visits/" + planned.visit() + "/log", aLog(), null).status()).isEqualTo(428);
        assertThat(eric.post("/api/visits/" + planned.visit() + "/log", aLog(), "\"7\"").status()).isEqualTo(412);
        var logged = eric.post("/api/visits/" + planned.visit() + "/log", aLog(), planned.etag());
        var again = eric.post("/api/visits/" + planned.visit() + "/log", aLog(), logged.etag());

        assertThat(logged.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("visit-already-logged");
        assertThat(eric.put("/api/visits/" + planned.visit() + "/plan", aPreparation(TODAY), logged.etag()).status())
                .as("a visit made is prepared no more").isEqualTo(409);
    }

    @Test
    void aScheduledVisitMovesOnlyWithinTheWeekItIsDueIn() {
        UUID account = stores.anAccount(ValueTier.A);
        UUID store = stores.openStore(account, Region.EAST, RetailFormat.HYPERMARKET);
        JsonNode first = items(nora.get("/api/visits?storeId=" + store)).getFirst();
        LocalDate due = LocalDate.parse(first.path("dueDate").asString());
        LocalDate monday = due.minusDays(due.getDayOfWeek().getValue() - 1L);
        String etag = nora.get("/api/visits/" + first.path("id").asString()).etag();

        var nextWeek = eric.put("/api/visits/" + first.path("id").asString() + "/plan", aPreparation(monday.plusDays(7)), etag);
        var sunday = eric.put("/api/visits/" + first.path("id").asString() + "/plan", aPreparation(monday.plusDays(6)), etag);

        assertThat(nextWeek.status()).isEqualTo(422);
        assertThat(nextWeek.text("code")).isEqualTo("outside-due-week");
        assertThat(sunday.status()).isEqualTo(200);
        assertThat(sunday.body().path("dueDate").asString()).isEqualTo(due.toString());
        assertThat(sunday.body().path("plannedDate").asString()).isEqualTo(monday.plusDays(6).toString());
    }

    @Test
    void aHeadOfficeVisitNamesTheAccount_andBadPlansAreRefusedWithTheirFields() {
        UUID account = stores.anAccount(null);
        UUID southStore = stores.openStore(account, Region.SOUTH, RetailFormat.SUPERMARKET);

        var headOffice = eric.post("/api/visits", Map.of("region", "EAST", "accountId", account.toString(),
                "type", "SECOND", "plannedDate", TODAY.plusDays(3).toString(), "slot", "TRADING_HOURS"));
        var noAccount = eric.post("/api/visits", Map.of("region", "EAST", "type", "FIRST",
                "plannedDate", TODAY.toString(), "slot", "TRADING_HOURS"));
        var otherRegionsStore = eric.post("/api/visits", Map.of("region", "EAST", "storeId", southStore.toString(),
                "type", "MAINTENANCE", "plannedDate", TODAY.toString(), "slot", "TRADING_HOURS"));
        var unknownStore = eric.post("/api/visits", Map.of("region", "EAST", "storeId", UUID.randomUUID().toString(),
                "type", "MAINTENANCE", "plannedDate", TODAY.toString(), "slot", "TRADING_HOURS"));
        var yesterday = nora.post("/api/visits", Map.of("region", "SOUTH", "storeId", southStore.toString(),
                "type", "MAINTENANCE", "plannedDate", TODAY.minusDays(1).toString(), "slot", "TRADING_HOURS"));

        assertThat(headOffice.status()).isEqualTo(201);
        assertThat(headOffice.body().path("storeId").isNull()).isTrue();
        assertThat(headOffice.body().path("purpose").asString()).isEqualTo("PRESENT_OFFER");
        assertThat(headOffice.body().path("coordinator").asString()).isEqualTo("eric");
        assertThat(noAccount.fieldErrors()).containsExactly("accountId: is required for a head-office visit (a visit without storeId)");
        assertThat(otherRegionsStore.fieldErrors()).containsExactly("storeId: is not an open store of region EAST");
        assertThat(unknownStore.fieldErrors()).as("the same answer: nothing leaks about other regions")
                .isEqualTo(otherRegionsStore.fieldErrors());
        assertThat(yesterday.fieldErrors()).singleElement().asString().startsWith("plannedDate: must be today");
        assertThat(items(nora.get("/api/visits?storeId=" + southStore))).as("nothing written").isEmpty();
    }

    private static Map<String, Object> aPreparation(LocalDate day) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("type", "STORE_CHECK");
        plan.put("objective", "Check the spring display");
        plan.put("plannedDate", day.toString());
        plan.put("slot", "TRADING_HOURS");
        plan.put("confirmedByPhone", false);
        return plan;
    }
}
