package io.kam.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import tools.jackson.databind.JsonNode;

/**
 * Coverage and compliance: over the visits planned in a period, those done in time, late, missed and still open, per
 * coordinator, store and account. The CENTRE region is this test's alone.
 */
class ComplianceApiTest extends ServiceTest {

    @Test
    void visitsDueAreCountedDoneLateMissedOrOpen_byCoordinatorStoreAndAccount() {
        UUID account = stores.anAccount(null);
        UUID first = stores.openStore(account, Region.CENTRE, RetailFormat.HYPERMARKET);
        UUID second = stores.openStore(account, Region.CENTRE, RetailFormat.SUPERMARKET);
        String onTime = plan(first, TODAY);
        String late = plan(first, TODAY.plusDays(1));
        plan(second, TODAY);                          // never logged: missed
        plan(second, TODAY.plusDays(7));              // still ahead: open
        log(onTime, null);
        clock.advance(Duration.ofDays(4));
        log(late, "The store was closed for a stocktake on the day");

        JsonNode byCoordinator = report("COORDINATOR");
        JsonNode carl = byCoordinator.path("rows").valueStream()
                .filter(r -> "carl".equals(r.path("coordinator").asString())).findFirst().orElseThrow();
        assertThat(counts(carl)).containsExactly(4L, 1L, 1L, 1L, 1L);
        assertThat(carl.at("/counts/onTimeRate").decimalValue()).isEqualByComparingTo("33.3");
        assertThat(carl.at("/counts/completionRate").decimalValue()).isEqualByComparingTo("66.7");
        assertThat(carl.at("/counts/storesDue").asLong()).isEqualTo(2);
        assertThat(carl.at("/counts/storesVisited").asLong()).isEqualTo(1);
        assertThat(carl.at("/counts/coverage").decimalValue()).isEqualByComparingTo("50.0");

        JsonNode byStore = report("STORE");
        assertThat(counts(row(byStore, "storeId", first))).containsExactly(2L, 1L, 1L, 0L, 0L);
        assertThat(counts(row(byStore, "storeId", second))).containsExactly(2L, 0L, 0L, 1L, 1L);
        assertThat(row(byStore, "storeId", second).at("/counts/coverage").decimalValue()).isEqualByComparingTo("0.0");
        JsonNode byAccount = report("ACCOUNT");
        assertThat(counts(row(byAccount, "accountId", account))).containsExactly(4L, 1L, 1L, 1L, 1L);
        assertThat(row(byAccount, "accountId", account).path("accountName").asString()).startsWith("Yangtze Hypermarket");
    }

    @Test
    void aCoordinatorSeesTheirOwnRegionsFigures() {
        assertThat(eric.get("/api/visits/compliance?region=CENTRE").status()).isEqualTo(403);
        var own = eric.get("/api/visits/compliance?by=STORE");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body().path("region").asString()).isEqualTo("EAST");
        assertThat(eric.get("/api/visits/compliance?by=REGION").fieldErrors()).singleElement().asString()
                .startsWith("by: must be a Grouping");
        assertThat(nora.get("/api/visits/compliance?from=2030-03-10&to=2030-03-01").fieldErrors())
                .containsExactly("to: must not be before from (2030-03-10)");
    }

    private String plan(UUID store, LocalDate day) {
        var planned = nora.post("/api/visits", Map.of("region", "CENTRE", "storeId", store.toString(), "type", "MAINTENANCE",
                "plannedDate", day.toString(), "slot", "TRADING_HOURS", "coordinator", "carl"));
        assertThat(planned.status()).isEqualTo(201);
        return planned.text("id");
    }

    private void log(String visit, String lateReason) {
        Map<String, Object> log = aLog();
        if (lateReason != null) {
            log.put("lateReason", lateReason);
        }
        assertThat(nora.post("/api/visits/" + visit + "/log", log, nora.get("/api/visits/" + visit).etag()).status())
                .isEqualTo(200);
    }

    private JsonNode report(String by) {
        var response = nora.get("/api/visits/compliance?by=" + by + "&region=CENTRE&from=" + TODAY + "&to=" + TODAY.plusDays(7));
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }

    private static JsonNode row(JsonNode report, String key, UUID id) {
        return report.path("rows").valueStream().filter(r -> r.path(key).asString().equals(id.toString()))
                .findFirst().orElseThrow();
    }

    /** due, done, late, missed, open. */
    private static List<Long> counts(JsonNode row) {
        JsonNode c = row.path("counts");
        return List.of(c.path("due").asLong(), c.path("done").asLong(), c.path("late").asLong(),
                c.path("missed").asLong(), c.path("open").asLong());
    }
}
