package io.kam.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kam.accounts.AccountsApplication;
import io.kam.accounts.api.AccountRequests;
import io.kam.accounts.api.AccountScope;
import io.kam.accounts.api.Address;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import io.kam.platform.testing.Api;
import io.kam.platform.testing.RunningService;
import io.kam.platform.testing.TestTokens;
import io.kam.visits.VisitsApplication;
import tools.jackson.databind.JsonNode;

/**
 * The accounts service and the visits service together, each on its own database, through the real broker: the stores
 * a KA manager opens, classifies and closes in the accounts service are planned, re-planned and cancelled in the
 * coordinators' schedules.
 */
class AccountsToVisitsTest {

    private static RunningService accounts;
    private static RunningService visits;
    private static Api accountsApi;
    private static Api visitsApi;

    @BeforeAll
    static void startServices() {
        accounts = RunningService.start(AccountsApplication.class, "system_visits_accounts", Map.of());
        visits = RunningService.start(VisitsApplication.class, "system_visits", Map.of());
        accountsApi = new Api(accounts.port()).as(TestTokens.nora());
        visitsApi = new Api(visits.port()).as(TestTokens.nora());
        visitsApi.put("/api/visits/regions/EAST/coordinator", Map.of("coordinator", "eric"), null);
    }

    @AfterAll
    static void stopServices() {
        if (visits != null) {
            visits.close();
        }
        if (accounts != null) {
            accounts.close();
        }
    }

    @Test
    void storesOpenedInTheAccountsServiceArePlannedFollowTheirAccountsTierAndAreCancelledWhenTheyClose() {
        UUID account = openAccount("Qiantang Hypermarkets");
        String base = "/api/accounts/" + account;
        var opened = accountsApi.post(base + "/stores/bulk", new AccountRequests.OpenStores(List.of(
                store("QT-HZ-01", Region.EAST, RetailFormat.HYPERMARKET),
                store("QT-GZ-01", Region.SOUTH, RetailFormat.SUPERMARKET))));
        assertThat(opened.status()).isEqualTo(201);
        String hangzhou = opened.body().get(0).path("id").asString();

        JsonNode unplanned = awaitStores(account, s -> s.size() == 2).get(0);
        assertThat(unplanned.path("unplannedReason").asString()).as("not classified yet").isEqualTo("ACCOUNT_NOT_CLASSIFIED");

        var classified = accountsApi.put(base + "/classification",
                Map.of("tier", "A", "role", "WHITE", "reason", "largest hypermarket chain of Zhejiang"), "\"0\"");
        assertThat(classified.status()).isEqualTo(200);

        awaitStores(account, s -> s.valueStream().allMatch(store -> store.path("tier").asString().equals("A")));
        List<JsonNode> schedule = awaitVisits(hangzhou, v -> v.size() == 13);
        assertThat(schedule).allSatisfy(v -> {
            assertThat(v.path("coordinator").asString()).isEqualTo("eric");
            assertThat(v.path("status").asString()).isEqualTo("PLANNED");
            assertThat(v.path("accountName").asString()).startsWith("Qiantang Hypermarkets");
        });

        accountsApi.put(base + "/classification", Map.of("tier", "C", "role", "WHITE", "reason", "lost the listing"),
                classified.etag());
        List<JsonNode> monthly = awaitVisits(hangzhou, v -> v.size() < 13);
        assertThat(monthly).hasSizeBetween(2, 4);

        accountsApi.post(base + "/stores/" + hangzhou + "/closure", Map.of("reason", "Mall closed for rebuilding"));
        awaitVisits(hangzhou, List::isEmpty);
        assertThat(visitsApi.get("/api/visits?status=CANCELLED&size=100&storeId=" + hangzhou).body().path("totalItems")
                .asLong()).isEqualTo(13);
    }

    private static UUID openAccount(String name) {
        var request = new AccountRequests.OpenAccount(name + " " + UUID.randomUUID().toString().substring(0, 8), name,
                RetailFormat.HYPERMARKET, "Domestic private", new Address("1 Yan'an Road", "Hangzhou", "Zhejiang", "310000"),
                AccountScope.NATIONAL, null, "nora", null, null);
        var created = accountsApi.post("/api/accounts", request);
        assertThat(created.status()).isEqualTo(201);
        return UUID.fromString(created.text("id"));
    }

    private static AccountRequests.OpenStore store(String code, Region region, RetailFormat format) {
        return new AccountRequests.OpenStore(code, "Store " + code, "Hangzhou", region, format, LocalDate.of(2018, 6, 1));
    }

    private static JsonNode awaitStores(UUID account, Predicate<JsonNode> condition) {
        return await("stores of " + account).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> visitsApi.get("/api/visits/stores?accountId=" + account).body().path("items"), condition);
    }

    /** The store's visits that are not cancelled, once they satisfy the condition. */
    private static List<JsonNode> awaitVisits(String store, Predicate<List<JsonNode>> condition) {
        return await("visits of " + store).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> visitsApi.get("/api/visits?size=1000&storeId=" + store).body().path("items").valueStream()
                        .filter(v -> !v.path("status").asString().equals("CANCELLED")).toList(), condition);
    }
}
