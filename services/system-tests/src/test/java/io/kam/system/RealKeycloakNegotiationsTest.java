package io.kam.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kam.accounts.api.AccountEvents;
import io.kam.accounts.api.AccountEvents.AccountOpened;
import io.kam.accounts.api.AccountScope;
import io.kam.accounts.api.AccountStatus;
import io.kam.accounts.api.Address;
import io.kam.accounts.api.DevelopmentStage;
import io.kam.accounts.api.RetailFormat;
import io.kam.negotiations.NegotiationsApplication;
import io.kam.platform.keycloak.KeycloakServer;
import io.kam.platform.testing.Api;
import io.kam.platform.testing.RunningService;
import io.kam.platform.testing.TopicWriter;

/**
 * The negotiations service trusting the real Keycloak with the platform's realm: negotiations and terms are
 * confidential, so only national KA managers' logins get an answer, and the preparation's four eyes hold between
 * two real managers.
 */
class RealKeycloakNegotiationsTest {

    private static KeycloakServer keycloak;
    private static RunningService negotiations;

    @BeforeAll
    static void startKeycloakAndTheService() {
        keycloak = KeycloakServer.shared();
        negotiations = RunningService.start(NegotiationsApplication.class, "keycloak_negotiations",
                Map.of("spring.security.oauth2.resourceserver.jwt.issuer-uri", keycloak.issuerUri()));
    }

    @AfterAll
    static void stopTheService() {
        if (negotiations != null) {
            negotiations.close();
        }
    }

    @Test
    void onlyNationalKaManagersAreAnsweredAndNoneApprovesTheirOwnPreparation() throws Exception {
        Api nora = as(password("nora"));
        Api nate = as(password("nate"));
        Api eric = as(password("eric"));
        Api integration = as(clientCredentials("kam-integration", "kam-integration-dev"));
        UUID account = UUID.randomUUID();
        TopicWriter.of(AccountEvents.CATALOG).as("nora").publish(new AccountOpened(account, "Keycloak Hyper " + account,
                "KH", RetailFormat.HYPERMARKET, "Domestic private", new Address("1 Nanjing Road", "Shanghai", null, null),
                AccountScope.NATIONAL, null, "nora", AccountStatus.ACTIVE, DevelopmentStage.PRODUCT_USER));
        Map<String, Object> alias = Map.of("accountId", account, "buyerName", "bonus", "kind", "OFF_INVOICE_REBATE");
        // Until the account event arrives the alias is refused; a timeout names the last answer, to tell a slow
        // replica from a refused token.
        Awaitility.await("the account reaches the negotiations service").atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> {
                    var mapped = nora.put("/api/negotiations/aliases", alias, null);
                    assertThat(mapped.status()).as("%s", mapped.body()).isEqualTo(200);
                });

        assertThat(eric.put("/api/negotiations/aliases", alias, null).status()).as("a coordinator").isEqualTo(403);
        assertThat(integration.get("/api/negotiations?accountId=" + account).status()).as("an integration")
                .isEqualTo(403);
        assertThat(new Api(negotiations.port()).get("/api/negotiations").status()).as("no token").isEqualTo(401);

        var opened = nora.post("/api/negotiations", Map.of("accountId", account, "year", 2027));
        assertThat(opened.status()).isEqualTo(201);
        String id = opened.text("id");
        assertThat(eric.get("/api/negotiations/" + id).status()).isEqualTo(403);
        assertThat(eric.post("/api/negotiations", Map.of("accountId", account, "year", 2028)).status()).isEqualTo(403);

        Map<String, Object> bonus = Map.of("buyerName", "bonus",
                "opening", Map.of("shape", "PERCENT_OF_SALES", "percent", new BigDecimal("2.00")),
                "target", Map.of("shape", "PERCENT_OF_SALES", "percent", new BigDecimal("2.30")),
                "walkAway", Map.of("shape", "PERCENT_OF_SALES", "percent", new BigDecimal("2.50")));
        var prepared = nora.put("/api/negotiations/" + id + "/preparation", Map.of("terms", List.of(bonus),
                "concessionBudget", new BigDecimal("200000.00"), "basis", Map.of("source", "STATED_ESTIMATE",
                        "annualSales", new BigDecimal("48000000.00"))), opened.etag());
        assertThat(prepared.status()).as(prepared.body().toString()).isEqualTo(200);

        var own = nora.post("/api/negotiations/" + id + "/preparation/approval", Map.of("revision", 1), prepared.etag());
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.text("code")).isEqualTo("own-preparation");
        assertThat(eric.post("/api/negotiations/" + id + "/preparation/approval", Map.of("revision", 1),
                prepared.etag()).status()).isEqualTo(403);
        var approved = nate.post("/api/negotiations/" + id + "/preparation/approval", Map.of("revision", 1),
                prepared.etag());
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body().path("preparation").path("approvedBy").asString()).isEqualTo("nate");
    }

    private static Api as(String token) {
        return new Api(negotiations.port()).as(token);
    }

    private static String password(String user) throws Exception {
        return RealmTokens.password(keycloak, user);
    }

    private static String clientCredentials(String client, String secret) throws Exception {
        return RealmTokens.clientCredentials(keycloak, client, secret);
    }
}
