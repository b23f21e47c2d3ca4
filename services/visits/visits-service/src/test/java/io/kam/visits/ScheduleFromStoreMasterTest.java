package io.kam.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import io.kam.accounts.api.ValueTier;
import tools.jackson.databind.JsonNode;

/**
 * The schedule follows the store master on the real broker: stores opened, closed and reclassified on kam.accounts.v1,
 * published with the accounts-api records as the accounts service does, plan and cancel visits here.
 */
class ScheduleFromStoreMasterTest extends ServiceTest {

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
            assertThat(v.path("region").asString()).isEqualTo("EAST");
            assertThat(v.path("accountName").asString()).startsWith("Yangtze Hypermarket");
        });
        List<LocalDate> days = days(visits);
        assertThat(days.getFirst()).isAfter(TODAY);
        assertThat(days.getLast()).isBefore(TODAY.plusWeeks(13).plusDays(1));
        assertThat(days.stream().map(LocalDate::getDayOfWeek).distinct()).as("one weekday, Monday to Friday")
                .hasSize(1).allMatch(d -> d.getValue() <= DayOfWeek.FRIDAY.getValue());
        var events = awaitEvents(account, e -> e.size() >= 13);
        assertThat(types(events)).containsOnly("kam.visit.planned");
        assertThat(events.getFirst().actor()).isEqualTo("kam-visits");
    }

    private List<JsonNode> scheduled(UUID store) {
        return items(nora.get("/api/visits?storeId=" + store + "&size=1000")).stream()
                .filter(v -> !v.path("status").asString().equals("CANCELLED")).toList();
    }

    private static List<LocalDate> days(List<JsonNode> visits) {
        return visits.stream().map(v -> LocalDate.parse(v.path("plannedDate").asString())).toList();
    }
}
