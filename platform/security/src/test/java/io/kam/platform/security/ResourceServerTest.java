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
