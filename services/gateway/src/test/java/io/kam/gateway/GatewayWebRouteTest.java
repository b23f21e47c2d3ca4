package io.kam.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.kam.platform.testing.RunningService;

/**
 * The web app's route: every path but the API's and the gateway's own goes to the web app (here a plain HTTP server
 * in its place, recording what it receives), with the address the browser used in X-Forwarded-* headers, replacing
 * whatever the caller claimed.
 */
class GatewayWebRouteTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<Map<String, List<String>>> RECEIVED = new CopyOnWriteArrayList<>();
    private static final List<String> PATHS = new CopyOnWriteArrayList<>();
    private static final List<String> BODIES = new CopyOnWriteArrayList<>();

    private static HttpServer webApp;
    private static RunningService gateway;

    @BeforeAll
    static void start() throws IOException {
        webApp = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        webApp.createContext("/", exchange -> {
            PATHS.add(exchange.getRequestURI().toString());
            BODIES.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            RECEIVED.add(Map.copyOf(exchange.getRequestHeaders()));
            byte[] page = "<html>page</html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        webApp.start();
        gateway = RunningService.start(GatewayApplication.class, "gateway_unused", Map.of(
                "kam.gateway.web", "http://localhost:" + webApp.getAddress().getPort(),
                "spring.autoconfigure.exclude", GatewayTest.NOT_ON_THE_GATEWAYS_CLASSPATH));
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (webApp != null) {
            webApp.stop(0);
        }
    }

    @Test
    void pagesGoToTheWebAppWithTheAddressTheBrowserUsed() throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/accounts/1?year=2026"))
                .header("X-Forwarded-Host", "evil.example").header("Forwarded", "host=evil.example").GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).isEqualTo("<html>page</html>");
        assertThat(PATHS).contains("/accounts/1?year=2026");
        Map<String, List<String>> headers = RECEIVED.get(PATHS.indexOf("/accounts/1?year=2026"));
        assertThat(headers.get("X-forwarded-host")).containsExactly("localhost:" + gateway.port());
        assertThat(headers.get("X-forwarded-port")).containsExactly(String.valueOf(gateway.port()));
        assertThat(headers.get("X-forwarded-proto")).containsExactly("http");
        assertThat(headers).doesNotContainKey("Forwarded");
    }

    @Test
    void aFormReachesTheWebAppWhole() throws Exception {
        HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/forms/one"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=abc&version=3&comment=too+high")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(BODIES.get(PATHS.indexOf("/forms/one"))).isEqualTo("_csrf=abc&version=3&comment=too+high");
    }

    @Test
    void theApiAndTheGatewaysOwnPathsStayTheGateways() throws Exception {
        for (String path : List.of("/api/accounts", "/api/nothing", "/actuator/health", "/swagger-ui.html",
                "/v3/api-docs", "/ops/accounts/dead-letters", "/ops/nowhere")) {
            HTTP.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        assertThat(PATHS).noneMatch(p -> p.startsWith("/api") || p.startsWith("/actuator") || p.startsWith("/ops")
                || p.startsWith("/swagger-ui") || p.startsWith("/v3/api-docs"));
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + "/actuator/health")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }
}
