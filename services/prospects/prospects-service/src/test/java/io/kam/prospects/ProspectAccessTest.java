package io.kam.prospects;

import static io.kam.prospects.ProspectFixture.aProspect;
import static io.kam.prospects.ProspectFixture.criteria;
import static io.kam.prospects.ProspectFixture.goodRatings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kam.platform.testing.Api;
import io.kam.platform.testing.TestTokens;

/**
 * Who may do what: Eric coordinates the East, Sofia the South; criteria and overrides belong to national KA
 * managers; integrations have no business with prospects.
 */
class ProspectAccessTest extends ServiceTest {

    private Api sofia;
    private Api integration;
    private String eastPath;
    private String eastEtag;

    @BeforeEach
    void anEasternProspect() {
        sofia = anonymous.as(TestTokens.sofia());
        integration = anonymous.as(TestTokens.integrationForAllAccounts());
        api.put("/api/prospects/criteria/EAST", criteria(70), null);
        var found = eric.post("/api/prospects", aProspect("EAST"));
        eastPath = found.headers().getLocation().getPath();
        eastEtag = found.etag();
    }

    @Test
    void aCoordinatorWorksOnlyTheProspectsOfTheirRegion() {
        assertThat(sofia.post("/api/prospects", aProspect("SOUTH")).status()).isEqualTo(201);

        assertThat(eric.get(eastPath).status()).isEqualTo(200);
        assertThat(sofia.get(eastPath).status()).as("existence does not leak").isEqualTo(404);
        assertThat(sofia.put(eastPath + "/ratings", goodRatings(), eastEtag).status()).isEqualTo(404);
        assertThat(sofia.post(eastPath + "/drop", Map.of("reason", "OTHER", "note", "x"), eastEtag).status()).isEqualTo(404);
        assertThat(sofia.post("/api/prospects", aProspect("EAST")).status()).isEqualTo(403);
        assertThat(sofia.get("/api/prospects?region=EAST").status()).isEqualTo(403);
        assertThat(sofia.get("/api/prospects/ranked?region=EAST").status()).isEqualTo(403);
        assertThat(sofia.get("/api/prospects").body().path("items").valueStream()
                .map(p -> p.at("/details/region").asString())).isNotEmpty().containsOnly("SOUTH");
        assertThat(api.get(eastPath).body().path("ratings").size()).as("nothing changed").isZero();
    }

    @Test
    void criteriaBelongToNationalKaManagers() {
        assertThat(eric.put("/api/prospects/criteria/EAST", criteria(10), null).status()).isEqualTo(403);
        assertThat(eric.get("/api/prospects/criteria/EAST").status()).isEqualTo(200);
        assertThat(eric.get("/api/prospects/criteria/SOUTH").status()).isEqualTo(403);
        assertThat(api.get("/api/prospects/criteria/EAST").body().path("qualifyingScore").decimalValue())
                .isEqualByComparingTo("70");
    }

    @Test
    void integrationsAndAnonymousCallersHaveNoAccess() {
        assertThat(integration.get("/api/prospects").status()).isEqualTo(403);
        assertThat(integration.get(eastPath).status()).isEqualTo(403);
        assertThat(integration.post("/api/prospects", aProspect("EAST")).status()).isEqualTo(403);
        assertThat(anonymous.get("/api/prospects").status()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        var unbound = anonymous.as(TestTokens.integration()).get("/api/prospects");
        assertThat(unbound.status()).isEqualTo(403);
        assertThat(unbound.text("code")).isEqualTo("retailer-required");
    }
}
