package io.kam.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.kam.platform.testing.Api;
import io.kam.platform.testing.TestTokens;

/** A service whose Keycloak does not answer says so with a 503, not a 500, and stays healthy. */
@SpringBootTest(classes = SecurityTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdentityProviderUnavailableTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void anIssuerNobodyAnswersFor(DynamicPropertyRegistry registry) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        int unreachable = closedPort;
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri",
                () -> "http://localhost:" + unreachable + "/realms/kam");
    }

    @Test
    void answersServiceUnavailableWhileKeycloakCannotBeReached() {
        var response = new Api(port).as(TestTokens.nora()).get("/api/whoami");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.text("code")).isEqualTo("identity-provider-unavailable");
        assertThat(response.headers().getFirst("Retry-After")).isEqualTo("5");
        assertThat(new Api(port).get("/actuator/health").status()).isEqualTo(200);
    }
}
