package io.kam.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import io.kam.accounts.AccountsApplication;
import io.kam.accounts.api.AccountEvents;
import io.kam.accounts.api.AccountRequests;
import io.kam.accounts.api.AccountScope;
import io.kam.accounts.api.Address;
import io.kam.accounts.api.RetailFormat;
import io.kam.platform.testing.Api;
import io.kam.platform.testing.RunningService;
import io.kam.platform.testing.TestTokens;
import io.kam.projection.ProjectionApplication;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway in front of the real accounts and projection services, each on its own database of the shared real
 * PostgreSQL and the shared real broker: routing, the request id, the relayed token, the OpenAPI documents and
 * unknown paths.
 */
class GatewayTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REQUEST_ID = "X-Request-Id";
    private static final String LOG_HEADERS = "spring.mvc.log-request-details";

    /**
     * The test JVM's classpath holds the services' persistence and Kafka libraries, which the gateway's own
     * classpath does not: they stay off in the gateway's context, as they are in production.
     */
    static final String NOT_ON_THE_GATEWAYS_CLASSPATH = String.join(",",
            "io.kam.platform.persistence.KamPersistenceAutoConfiguration",
            "io.kam.platform.outbox.KamOutboxAutoConfiguration",
            "io.kam.platform.consumer.KamConsumerAutoConfiguration",
            "io.micronaut.spring.boot.starter.MicronautImportRegistrar",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration");

    /** Beans of the services' infrastructure that must not exist in the gateway's context. */
    private static final List<String> NOT_IN_THE_GATEWAY = List.of("javax.sql.DataSource",
            "org.springframework.kafka.core.KafkaTemplate", "io.kam.platform.outbox.OutboxRelay");

    /** The routes of kam-gateway.properties, each with its default target unless its environment variable is set. */
    private static final Map<String, String> SERVICES = Map.of(
            "accounts", target("KAM_ACCOUNTS_URL", "http://localhost:8081"),
            "prospects", target("KAM_PROSPECTS_URL", "http://localhost:8082"),
            "visits", target("KAM_VISITS_URL", "http://localhost:8083"),
            "sell-through", target("KAM_SELLTHROUGH_URL", "http://localhost:8084"),
            "promotions", target("KAM_PROMOTIONS_URL", "http://localhost:8085"),
            "negotiations", target("KAM_NEGOTIATIONS_URL", "http://localhost:8086"),
            "reviews", target("KAM_PROJECTION_URL", "http://localhost:8088"));

    private static RunningService accounts;
    private static RunningService projection;
    private static RunningService gateway;
    private static ServiceLog serviceLog;
    private static RestClient client;
    private static Api api;
    private static String nora;

    @BeforeAll
    static void start() {
        // Every server logs the headers of each request it receives (see ServiceLog).
        accounts = RunningService.start(AccountsApplication.class, "gateway_accounts", Map.of(LOG_HEADERS, "true"));
        projection = RunningService.start(ProjectionApplication.class, "gateway_projection", Map.of(LOG_HEADERS, "true"));
        gateway = RunningService.start(GatewayApplication.class, "gateway_unused", Map.of(
                "kam.gateway.routes.accounts", accounts.baseUrl(),
                "kam.gateway.routes.reviews", projection.baseUrl(),
                "kam.gateway.routes.offline", "http://localhost:" + closedPort(),
                "spring.autoconfigure.exclude", NOT_ON_THE_GATEWAYS_CLASSPATH,
                "springdoc.swagger-ui.enabled", "true",
                LOG_HEADERS, "true"));
        serviceLog = ServiceLog.record();
        client = RestClient.builder().baseUrl(gateway.baseUrl()).build();
        nora = "Bearer " + TestTokens.nora();
        api = new Api(gateway.port()).as(TestTokens.nora());
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable each : new AutoCloseable[] {serviceLog, gateway, projection, accounts}) {
            if (each != null) {
                try {
                    each.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @Test
    void anAccountCreatedThroughTheGatewayShowsInItsBusinessReviewThroughTheGateway() {
        UUID account = openAccount(Map.of(HttpHeaders.AUTHORIZATION, nora));

        JsonNode review = await("review of " + account).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    var response = api.get("/api/reviews/" + account);
                    return response.status() == 200 ? response.body() : null;
                }, r -> r != null && r.path("eventsApplied").asLong() == 1);
        assertThat(review.path("header").path("name").asString()).startsWith("Lotus Gateway Markets");
        assertThat(api.get("/api/accounts/" + account).text("id")).isEqualTo(account.toString());
        assertThat(api.get("/api/accounts?size=200").status()).isEqualTo(200);
    }

    @Test
    void aValidRequestIdIsKeptAndIsTheOneTheServiceSawAndTheGatewayLogged() {
        String id = "caller-" + UUID.randomUUID();
        Exchange response = exchange(HttpMethod.GET, "/api/accounts?size=1",
                Map.of(REQUEST_ID, id, HttpHeaders.AUTHORIZATION, nora), null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().get(REQUEST_ID)).containsExactly(id);
        assertThat(requestIdsSeenBy(accounts, "/api/accounts")).contains(id);
        assertThat(requestIdsSeenBy(gateway, "/api/accounts")).contains(id);
    }

    @Test
    void aRequestWithoutAnIdGetsOneThatTheServiceSawToo() {
        Exchange response = exchange(HttpMethod.GET, "/api/reviews?size=1", Map.of(HttpHeaders.AUTHORIZATION, nora), null);

        assertThat(response.status()).isEqualTo(200);
        List<String> ids = response.headers().get(REQUEST_ID);
        assertThat(ids).hasSize(1);
        assertThat(ids.getFirst()).matches("[A-Za-z0-9._-]{1,64}");
        assertThat(requestIdsSeenBy(gateway, "/api/reviews")).contains(ids.getFirst());
        assertThat(requestIdsSeenBy(projection, "/api/reviews")).contains(ids.getFirst());
    }

    @Test
    void anInvalidRequestIdIsReplacedBeforeItReachesTheService() {
        for (String invalid : List.of("x".repeat(200), "has spaces in it")) {
            Exchange response = exchange(HttpMethod.GET, "/api/accounts?size=1",
                    Map.of(REQUEST_ID, invalid, HttpHeaders.AUTHORIZATION, nora), null);

            assertThat(response.status()).isEqualTo(200);
            List<String> ids = response.headers().get(REQUEST_ID);
            assertThat(ids).hasSize(1);
            assertThat(ids.getFirst()).isNotEqualTo(invalid).matches("[A-Za-z0-9._-]{1,64}");
            assertThat(requestIdsSeenBy(accounts, "/api/accounts")).contains(ids.getFirst());
            assertThat(serviceLog.receivedAt(gateway.port())).as("the gateway received the invalid id")
                    .anyMatch(l -> ServiceLog.hasHeader(l, REQUEST_ID, invalid));
            assertThat(serviceLog.receivedAt(accounts.port())).as("the invalid id reached no service")
                    .noneMatch(l -> ServiceLog.hasHeader(l, REQUEST_ID, invalid));
        }
    }

    @Test
    void theCallersTokenReachesTheServiceUnchanged() {
        // A token the accounts service verifies (signature, issuer, expiry): a token changed on the way fails.
        String authorization = "Bearer " + TestTokens.token("gateway-" + UUID.randomUUID().toString().substring(0, 8),
                java.util.Set.of("national-ka-manager"), null);
        String id = "auth-" + UUID.randomUUID();
        Exchange response = exchange(HttpMethod.GET, "/api/accounts?size=1",
                Map.of(HttpHeaders.AUTHORIZATION, authorization, REQUEST_ID, id), null);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<ServiceLog.Line> received = serviceLog.receivedAt(accounts.port()).stream()
                .filter(l -> ServiceLog.hasHeader(l, HttpHeaders.AUTHORIZATION, authorization)).toList();
        assertThat(received).as("requests the accounts service logged with that Authorization header").hasSize(1);
        assertThat(received.getFirst().requestId()).isEqualTo(id);
    }

    @Test
    void withoutAValidTokenTheGatewayRefusesBeforeAnyServiceHearsOfIt() {
        String id = "no-token-" + UUID.randomUUID();
        Exchange response = exchange(HttpMethod.GET, "/api/accounts?size=1", Map.of(REQUEST_ID, id), null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.headers().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        assertThat(response.headers().get(REQUEST_ID)).containsExactly(id);
        assertThat(requestIdsSeenBy(accounts, "/api/accounts")).doesNotContain(id);
        String otherAudience = "Bearer " + TestTokens.forAudience("nora", java.util.Set.of("national-ka-manager"), "account");
        assertThat(exchange(HttpMethod.GET, "/api/accounts?size=1", Map.of(HttpHeaders.AUTHORIZATION, otherAudience), null)
                .status()).as("a token of another client of the realm").isEqualTo(401);
        var unbound = new Api(gateway.port()).as(TestTokens.integration()).get("/api/accounts?size=1");
        assertThat(unbound.status()).isEqualTo(403);
        assertThat(unbound.text("code")).isEqualTo("retailer-required");
    }

    @Test
    void onlyHealthIsOpenTheActuatorsMetricsAreForOperators() {
        Api anonymous = new Api(gateway.port());
        for (String path : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(200);
        }
        for (String path : List.of("/actuator", "/actuator/metrics", "/actuator/metrics/jvm.memory.used", "/actuator/info")) {
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(401);
            for (String token : List.of(TestTokens.nora(), TestTokens.eric(), TestTokens.integrationFor(UUID.randomUUID()))) {
                var refused = anonymous.as(token).get(path);
                assertThat(refused.status()).as(path).isEqualTo(403);
                assertThat(refused.text("code")).isEqualTo("role-required");
            }
            assertThat(anonymous.as(TestTokens.operator()).get(path).status()).as(path).isEqualTo(200);
        }
        assertThat(scrape(null)).isEqualTo(401);
        assertThat(scrape("Bearer " + TestTokens.eric())).isEqualTo(403);
        assertThat(scrape("Bearer " + TestTokens.integrationFor(UUID.randomUUID()))).isEqualTo(403);
        assertThat(scrape("Bearer " + TestTokens.operator())).isEqualTo(200);
    }

    @Test
    void aServicesOperatorToolsAreReachedThroughTheGatewayByOperatorsOnly() {
        String path = "/ops/reviews/dead-letters";
        for (String token : List.of(TestTokens.nora(), TestTokens.eric(), TestTokens.integrationFor(UUID.randomUUID()))) {
            String id = "not-an-operator-" + UUID.randomUUID();
            Exchange refused = exchange(HttpMethod.POST, path + "/replay?topic=kam.accounts.v1",
                    Map.of(HttpHeaders.AUTHORIZATION, "Bearer " + token, REQUEST_ID, id), null);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body()).contains("role-required");
            assertThat(requestIdsSeenBy(projection, "/ops/dead-letters")).as("refused at the gateway").doesNotContain(id);
        }
        String anonymous = "anonymous-" + UUID.randomUUID();
        assertThat(exchange(HttpMethod.GET, path, Map.of(REQUEST_ID, anonymous), null).status()).isEqualTo(401);
        assertThat(requestIdsSeenBy(projection, "/ops/dead-letters")).doesNotContain(anonymous);

        Api operator = new Api(gateway.port()).as(TestTokens.operator());
        var withoutTopic = operator.get(path);
        assertThat(withoutTopic.status()).as("the projection's own answer").isEqualTo(400);
        assertThat(withoutTopic.fieldErrors()).singleElement().asString().startsWith("topic: is required")
                .contains(AccountEvents.TOPIC);
        var listing = operator.get(path + "?topic=" + AccountEvents.TOPIC);
        assertThat(listing.status()).isEqualTo(200);
        assertThat(listing.body().path("group").asString()).as("the one group that reads it").isEqualTo("projection");
        assertThat(listing.body().path("deadLetterTopic").asString()).isEqualTo(AccountEvents.TOPIC + ".dlt");
        assertThat(operator.get("/ops/nowhere/dead-letters").status()).as("no such service").isEqualTo(404);
    }

    @Test
    void theSwaggerUiAndTheDocumentsNeedAToken() {
        for (String path : List.of("/swagger-ui/index.html", "/swagger-ui.html", "/v3/api-docs", "/v3/api-docs/swagger-config",
                "/api-docs/accounts", "/api-docs/reviews")) {
            Exchange refused = exchange(HttpMethod.GET, path, Map.of(), null);
            assertThat(refused.status()).as(path).isEqualTo(401);
        }
    }

    /** What Prometheus gets when it scrapes the gateway with this Authorization header (or none). */
    private static int scrape(String authorization) {
        return client.get().uri("/actuator/prometheus").headers(h -> {
            if (authorization != null) {
                h.set(HttpHeaders.AUTHORIZATION, authorization);
            }
        }).accept(MediaType.TEXT_PLAIN).exchange((req, res) -> res.getStatusCode().value());
    }

    @Test
    void theGatewaysContextHoldsNoneOfTheServicesInfrastructure() {
        for (String type : NOT_IN_THE_GATEWAY) {
            if (org.springframework.util.ClassUtils.isPresent(type, null)) {
                Class<?> beanType = org.springframework.util.ClassUtils.resolveClassName(type, null);
                assertThat(gateway.context().getBeanNamesForType(beanType)).as(type).isEmpty();
            }
        }
    }

    @Test
    void theOpenApiDocumentsOfEveryServiceAreServedAndListedInTheSwaggerUi() {
        // The gateway and the services ask a token for the documents (kam-security), so the test sends one; the
        // Swagger UI is off by default (KAM_SWAGGER_UI) and on for this test.
        var accountsDoc = api.get("/api-docs/accounts");
        assertThat(accountsDoc.status()).isEqualTo(200);
        assertThat(accountsDoc.text("openapi")).startsWith("3.");
        assertThat(accountsDoc.body().path("paths").has("/api/accounts")).isTrue();

        var reviewsDoc = api.get("/api-docs/reviews");
        assertThat(reviewsDoc.status()).isEqualTo(200);
        assertThat(reviewsDoc.text("openapi")).startsWith("3.");
        assertThat(reviewsDoc.body().path("paths").has("/api/reviews/{accountId}")).isTrue();

        var swaggerConfig = api.get("/v3/api-docs/swagger-config");
        assertThat(swaggerConfig.status()).isEqualTo(200);
        assertThat(swaggerConfig.body().path("urls").valueStream()
                .map(u -> u.path("name").asString() + "=" + u.path("url").asString()).toList())
                .contains("accounts=/api-docs/accounts", "reviews=/api-docs/reviews");
        assertThat(exchange(HttpMethod.GET, "/swagger-ui/index.html", Map.of(HttpHeaders.AUTHORIZATION, nora), null).status())
                .isEqualTo(200);
        assertThat(api.get("/v3/api-docs").status()).isEqualTo(200);
    }

    @Test
    void everyServiceHasARouteByDefaultAndItsDocumentIsListedInTheSwaggerUi() {
        // kam-gateway.properties: the test overrides accounts and reviews (and adds offline); the others keep their
        // defaults, each from its environment variable.
        var routes = gateway.context().getBean(GatewayProperties.class).routes();
        assertThat(routes).containsKeys(SERVICES.keySet().toArray(String[]::new));
        SERVICES.forEach((name, fallback) -> {
            if (!List.of("accounts", "reviews").contains(name)) {
                assertThat(routes.get(name)).as(name).isEqualTo(URI.create(fallback));
            }
        });

        var swaggerConfig = api.get("/v3/api-docs/swagger-config");
        assertThat(swaggerConfig.status()).isEqualTo(200);
        assertThat(swaggerConfig.body().path("urls").valueStream()
                .map(u -> u.path("name").asString() + "=" + u.path("url").asString()).toList())
                .containsExactlyInAnyOrderElementsOf(SERVICES.keySet().stream().map(n -> n + "=/api-docs/" + n).toList());
    }

    @Test
    void anUnknownApiPathIsA404ProblemDetail() {
        for (String path : List.of("/api/nothing", "/api/nothing/at/all", "/api/accountsx")) {
            var response = api.get(path);

            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.headers().getContentType()).as(path).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.body().path("status").asInt()).isEqualTo(404);
            assertThat(response.headers().get(REQUEST_ID)).hasSize(1);
        }
    }

    @Test
    void aServiceThatIsNotRunningIsA502ProblemDetail() {
        var response = api.get("/api/offline/anything");

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.text("code")).isEqualTo("service-unreachable");
        assertThat(response.headers().get(REQUEST_ID)).hasSize(1);
    }

    @Test
    void theGatewaysHealthIsUp() {
        var health = api.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("UP");
    }

    /** The request ids with which the given server's DispatcherServlet logged a request whose path starts so. */
    private static List<String> requestIdsSeenBy(RunningService server, String path) {
        return serviceLog.receivedAt(server.port()).stream()
                .filter(l -> l.message().contains("\"" + path))
                .map(ServiceLog.Line::requestId).toList();
    }

    private static String target(String variable, String fallback) {
        return System.getenv().getOrDefault(variable, fallback);
    }

    /** A port nothing listens on: taken from the system and let go at once. */
    private static int closedPort() {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static UUID openAccount(Map<String, String> headers) {
        var request = new AccountRequests.OpenAccount("Lotus Gateway Markets " + UUID.randomUUID().toString().substring(0, 8),
                "Lotus", RetailFormat.HYPERMARKET, "Domestic private",
                new Address("1 Nanjing Road", "Shanghai", "Shanghai", "200001"), AccountScope.NATIONAL, null, "nora", null, null);
        Exchange created = exchange(HttpMethod.POST, "/api/accounts", headers, JSON.writeValueAsString(request));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return UUID.fromString(JSON.readTree(created.body()).path("id").asString());
    }

    private record Exchange(int status, HttpHeaders headers, String body) {
    }

    private static Exchange exchange(HttpMethod method, String path, Map<String, String> headers, String body) {
        var request = client.method(method).uri(path).headers(h -> headers.forEach(h::set))
                .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON, MediaType.TEXT_HTML);
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, res) -> new Exchange(res.getStatusCode().value(), res.getHeaders(),
                new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
    }
}
