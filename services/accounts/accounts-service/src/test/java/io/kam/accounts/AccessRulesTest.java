package io.kam.accounts;

import static io.kam.accounts.AccountFixture.aBuyer;
import static io.kam.accounts.AccountFixture.aNationalHypermarketChain;
import static io.kam.accounts.AccountFixture.aSouthernSupermarketChain;
import static io.kam.accounts.AccountFixture.aStore;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kam.accounts.api.AccountRequests;
import io.kam.accounts.api.Region;
import io.kam.platform.testing.Api;
import io.kam.platform.testing.TestTokens;

/**
 * Who may do what: every refusal the roles and regions imply. Eric coordinates the East, Sofia the South; Nora
 * is a national KA manager; the integration client only reads.
 */
class AccessRulesTest extends ServiceTest {

    private Api eric;
    private Api integration;
    private UUID national;
    private String eastStore;
    private String southStore;

    @BeforeEach
    void aNationalChainWithStoresInTheEastAndTheSouth() {
        eric = anonymous.as(TestTokens.eric());
        integration = anonymous.as(TestTokens.integrationForAllAccounts());
        national = open(aNationalHypermarketChain());
        eastStore = api.post(stores(national), aStore("E-1", Region.EAST)).text("id");
        southStore = api.post(stores(national), aStore("S-1", Region.SOUTH)).text("id");
    }

    @Test
    void withoutATokenOnlyHealthAnswers() {
        assertThat(anonymous.get("/api/accounts").status()).isEqualTo(401);
        assertThat(anonymous.post("/api/accounts", aNationalHypermarketChain()).status()).isEqualTo(401);
        assertThat(anonymous.get("/api/accounts/" + national).status()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void aCoordinatorSeesOnlyTheStoresOfTheirRegion() {
        var listed = eric.get(stores(national));

        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().path("items").valueStream().map(s -> s.path("code").asString())).containsExactly("E-1");
        assertThat(eric.get(stores(national) + "?region=SOUTH").status()).isEqualTo(403);
        assertThat(eric.get(stores(national) + "/" + eastStore).status()).isEqualTo(200);
        assertThat(eric.get(stores(national) + "/" + southStore).status()).as("existence does not leak").isEqualTo(404);
    }

    @Test
    void aCoordinatorChangesOnlyTheStoresOfTheirRegion() {
        assertThat(eric.post(stores(national), aStore("E-2", Region.EAST)).status()).isEqualTo(201);
        assertThat(eric.post(stores(national), aStore("S-2", Region.SOUTH)).status()).isEqualTo(403);
        assertThat(eric.post(stores(national) + "/bulk", new AccountRequests.OpenStores(List.of(
                aStore("E-3", Region.EAST), aStore("S-3", Region.SOUTH)))).status()).isEqualTo(403);
        assertThat(eric.post(stores(national) + "/" + southStore + "/closure", Map.of("reason", "x")).status()).isEqualTo(404);
        assertThat(eric.post(stores(national) + "/" + eastStore + "/closure", Map.of("reason", "lease ended")).status())
                .isEqualTo(200);
        assertThat(api.get(stores(national)).body().path("items").valueStream().map(s -> s.path("code").asString()))
                .as("the refused bulk wrote nothing").containsExactly("E-1", "E-2", "S-1");
    }

    @Test
    void aCoordinatorSeesOnlyTheAccountsPresentInTheirRegion() {
        UUID southOnly = open(aSouthernSupermarketChain());

        assertThat(eric.get("/api/accounts/" + national).status()).isEqualTo(200);
        assertThat(eric.get("/api/accounts/" + southOnly).status()).isEqualTo(404);
        assertThat(eric.get("/api/accounts/" + southOnly + "/contacts").status()).isEqualTo(404);
        var listed = eric.get("/api/accounts?size=200").body().path("items").valueStream()
                .map(a -> a.path("id").asString()).toList();
        assertThat(listed).contains(national.toString()).doesNotContain(southOnly.toString());
        assertThat(anonymous.as(TestTokens.sofia()).get("/api/accounts/" + southOnly).status()).isEqualTo(200);
    }

    @Test
    void onlyANationalKaManagerRunsTheAccount() {
        String account = "/api/accounts/" + national;

        assertThat(eric.post("/api/accounts", aNationalHypermarketChain()).status()).isEqualTo(403);
        assertThat(eric.patch(account, Map.of("banner", "X"), "\"0\"").status()).isEqualTo(403);
        assertThat(eric.put(account + "/classification", Map.of("tier", "A", "role", "WHITE", "reason", "x"), "\"0\"").status())
                .isEqualTo(403);
        assertThat(eric.put(account + "/stage", Map.of("stage", "PRODUCT_USER", "evidence", "x"), "\"0\"").status())
                .isEqualTo(403);
        assertThat(eric.post(account + "/contacts", aBuyer()).status()).isEqualTo(403);
        assertThat(api.get(account).etag()).as("nothing changed").isEqualTo("\"0\"");
    }

    @Test
    void anIntegrationReadsButChangesNothing() {
        assertThat(integration.get("/api/accounts/" + national).status()).isEqualTo(200);
        assertThat(integration.get(stores(national)).body().path("totalItems").asLong()).isEqualTo(2);
        assertThat(integration.post(stores(national), aStore("I-1", Region.EAST)).status()).isEqualTo(403);
        assertThat(integration.post("/api/accounts", aNationalHypermarketChain()).status()).isEqualTo(403);
    }

    @Test
    void anIntegrationBoundToNoRetailerGetsNothing() {
        Api unbound = anonymous.as(TestTokens.integration());

        for (var refused : List.of(unbound.get("/api/accounts"), unbound.get("/api/accounts/" + national),
                unbound.get(stores(national)), unbound.get("/api/accounts/" + national + "/contacts"))) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.text("code")).isEqualTo("retailer-required");
        }
    }

    @Test
    void anIntegrationTiedToARetailerSeesOnlyThatAccount() {
        UUID other = open(aSouthernSupermarketChain());
        Api tied = anonymous.as(TestTokens.integrationFor(national));

        assertThat(tied.get("/api/accounts/" + national).status()).isEqualTo(200);
        assertThat(tied.get(stores(national)).status()).isEqualTo(200);
        assertThat(tied.get("/api/accounts/" + other).status()).as("existence does not leak").isEqualTo(404);
        assertThat(tied.get(stores(other)).status()).isEqualTo(404);
        assertThat(tied.get("/api/accounts?size=200").body().path("items").valueStream()
                .map(a -> a.path("id").asString()).toList()).containsExactly(national.toString());
    }

    @Test
    void aCoordinatorWithoutARegionIsRefused() {
        Api lost = anonymous.as(TestTokens.token("lost", Set.of("regional-coordinator"), null));

        var refused = lost.get("/api/accounts");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("code")).isEqualTo("region-missing");
        assertThat(anonymous.as(TestTokens.token("nobody", Set.of(), null)).get("/api/accounts").status())
                .as("a valid token without a platform role").isEqualTo(403);
        var atlantis = anonymous.as(TestTokens.token("atlantis", Set.of("regional-coordinator"), "ATLANTIS"))
                .get("/api/accounts");
        assertThat(atlantis.status()).as("a region that is not a sales region confines to nothing").isEqualTo(403);
        assertThat(atlantis.text("code")).isEqualTo("region-missing");
    }

    private static String stores(UUID account) {
        return "/api/accounts/" + account + "/stores";
    }
}
