package io.kam.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.kam.accounts.api.AccountEvents;
import io.kam.accounts.api.AccountEvents.AccountOpened;
import io.kam.accounts.api.AccountEvents.StoreOpened;
import io.kam.accounts.api.AccountScope;
import io.kam.accounts.api.AccountStatus;
import io.kam.accounts.api.Address;
import io.kam.accounts.api.DevelopmentStage;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import io.kam.platform.keycloak.KeycloakServer;
import io.kam.platform.testing.Api;
import io.kam.platform.testing.RunningService;
import io.kam.platform.testing.TopicWriter;
import io.kam.projection.ProjectionApplication;
import io.kam.promotions.PromotionsApplication;
import io.kam.prospects.ProspectsApplication;
import io.kam.sellthrough.SellThroughApplication;
import io.kam.visits.VisitsApplication;

/**
 * Cross-region and cross-retailer refusals with real Keycloak logins for every service but accounts (in
 * {@link RealKeycloakSecurityTest}) and negotiations (in {@link RealKeycloakNegotiationsTest}): visits, sell-through,
 * promotions, prospects and the projection trust the realm (the JVM's one shared Keycloak) and refuse Eric, the EAST
 * coordinator, SOUTH's data on reads and writes; the shipped integration client, unbound, everything (fail closed);
 * and, bound to one retailer, another retailer's data.
 */
class RealKeycloakRefusalsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static KeycloakServer keycloak;
    private static List<RunningService> services = List.of();
    private static RunningService visits;
    private static RunningService sellThrough;
    private static RunningService promotions;
    private static RunningService prospects;
    private static RunningService projection;

    @BeforeAll
    static void startTheServicesOnTheRealm() {
        keycloak = KeycloakServer.shared();
        Map<String, Object> realm = Map.of("spring.security.oauth2.resourceserver.jwt.issuer-uri", keycloak.issuerUri());
        visits = RunningService.start(VisitsApplication.class, "keycloak_refusals_visits", realm);
        sellThrough = RunningService.start(SellThroughApplication.class, "keycloak_refusals_sellthrough", realm);
        promotions = RunningService.start(PromotionsApplication.class, "keycloak_refusals_promotions", realm);
        prospects = RunningService.start(ProspectsApplication.class, "keycloak_refusals_prospects", realm);
        projection = RunningService.start(ProjectionApplication.class, "keycloak_refusals_projection", realm);
        services = List.of(visits, sellThrough, promotions, prospects, projection);
    }

    @AfterAll
    static void stopTheServices() {
        services.forEach(RunningService::close);
    }

    @Test
    void eachServiceRefusesAnEastCoordinatorSouthsDataAndIntegrationsOtherRetailers() throws Exception {
        UUID east = UUID.randomUUID();
        UUID south = UUID.randomUUID();
        UUID southStore = UUID.randomUUID();
        TopicWriter<AccountEvents.AccountEvent> accounts = TopicWriter.of(AccountEvents.CATALOG).as("nora");
        accounts.publish(regional(east, "Keycloak East " + east, Region.EAST));
        accounts.publish(new StoreOpened(east, UUID.randomUUID(), "KE-" + east.toString().substring(0, 6), "East store",
                "Hangzhou", Region.EAST, RetailFormat.SUPERMARKET, LocalDate.of(2022, 3, 1)));
        accounts.publish(regional(south, "Keycloak South " + south, Region.SOUTH));
        accounts.publish(new StoreOpened(south, southStore, "KS-" + south.toString().substring(0, 6), "South store",
                "Guangzhou", Region.SOUTH, RetailFormat.SUPERMARKET, LocalDate.of(2022, 3, 1)));

        String nora = password("nora");
        String eric = password("eric");
        String unbound = RealmTokens.clientCredentials(keycloak, "kam-integration", "kam-integration-dev");
        Awaitility.await("both accounts projected and known to visits").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
                    assertThat(api(projection, nora).get("/api/reviews/" + south).status()).isEqualTo(200);
                    assertThat(api(projection, nora).get("/api/reviews/" + east).status()).isEqualTo(200);
                    assertThat(api(visits, nora).get("/api/visits/stores?accountId=" + south).body().path("items"))
                            .hasSize(1);
                });

        // Eric, coordinator of EAST, reading and writing SOUTH
        assertThat(api(projection, eric).get("/api/reviews/" + east).status()).as("his own region's").isEqualTo(200);
        assertThat(api(projection, eric).get("/api/reviews/" + south).status()).as("its existence does not leak")
                .isEqualTo(404);
        assertThat(api(projection, eric).post("/api/reviews/rebuild", null).status()).isEqualTo(403);
        assertThat(api(visits, eric).get("/api/visits/stores?accountId=" + south).body().path("items")).isEmpty();
        var southVisits = api(visits, eric).get("/api/visits/stores?region=SOUTH");
        assertThat(southVisits.status()).isEqualTo(403);
        assertThat(southVisits.text("code")).isEqualTo("outside-your-region");
        assertThat(api(visits, eric).post("/api/visits", Map.of("region", "SOUTH", "storeId", southStore.toString(),
                "type", "MAINTENANCE", "plannedDate", LocalDate.now().plusDays(3).toString(), "slot", "EVENING"))
                .status()).as("planning a SOUTH visit").isEqualTo(403);
        assertThat(api(promotions, eric).get("/api/promotions?region=SOUTH").status()).isEqualTo(403);
        assertThat(api(prospects, eric).get("/api/prospects/criteria/SOUTH").status()).isEqualTo(403);
        // A valid body: an invalid one is refused with 400 before the caller's region is looked at.
        Map<String, Object> criteria = Map.of("qualifyingScore", 10, "criteria", List.of(
                Map.of("key", "contribution", "name", "Business contribution", "weight", 100, "scaleMax", 5)));
        assertThat(api(prospects, eric).put("/api/prospects/criteria/SOUTH", criteria, null).status()).isEqualTo(403);
        assertThat(push(eric, "batchId=eric-" + south + "&account=" + south).statusCode()).isEqualTo(403);

        // The shipped integration client, bound to no retailer: nothing anywhere
        for (RunningService service : List.of(projection, promotions)) {
            var refused = api(service, unbound).get(service == projection ? "/api/reviews" : "/api/promotions");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.text("code")).isEqualTo("retailer-required");
        }
        assertThat(api(projection, unbound).get("/api/reviews/" + south).status()).isEqualTo(403);
        assertThat(api(visits, unbound).get("/api/visits/stores?accountId=" + south).status()).isEqualTo(403);
        assertThat(api(prospects, unbound).get("/api/prospects").status()).isEqualTo(403);
        HttpResponse<String> unboundPush = push(unbound, "batchId=u-" + south + "&account=" + south);
        assertThat(unboundPush.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(unboundPush.body()).path("code").asString()).isEqualTo("retailer-required");

        // Bound to the EAST retailer: its own, never SOUTH's
        try {
            RealmTokens.bindIntegration(keycloak, east.toString());
            String bound = RealmTokens.clientCredentials(keycloak, "kam-integration", "kam-integration-dev");
            assertThat(api(projection, bound).get("/api/reviews/" + east).status()).isEqualTo(200);
            assertThat(api(projection, bound).get("/api/reviews/" + south).status()).as("another retailer's")
                    .isEqualTo(404);
            HttpResponse<String> otherPush = push(bound, "batchId=b-" + south + "&account=" + south);
            assertThat(otherPush.statusCode()).isEqualTo(403);
            assertThat(JSON.readTree(otherPush.body()).path("code").asString()).isEqualTo("not-your-retailer");
            assertThat(api(visits, bound).get("/api/visits/stores?accountId=" + east).status())
                    .as("visits are for the field force only").isEqualTo(403);
            assertThat(api(prospects, bound).get("/api/prospects").status()).isEqualTo(403);
        } finally {
            RealmTokens.bindIntegration(keycloak, null);
        }
    }

    private static AccountOpened regional(UUID id, String name, Region home) {
        return new AccountOpened(id, name, "KR", RetailFormat.SUPERMARKET, "Domestic private",
                new Address("1 Zhongshan Road", "Guangzhou", null, null), AccountScope.REGIONAL, home, "nora",
                AccountStatus.ACTIVE, DevelopmentStage.PRODUCT_USER);
    }

    private static Api api(RunningService service, String token) {
        return new Api(service.port()).as(token);
    }

    private static String password(String user) throws Exception {
        return RealmTokens.password(keycloak, user);
    }

    /** A sell-through batch pushed as CSV, one row. */
    private static HttpResponse<String> push(String token, String query) throws Exception {
        String body = "store,gtin,date,units,sales,currency,stock\nS1,06901234567892,2026-03-14,1,1.00,CNY,\n";
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + sellThrough.port()
                        + "/api/sell-through/batches?" + query)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
