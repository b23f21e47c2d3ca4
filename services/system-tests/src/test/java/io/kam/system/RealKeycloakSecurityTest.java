package io.kam.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kam.accounts.AccountsApplication;
import io.kam.accounts.api.AccountRequests;
import io.kam.accounts.api.AccountScope;
import io.kam.accounts.api.Address;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import io.kam.platform.keycloak.KeycloakServer;
import io.kam.platform.testing.Api;
import io.kam.platform.testing.RunningService;

/**
 * The accounts service trusting the real Keycloak with the platform's realm (started once per test JVM), as in
 * production: logins through the realm, realm roles and the region claim doing their work, and each refusal —
 * no token, another client's token, wrong role, wrong region, an integration bound to no retailer, metrics for
 * anyone but the monitoring client.
 */
class RealKeycloakSecurityTest {

    private static KeycloakServer keycloak;
    private static RunningService accounts;

    @BeforeAll
    static void startKeycloakAndTheService() {
        keycloak = KeycloakServer.shared();
        accounts = RunningService.start(AccountsApplication.class, "keycloak_accounts",
                Map.of("spring.security.oauth2.resourceserver.jwt.issuer-uri", keycloak.issuerUri()));
    }

    @AfterAll
    static void stopTheService() {
        if (accounts != null) {
            accounts.close();
        }
    }

    @Test
    void realmLoginsCarryRolesAndRegionsThatTheServiceEnforces() throws Exception {
        Api nora = as(password("nora"));
        Api eric = as(password("eric"));
        Api sofia = as(password("sofia"));

        var opened = nora.post("/api/accounts", new AccountRequests.OpenAccount("Keycloak Mart " + UUID.randomUUID(), "KM",
                RetailFormat.HYPERMARKET, null, new Address("1 Nanjing Road", "Shanghai", null, null),
                AccountScope.NATIONAL, null, "nora", null, null));
        assertThat(opened.status()).isEqualTo(201);
        String stores = "/api/accounts/" + opened.text("id") + "/stores";
        String south = nora.post(stores, store("KS-1", Region.SOUTH)).text("id");

        assertThat(eric.post(stores, store("KE-1", Region.EAST)).status()).as("eric works in the East").isEqualTo(201);
        assertThat(eric.post(stores, store("KS-2", Region.SOUTH)).status()).as("wrong region").isEqualTo(403);
        assertThat(eric.get(stores + "/" + south).status()).as("existence does not leak").isEqualTo(404);
        assertThat(sofia.get(stores + "/" + south).status()).isEqualTo(200);
        assertThat(eric.get(stores).body().path("items").valueStream().map(s -> s.path("code").asString()))
                .containsExactly("KE-1");
        assertThat(eric.post("/api/accounts", new AccountRequests.OpenAccount("Eric's Mart " + UUID.randomUUID(), "EM",
                RetailFormat.CONVENIENCE, null, new Address("2 Huaihai Road", "Shanghai", null, null), AccountScope.NATIONAL,
                null, "eric", null, null)).status()).as("wrong role").isEqualTo(403);
        assertThat(eric.put("/api/accounts/" + opened.text("id") + "/classification",
                Map.of("tier", "A", "role", "WHITE", "reason", "x"), opened.etag()).status()).as("wrong role").isEqualTo(403);
        assertThat(nora.get("/api/accounts/" + opened.text("id") + "/classification").body().path("history").size())
                .as("the refused classification left no trace").isZero();
    }

    @Test
    void theShippedIntegrationClientGetsNothingUntilAnOperatorBindsItToOneRetailer() throws Exception {
        Api nora = as(password("nora"));
        String mine = nora.post("/api/accounts", anAccount("Bound Mart ")).text("id");
        String other = nora.post("/api/accounts", anAccount("Other Mart ")).text("id");

        var unbound = as(clientCredentials("kam-integration", "kam-integration-dev")).get("/api/accounts");
        assertThat(unbound.status()).as("fail closed").isEqualTo(403);
        assertThat(unbound.text("code")).isEqualTo("retailer-required");
        try {
            RealmTokens.bindIntegration(keycloak, mine);
            Api integration = as(clientCredentials("kam-integration", "kam-integration-dev"));

            assertThat(integration.get("/api/accounts/" + mine).status()).isEqualTo(200);
            assertThat(integration.get("/api/accounts/" + other).status()).as("another retailer's").isEqualTo(404);
            assertThat(integration.get("/api/accounts?size=200").body().path("items").valueStream()
                    .map(a -> a.path("id").asString())).containsExactly(mine);
            assertThat(integration.post("/api/accounts/" + mine + "/stores", store("I-1", Region.EAST)).status())
                    .as("it reads but changes nothing").isEqualTo(403);
        } finally {
            RealmTokens.bindIntegration(keycloak, null);
        }
    }

    @Test
    void aTokenTheRealmIssuedToAnotherClientIsRefused() throws Exception {
        var refused = as(RealmTokens.passwordThroughAnotherClient(keycloak, "nora")).get("/api/accounts");

        assertThat(refused.status()).as("nora through admin-cli: no kam-api audience").isEqualTo(401);
        assertThat(as(password("nora")).get("/api/accounts").status()).isEqualTo(200);
    }

    @Test
    void aRealmTokenKeptAfterItsFirstUseLetsNoForgeryOrRefusalThrough() throws Exception {
        String eric = password("eric");
        String[] parts = eric.split("\\.");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(claims).contains("\"EAST\"");
        String southern = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims.replace("\"EAST\"", "\"SOUTH\"").getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "." + parts[2];
        String otherClient = RealmTokens.passwordThroughAnotherClient(keycloak, "nora");
        String unbound = clientCredentials("kam-integration", "kam-integration-dev");

        for (int request = 0; request < 3; request++) {
            assertThat(as(eric).get("/api/accounts").status()).as("the kept token").isEqualTo(200);
            assertThat(as(southern).get("/api/accounts").status()).as("its claims changed under its signature")
                    .isEqualTo(401);
            assertThat(as(otherClient).get("/api/accounts").status()).as("no kam-api audience").isEqualTo(401);
            var refused = as(unbound).get("/api/accounts");
            assertThat(refused.status()).as("an unbound integration").isEqualTo(403);
            assertThat(refused.text("code")).isEqualTo("retailer-required");
        }
    }

    @Test
    void onlyTheMonitoringClientReadsTheMetrics() throws Exception {
        assertThat(as(clientCredentials("kam-monitoring", "kam-monitoring-dev")).get("/actuator/metrics").status())
                .isEqualTo(200);
        assertThat(as(password("nora")).get("/actuator/metrics").status()).isEqualTo(403);
        assertThat(as(password("eric")).get("/actuator/metrics").status()).isEqualTo(403);
        assertThat(new Api(accounts.port()).get("/actuator/metrics").status()).isEqualTo(401);
    }

    @Test
    void withoutAValidTokenNothingAnswersButHealth() {
        Api anonymous = new Api(accounts.port());

        assertThat(anonymous.get("/api/accounts").status()).isEqualTo(401);
        assertThat(anonymous.as("eyJhbGciOiJub25lIn0.eyJzdWIiOiJub3JhIn0.").get("/api/accounts").status()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
    }

    private static Api as(String token) {
        return new Api(accounts.port()).as(token);
    }

    private static AccountRequests.OpenAccount anAccount(String name) {
        return new AccountRequests.OpenAccount(name + UUID.randomUUID(), "BM", RetailFormat.HYPERMARKET, null,
                new Address("3 Nanjing Road", "Shanghai", null, null), AccountScope.NATIONAL, null, "nora", null, null);
    }

    private static AccountRequests.OpenStore store(String code, Region region) {
        return new AccountRequests.OpenStore(code, "Store " + code, "Shanghai", region, RetailFormat.HYPERMARKET,
                LocalDate.of(2022, 3, 1));
    }

    private static String password(String user) throws Exception {
        return RealmTokens.password(keycloak, user);
    }

    private static String clientCredentials(String client, String secret) throws Exception {
        return RealmTokens.clientCredentials(keycloak, client, secret);
    }
}
