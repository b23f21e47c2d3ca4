package io.kam.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.kam.platform.keycloak.KeycloakServer;

/**
 * The web app on its own against the real Keycloak: pages need a login, which goes to the realm's kam-web client
 * with PKCE S256; health and the browser libraries (webjars) answer without one. (The pages themselves, logged in,
 * are driven in a real browser by services/system-tests' WebAppBrowserTest.)
 */
class WebAppLoginTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static KeycloakServer keycloak;
    private static ConfigurableApplicationContext web;
    private static String base;

    @BeforeAll
    static void start() {
        keycloak = KeycloakServer.shared();
        web = new SpringApplicationBuilder(WebApplication.class).run("--server.port=0",
                "--spring.security.oauth2.client.provider.keycloak.issuer-uri=" + keycloak.issuerUri());
        base = "http://localhost:" + web.getEnvironment().getRequiredProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        if (web != null) {
            web.close();
        }
    }

    @Test
    void aPageSendsTheBrowserToKeycloakWithPkce() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(302);
        String login = page.headers().firstValue("Location").orElseThrow();
        assertThat(login).endsWith("/oauth2/authorization/keycloak");

        HttpResponse<String> authorize = get("/oauth2/authorization/keycloak");
        assertThat(authorize.statusCode()).isEqualTo(302);
        String keycloakLogin = authorize.headers().firstValue("Location").orElseThrow();
        assertThat(keycloakLogin).startsWith(keycloak.issuerUri() + "/protocol/openid-connect/auth?")
                .contains("client_id=kam-web", "code_challenge=", "code_challenge_method=S256",
                        "redirect_uri=" + base + "/login/oauth2/code/keycloak")
                .doesNotContain("client_secret");
    }

    @Test
    void healthAndTheBrowserLibrariesNeedNoLogin() throws Exception {
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get("/webjars/htmx.org/dist/htmx.min.js").statusCode()).isEqualTo(200);
        assertThat(get("/webjars/echarts/dist/echarts.min.js").statusCode()).isEqualTo(200);
        assertThat(get("/js/charts.js").statusCode()).isEqualTo(200);
        assertThat(get("/accounts/00000000-0000-0000-0000-000000000001").statusCode()).as("a page").isEqualTo(302);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
