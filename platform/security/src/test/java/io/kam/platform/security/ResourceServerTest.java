package io.kam.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.kam.platform.testing.Api;
import io.kam.platform.testing.TestTokens;

/** Every rule of the resource server, with tokens shaped like Keycloak's and signed locally. */
@SpringBootTest(classes = SecurityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResourceServerTest {

    @LocalServerPort
    int port;

    private Api anonymous;

    @DynamicPropertySource
    static void trustTestTokens(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.ISSUER);
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", TestTokens::publicKeyLocation);
        registry.add("kam.security.restricted[0].paths", () -> "/api/terms/**,/api/terms");
        registry.add("kam.security.restricted[0].roles", () -> "national-ka-manager");
    }

    @BeforeEach
    void client() {
        anonymous = new Api(port);
    }

    @Test
    void healthIsTheOnlyThingOpenWithoutAToken() {
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);

        var refused = anonymous.get("/api/whoami");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.headers().getFirst("WWW-Authenticate")).startsWith("Bearer");
        assertThat(refused.headers().getContentType()).hasToString("application/problem+json");
        assertThat(refused.text("code")).isEqualTo("unauthenticated");
        assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/metrics").status()).isEqualTo(401);
    }

    @Test
    void tokensThatAreExpiredForeignOrForgedAreRefused() {
        Set<String> manager = Set.of("national-ka-manager");

        assertThat(anonymous.as(TestTokens.expired("nora", manager)).get("/api/whoami").status()).isEqualTo(401);
        assertThat(anonymous.as(TestTokens.signedByAStranger("nora", manager)).get("/api/whoami").status()).isEqualTo(401);
        assertThat(anonymous.as(TestTokens.fromAnotherIssuer("nora", manager)).get("/api/whoami").status()).isEqualTo(401);
        assertThat(anonymous.as("not-a-jwt").get("/api/whoami").status()).isEqualTo(401);
    }

    @Test
    void aKeptTokenDoesNotLetItsForgeriesOrItsRefusalsThrough() {
        Set<String> manager = Set.of("national-ka-manager");
        String nora = TestTokens.nora();
        String otherAudience = TestTokens.forAudience("nora", manager, "account", "other-api");
        String unbound = TestTokens.integration();

        for (int request = 0; request < 3; request++) {
            assertThat(anonymous.as(nora).get("/api/whoami").text("name")).isEqualTo("nora");
            assertThat(anonymous.as(VerifiedTokenCacheTest.asAnotherUser(nora, "nora", "nate")).get("/api/whoami").status())
                    .as("nora's kept token with another name and her signature").isEqualTo(401);
            assertThat(anonymous.as(otherAudience).get("/api/whoami").status()).isEqualTo(401);
            assertThat(anonymous.as(TestTokens.expired("nora", manager)).get("/api/whoami").status()).isEqualTo(401);
            assertThat(anonymous.as(TestTokens.signedByAStranger("nora", manager)).get("/api/whoami").status()).isEqualTo(401);
            var refused = anonymous.as(unbound).get("/api/whoami");
            assertThat(refused.status()).as("a kept token of an unbound integration").isEqualTo(403);
            assertThat(refused.text("code")).isEqualTo("retailer-required");
        }
    }

    @Test
    void tokensOfTheRealmIssuedForAnotherAudienceOrForNoneAreRefused() {
        Set<String> manager = Set.of("national-ka-manager");

        var otherClient = anonymous.as(TestTokens.forAudience("nora", manager, "account", "other-api")).get("/api/whoami");
        assertThat(otherClient.status()).as("a token of another client of the realm").isEqualTo(401);
        assertThat(otherClient.text("code")).isEqualTo("unauthenticated");
        assertThat(anonymous.as(TestTokens.withoutAudience("nora", manager)).get("/api/whoami").status()).isEqualTo(401);
        assertThat(anonymous.as(TestTokens.forAudience("nora", manager, "account", TestTokens.AUDIENCE))
                .get("/api/whoami").status()).as("the API among other audiences").isEqualTo(200);
    }

    @Test
    void onlyHealthOfTheActuatorIsOpenTheRestNeedsTheOperatorRole() throws Exception {
        assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
        for (String path : new String[] {"/actuator", "/actuator/metrics", "/actuator/metrics/jvm.memory.used",
                "/actuator/prometheus", "/actuator/info"}) {
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(401);
            for (String token : new String[] {TestTokens.nora(), TestTokens.eric(),
                    TestTokens.integrationFor(java.util.UUID.randomUUID()), TestTokens.integrationForAllAccounts()}) {
                var refused = anonymous.as(token).get(path);
                assertThat(refused.status()).as(path).isEqualTo(403);
                assertThat(refused.text("code")).isEqualTo("role-required");
            }
        }
        assertThat(anonymous.as(TestTokens.operator()).get("/actuator/metrics").status()).isEqualTo(200);
        assertThat(scrape(TestTokens.operator())).isEqualTo(200);
        assertThat(scrape(TestTokens.nora())).isEqualTo(403);
        assertThat(scrape(null)).isEqualTo(401);
        assertThat(anonymous.as(TestTokens.operator()).get("/actuator/health").status()).isEqualTo(200);
    }

    /** What Prometheus gets when it scrapes with this token: the exposition format, not JSON. */
    private int scrape(String token) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .header("Accept", "text/plain");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            return http.send(request.build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    @Test
    void anIntegrationBoundToNoRetailerGetsNothing() {
        var unbound = anonymous.as(TestTokens.integration());

        for (var refused : java.util.List.of(unbound.get("/api/whoami"), unbound.post("/api/terms", java.util.Map.of("name", "x")),
                unbound.post("/api/plans/approval", ""))) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.text("code")).isEqualTo("retailer-required");
            assertThat(refused.text("type")).isEqualTo("https://kam-platform.io/problems/retailer-required");
        }
        assertThat(unbound.get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void anIntegrationBoundToARetailerOrGrantedAllAccountsIsLetIn() {
        java.util.UUID retailer = java.util.UUID.randomUUID();

        var bound = anonymous.as(TestTokens.integrationFor(retailer)).get("/api/whoami");
        assertThat(bound.status()).isEqualTo(200);
        assertThat(bound.text("retailer")).isEqualTo(retailer.toString());
        assertThat(anonymous.as(TestTokens.integrationForAllAccounts()).get("/api/whoami").status()).isEqualTo(200);
        var odd = anonymous.as(TestTokens.token("service-account-kam-integration", Set.of("integration"), null)).get("/api/whoami");
        assertThat(odd.text("code")).isEqualTo("retailer-required");
    }

    @Test
    void theActorCarriesUserNameRealmRolesAndRegion() {
        var eric = anonymous.as(TestTokens.eric()).get("/api/whoami");
        var nora = anonymous.as(TestTokens.nora()).get("/api/whoami");

        assertThat(eric.status()).isEqualTo(200);
        assertThat(eric.text("name")).isEqualTo("eric");
        assertThat(eric.body().path("roles").valueStream().map(r -> r.asString())).containsExactly("regional-coordinator");
        assertThat(eric.text("region")).isEqualTo("EAST");
        assertThat(nora.text("name")).isEqualTo("nora");
        assertThat(nora.body().path("region").isNull()).isTrue();
    }

    @Test
    void aMissingRoleIsAForbiddenProblem() {
        var refused = anonymous.as(TestTokens.eric()).post("/api/plans/approval", "");
        var approved = anonymous.as(TestTokens.nora()).post("/api/plans/approval", "");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("code")).isEqualTo("role-required");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.text("approvedBy")).isEqualTo("nora");
    }

    @Test
    void aPathRestrictedToARoleRefusesOthersBeforeReadingTheirRequest() {
        var invalidFromACoordinator = anonymous.as(TestTokens.eric()).post("/api/terms", java.util.Map.of("name", ""));
        var invalidFromAManager = anonymous.as(TestTokens.nora()).post("/api/terms", java.util.Map.of("name", ""));
        var validFromAManager = anonymous.as(TestTokens.nora()).post("/api/terms", java.util.Map.of("name", "bonus"));

        assertThat(invalidFromACoordinator.status()).as("no word on the body to a caller without the role")
                .isEqualTo(403);
        assertThat(invalidFromACoordinator.text("code")).isEqualTo("role-required");
        assertThat(invalidFromAManager.status()).isEqualTo(400);
        assertThat(validFromAManager.status()).isEqualTo(200);
        assertThat(validFromAManager.text("name")).isEqualTo("bonus");
        assertThat(anonymous.post("/api/terms", java.util.Map.of("name", "bonus")).status()).isEqualTo(401);
    }
}
