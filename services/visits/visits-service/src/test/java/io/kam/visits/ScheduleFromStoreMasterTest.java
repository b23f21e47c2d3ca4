package io.kam.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.kam.accounts.api.AccountEvents;
import io.kam.accounts.api.AccountEvents.AccountOpened;
import io.kam.accounts.api.AccountEvents.StoreOpened;
import io.kam.accounts.api.AccountScope;
import io.kam.accounts.api.AccountStatus;
import io.kam.accounts.api.Address;
import io.kam.accounts.api.DevelopmentStage;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import io.kam.accounts.api.ValueTier;
import io.kam.platform.consumer.DeadLetters;
import io.kam.platform.events.EventCatalog.WireName;
import io.kam.platform.events.EventEnvelope;
import io.kam.platform.testing.EventSamples;
import io.kam.platform.testing.TopicReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schedule follows the store master on the real broker: stores opened, closed and reclassified on kam.accounts.v1,
 * published with the accounts-api records as the accounts service does, plan and cancel visits here, once each.
 */
class ScheduleFromStoreMasterTest extends ServiceTest {

    @Autowired
    DataSource dataSource;

    @Test
    void aStoreOpenedForATierAAccountGetsAWeeklyVisitForThirteenWeeksWithItsRegionsCoordinator() {
        UUID account = stores.anAccount(ValueTier.A);

        UUID store = stores.openStore(account, Region.EAST, RetailFormat.HYPERMARKET);

        List<JsonNode> visits = scheduled(store);
        assertThat(visits).hasSize(13);
        assertThat(visits).allSatisfy(v -> {
            assertThat(v.path("coordinator").asString()).isEqualTo("eric");
            assertThat(v.path("origin").asString()).isEqualTo("SCHEDULE");
            assertThat(v.path("status").asString()).isEqualTo("PLANNED");
            assertThat(v.path("type").asString()).isEqualTo("MAINTENANCE");
            assertThat(v.path("slot").asString()).isEqualTo("TRADING_HOURS");
            assertThat(v.path("accountName").asString()).startsWith("Yangtze Hypermarket");
        });
        List<LocalDate> days = days(visits);
        assertThat(days.getFirst()).isAfter(TODAY);
        assertThat(days.getLast()).isBefore(TODAY.plusWeeks(13).plusDays(1));
        assertThat(days.stream().map(LocalDate::getDayOfWeek).distinct()).as("one weekday, Monday to Friday")
                .hasSize(1).allMatch(d -> d.getValue() <= DayOfWeek.FRIDAY.getValue());
        var events = awaitEvents(account, e -> e.size() >= 13);
        assertThat(types(events)).hasSize(13).containsOnly("kam.visit.planned");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo("kam-visits");
            assertThat(e.data().path("storeId").asString()).isEqualTo(store.toString());
            assertThat(e.data().path("region").asString()).isEqualTo("EAST");
        });
    }

    @Test
    void aStoreOpeningNextMonthIsFirstVisitedAfterItOpens() {
        UUID account = stores.anAccount(ValueTier.A);
        LocalDate opening = TODAY.plusWeeks(4);

        UUID store = stores.openStore(account, Region.EAST, RetailFormat.SUPERMARKET, opening);

        assertThat(days(scheduled(store))).as("a weekly visit in each of the nine or ten weeks from its opening")
                .hasSizeBetween(9, 10).allMatch(d -> !d.isBefore(opening));
    }

    @Test
    void aStoreOfAnUnclassifiedAccountGetsNoVisitsAndSaysWhy_untilTheAccountIsClassified() {
        UUID account = stores.anAccount(null);
        UUID store = stores.openStore(account, Region.SOUTH, RetailFormat.HYPERMARKET);

        JsonNode listed = stores.awaitStore(account, store, s -> true);
        assertThat(listed.path("unplannedReason").asString()).isEqualTo("ACCOUNT_NOT_CLASSIFIED");
        assertThat(scheduled(store)).isEmpty();

        stores.classify(account, ValueTier.C, null);

        JsonNode planned = stores.awaitStore(account, store, s -> s.path("frequency").asString().equals("MONTHLY"));
        assertThat(planned.path("coordinator").asString()).isEqualTo("sofia");
        assertThat(planned.path("unplannedReason").isNull()).isTrue();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !scheduled(store).isEmpty());
        assertThat(days(scheduled(store)).stream().map(YearMonth::from)).as("one visit a month")
                .hasSizeBetween(2, 4).doesNotHaveDuplicates();
    }

    @Test
    void reclassifyingAnAccountFromAToBReplansItsFutureVisitsFortnightly_keepingTheDaysBothStandardsAskFor() {
        UUID account = stores.anAccount(ValueTier.A);
        UUID store = stores.openStore(account, Region.EAST, RetailFormat.HYPERMARKET);
        List<JsonNode> weekly = scheduled(store);

        stores.classify(account, ValueTier.B, ValueTier.A);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> scheduled(store).size() < 13);
        List<JsonNode> fortnightly = scheduled(store);
        assertThat(fortnightly).hasSizeBetween(6, 7);
        assertThat(ids(weekly)).as("the days kept are the same visits").containsAll(ids(fortnightly));
        var cancelled = items(nora.get("/api/visits?storeId=" + store + "&status=CANCELLED&size=100"));
        assertThat(cancelled).hasSize(13 - fortnightly.size());
        var events = awaitEvents(account, e -> e.stream().filter(v -> v.type().equals("kam.visit.cancelled")).count()
                == cancelled.size());
        assertThat(events.stream().filter(e -> e.type().equals("kam.visit.cancelled")))
                .allSatisfy(e -> assertThat(e.data().path("reason").asString()).isEqualTo("ACCOUNT_RECLASSIFIED"));
    }

    @Test
    void aClosedStoresVisitsFromItsClosingDayAreCancelled() {
        UUID account = stores.anAccount(ValueTier.A);
        UUID store = stores.openStore(account, Region.EAST, RetailFormat.HYPERMARKET);

        stores.closeStore(account, store, Region.EAST, TODAY);

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> scheduled(store).isEmpty());
        assertThat(items(nora.get("/api/visits?storeId=" + store + "&status=CANCELLED&size=100"))).hasSize(13);
        assertThat(stores.awaitStore(account, store, s -> true).path("unplannedReason").asString()).isEqualTo("CLOSED");
        var events = awaitEvents(account, e -> e.stream().filter(v -> v.type().equals("kam.visit.cancelled")).count() == 13);
        assertThat(events.getLast().data().path("reason").asString()).isEqualTo("STORE_CLOSED");
    }

    @Test
    void aRedeliveredStoreOpeningOrTheSameOpeningAnnouncedAgainPlansNothingTwice() {
        UUID account = stores.anAccount(ValueTier.A);
        UUID store = UUID.randomUUID();
        var opened = new StoreOpened(account, store, "SH-" + store.toString().substring(0, 6), "Pudong", "Shanghai",
                Region.EAST, RetailFormat.HYPERMARKET, LocalDate.of(2019, 9, 28));
        EventEnvelope first = accounts.publish(opened);
        stores.awaitStore(account, store, s -> true);

        accounts.publish(first);
        accounts.publish(opened);
        UUID marker = stores.openStore(account, Region.EAST, RetailFormat.CONVENIENCE);

        assertThat(scheduled(marker)).as("everything before the marker was applied").isNotEmpty();
        assertThat(scheduled(store)).hasSize(13);
        assertThat(processed(first.id())).as("the redelivery was recognised by its id").isEqualTo(1);
    }

    @Test
    void anUndecodableEventGoesToTheDeadLetterTopicWithTheReasonAndTheAccountsLaterEventsStillApply() {
        UUID account = UUID.randomUUID();

        accounts.publish(account.toString(), "{\"not\": \"an event\"}");
        accounts.publish(new AccountOpened(account, "After The Poison Mart", "Poison", RetailFormat.SUPERMARKET, null,
                new Address("1 Road", "Wuhan", null, null), AccountScope.NATIONAL, null, "nora", AccountStatus.ACTIVE,
                DevelopmentStage.TARGET_EVALUATION));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                nora.get("/api/visits/accounts/" + account + "/skus").status() == 200);
        var dead = TopicReader.awaitRecords(AccountEvents.TOPIC + ".dlt", r -> account.toString().equals(r.key()));
        assertThat(TopicReader.header(dead.getFirst(), DeadLetters.REASON_HEADER)).contains("not a valid CloudEvents envelope");
    }

    @Test
    void everySampleEventOfTheAccountsContractIsAppliedOrDeliberatelyIgnored() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        String sampleAccount = "3f2b8c1e-7d4a-4e59-9b1a-2c6d8e0f1a23";
        Map<String, String> fresh = Map.of(sampleAccount, UUID.randomUUID().toString(),
                "5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", UUID.randomUUID().toString(),
                "7e8f9a0b-1c2d-4e3f-8a5b-6c7d8e9f0a1b", UUID.randomUUID().toString());
        String account = fresh.get(sampleAccount);
        List<UUID> ids = new ArrayList<>();

        for (WireName name : AccountEvents.CATALOG.wireNames()) {
            ObjectNode envelope = (ObjectNode) json.readTree(EventSamples.json(name));
            UUID id = UUID.randomUUID();
            ids.add(id);
            envelope.put("id", id.toString());
            envelope.put("subject", account);
            ObjectNode data = (ObjectNode) envelope.get("data");
            for (String field : new String[] {"accountId", "storeId", "contactId"}) {
                if (data.has(field) && fresh.containsKey(data.get(field).asString())) {
                    data.put(field, fresh.get(data.get(field).asString()));
                }
            }
            accounts.publish(account, json.writeValueAsString(envelope));
        }

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id -> processed(id) == 1));
        JsonNode store = stores.awaitStore(UUID.fromString(account),
                UUID.fromString(fresh.get("5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f")), s -> true);
        assertThat(store.path("accountName").asString()).isEqualTo("Yangtze Hypermarket Group");
        assertThat(store.path("code").asString()).isEqualTo("SH-PD-001");
        assertThat(store.path("open").asBoolean()).as("the sample store closes after it opens").isFalse();
        assertThat(store.path("tier").asString()).isEqualTo("A");
        assertThat(TopicReader.readAll(AccountEvents.TOPIC + ".dlt").stream().map(r -> r.key()).collect(Collectors.toSet()))
                .doesNotContain(account);
    }

    private long processed(UUID eventId) {
        return JdbcClient.create(dataSource).sql("select count(*) from kam_processed_event where consumer = 'visits' and event_id = ?")
                .param(eventId).query(Long.class).single();
    }

    private List<JsonNode> scheduled(UUID store) {
        return items(nora.get("/api/visits?storeId=" + store + "&size=1000")).stream()
                .filter(v -> !v.path("status").asString().equals("CANCELLED")).toList();
    }

    private static Set<String> ids(List<JsonNode> visits) {
        return visits.stream().map(v -> v.path("id").asString()).collect(Collectors.toSet());
    }

    private static List<LocalDate> days(List<JsonNode> visits) {
        return visits.stream().map(v -> LocalDate.parse(v.path("plannedDate").asString())).toList();
    }
}
