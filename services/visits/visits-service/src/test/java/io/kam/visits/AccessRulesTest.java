package io.kam.visits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.kam.accounts.api.Region;
import io.kam.platform.testing.Api;
import io.kam.platform.testing.TestTokens;

/**
 * Who may do what, every refusal: without a token nothing but health; integrations nothing at all; a coordinator
 * nothing outside their region (404 for a thing, 403 for a region asked for) and none of the managers' settings and
 * decisions. Each refusal writes nothing.
 */
class AccessRulesTest extends ServiceTest {

    private Planned east;
    private String complaint;
    private String trip;
    private String commitment;

    @BeforeEach
    void anEastVisitWithAComplaintATripAndAFlaggedCommitment() {
        east = aStoreVisitToday(Region.EAST, eric);
        complaint = eric.post("/api/visits/complaints", Map.of("accountId", east.account().toString(),
                "storeId", east.store().toString(), "type", "SERVICE", "description", "Slow answers")).text("id");
        var later = eric.post("/api/visits", Map.of("region", "EAST", "storeId", east.store().toString(),
                "type", "STORE_CHECK", "plannedDate", TODAY.plusDays(1).toString(), "slot", "TRADING_HOURS"));
        trip = eric.post("/api/visits/trips", Map.of("title", "Hangzhou", "startDate", TODAY.plusDays(1).toString(),
                "endDate", TODAY.plusDays(1).toString(), "visitIds", List.of(later.text("id")))).text("id");
        Map<String, Object> log = aLog();
        log.put("commitments", List.of(Map.of("type", "FREE_GOODS", "description", "A case of yoghurt")));
        commitment = eric.post("/api/visits/" + east.visit() + "/log", log, east.etag()).body().at("/commitments/0/id")
                .asString();
    }

    @Test
    void withoutATokenOnlyHealthAnswers() {
        for (String path : List.of("/api/visits", "/api/visits/" + east.visit(), "/api/visits/standards",
                "/api/visits/compliance", "/api/visits/complaints", "/api/visits/trips")) {
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(401);
        }
        assertThat(anonymous.post("/api/visits", Map.of()).status()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void integrationsHaveNoAccessAtAll() {
        String account = "/api/visits/accounts/" + east.account();
        for (String path : List.of("/api/visits", "/api/visits/" + east.visit(), "/api/visits/standards",
                "/api/visits/regions", "/api/visits/stores", account + "/skus", account + "/commitment-policy",
                "/api/visits/commitments", "/api/visits/commitments/" + commitment, "/api/visits/complaints",
                "/api/visits/complaints/" + complaint, "/api/visits/trips", "/api/visits/trips/" + trip,
                "/api/visits/compliance", "/api/visits/" + east.visit() + "/store-check")) {
            assertThat(integration.get(path).status()).as(path).isEqualTo(403);
        }
        Api tied = anonymous.as(TestTokens.integrationFor(east.account()));
        assertThat(tied.get("/api/visits/" + east.visit()).status()).as("not even its own retailer's").isEqualTo(403);
        var unbound = anonymous.as(TestTokens.integration()).get("/api/visits/" + east.visit());
        assertThat(unbound.status()).isEqualTo(403);
        assertThat(unbound.text("code")).as("bound to no retailer, it gets nothing").isEqualTo("retailer-required");
        assertThat(integration.post("/api/visits/complaints", Map.of("accountId", east.account().toString(),
                "type", "SERVICE", "description", "x", "region", "EAST")).status()).isEqualTo(403);
    }

    @Test
    void aCoordinatorFindsNothingOfAnotherRegion() {
        String visit = "/api/visits/" + east.visit();
        for (String path : List.of(visit, visit + "/store-check", "/api/visits/complaints/" + complaint,
                "/api/visits/trips/" + trip, "/api/visits/commitments/" + commitment)) {
            assertThat(sofia.get(path).status()).as(path).isEqualTo(404);
        }
        String policy = "/api/visits/accounts/" + east.account() + "/commitment-policy";
        assertThat(sofia.get(policy).status()).as("an account without a store in the South").isEqualTo(404);
        assertThat(eric.get(policy).status()).isEqualTo(200);
        assertThat(sofia.put(visit + "/plan", Map.of("type", "FIRST", "objective", "x", "plannedDate", TODAY.toString(),
                "slot", "EVENING", "confirmedByPhone", false), "*").status()).isEqualTo(404);
        assertThat(sofia.post("/api/visits/complaints/" + complaint + "/investigation", Map.of("note", "x"), "*").status())
                .isEqualTo(404);
        assertThat(sofia.post("/api/visits/trips/" + trip + "/daily-summaries", Map.of("date", TODAY.toString(),
                "summary", "x")).status()).isEqualTo(404);
        assertThat(eric.get("/api/visits/complaints/" + complaint).body().path("status").asString())
                .as("nothing changed").isEqualTo("OPEN");
    }

    @Test
    void aCoordinatorAskingForAnotherRegionIsRefused_andListingsShowTheirOwnRegionOnly() {
        for (String path : List.of("/api/visits?region=EAST", "/api/visits/complaints?region=EAST",
                "/api/visits/commitments?region=EAST", "/api/visits/trips?region=EAST", "/api/visits/stores?region=EAST",
                "/api/visits/compliance?region=EAST")) {
            assertThat(sofia.get(path).status()).as(path).isEqualTo(403);
            assertThat(sofia.get(path).text("code")).isEqualTo("outside-your-region");
        }
        assertThat(items(sofia.get("/api/visits?accountId=" + east.account()))).isEmpty();
        assertThat(items(sofia.get("/api/visits/complaints?accountId=" + east.account()))).isEmpty();
        assertThat(items(sofia.get("/api/visits/stores?accountId=" + east.account()))).isEmpty();
        assertThat(items(eric.get("/api/visits/stores?accountId=" + east.account()))).hasSize(1);
        assertThat(sofia.post("/api/visits", Map.of("region", "EAST", "storeId", east.store().toString(),
                "type", "MAINTENANCE", "plannedDate", TODAY.toString(), "slot", "EVENING")).status()).isEqualTo(403);
    }

    @Test
    void aCoordinatorChangesNoSettingAndDecidesNothing() {
        String account = "/api/visits/accounts/" + east.account();
        assertThat(eric.put("/api/visits/standards/A/HYPERMARKET", Map.of("frequency", "MONTHLY"), null).status()).isEqualTo(403);
        assertThat(eric.delete("/api/visits/regions/EAST/coordinator").status()).isEqualTo(403);
        assertThat(eric.put(account + "/skus/96385074", Map.of("name", "x", "agreedRetailPrice", "1.00"), "*").status())
                .isEqualTo(403);
        assertThat(eric.delete(account + "/skus/96385074", "*").status()).isEqualTo(403);
        assertThat(eric.put(account + "/commitment-policy", Map.of("allowed", List.of("FREE_GOODS")), "*").status())
                .isEqualTo(403);
        assertThat(eric.post("/api/visits/commitments/" + commitment + "/approval", Map.of(), "\"0\"").status()).isEqualTo(403);
        assertThat(eric.post("/api/visits/commitments/" + commitment + "/rejection", Map.of("reason", "x"), "\"0\"").status())
                .isEqualTo(403);
        assertThat(eric.post("/api/visits/trips/" + trip + "/agreement", null, "\"0\"").status()).isEqualTo(403);
        assertThat(eric.post("/api/visits/trips/" + trip + "/return", Map.of("comment", "x"), "\"0\"").status()).isEqualTo(403);
        assertThat(nora.get("/api/visits/commitments/" + commitment).body().path("status").asString()).isEqualTo("FLAGGED");
        assertThat(nora.get("/api/visits/trips/" + trip).body().path("status").asString()).isEqualTo("PROPOSED");
        assertThat(nora.get("/api/visits/standards").body().valueStream().filter(s -> s.path("tier").asString().equals("A")
                && s.path("format").asString().equals("HYPERMARKET")).findFirst().orElseThrow().path("frequency").asString())
                .isEqualTo("WEEKLY");
    }

    @Test
    void aLoginWithoutARoleOrACoordinatorWithoutARegionIsRefused() {
        Api nobody = anonymous.as(TestTokens.token("guest", Set.of(), null));
        Api regionless = anonymous.as(TestTokens.token("rita", Set.of("regional-coordinator"), null));

        assertThat(nobody.get("/api/visits").status()).isEqualTo(403);
        assertThat(regionless.get("/api/visits").status()).isEqualTo(403);
        assertThat(regionless.get("/api/visits").text("code")).isEqualTo("region-missing");
        assertThat(regionless.get("/api/visits/" + east.visit()).status()).isEqualTo(403);
    }
}
