package io.kam.sellthrough;

import static io.kam.sellthrough.Rows.HEADER;
import static io.kam.sellthrough.Rows.gtin;
import static io.kam.sellthrough.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.kam.accounts.api.Region;
import io.kam.platform.testing.Api;
import io.kam.platform.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Pull connectors against a retailer's endpoint served in the test (the JDK's HTTP server) and against a drop folder:
 * rows since the cursor become batches checked like a push, the cursor moves with each, failures are retried with a
 * doubling back-off.
 */
class ConnectorTest extends ServiceTest {

    @Autowired
    SellThroughProperties properties;

    private HttpServer retailer;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final Map<String, Answer> answers = new HashMap<>();

    private record Request(String query, String authorization, long nanos) {
    }

    private record Answer(String contentType, String encoding, String nextCursor, byte[] body) {
    }

    @BeforeEach
    void startTheRetailersEndpoint() throws IOException {
        retailer = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        retailer.createContext("/pos/daily", this::serve);
        retailer.start();
    }

    @AfterEach
    void stopIt() {
        retailer.stop(0);
    }

    private void serve(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        requests.add(new Request(query, exchange.getRequestHeaders().getFirst("Authorization"), System.nanoTime()));
        if (failuresLeft.getAndDecrement() > 0) {
            respond(exchange, 503, null, null, null, "down for maintenance".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String raw = exchange.getRequestURI().getRawQuery();
        Answer answer = answers.get(raw == null ? "" : raw);
        if (answer == null) {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
        }
        respond(exchange, 200, answer.contentType(), answer.encoding(), answer.nextCursor(), answer.body());
    }

    private static void respond(HttpExchange exchange, int status, String type, String encoding, String cursor, byte[] body)
            throws IOException {
        if (type != null) {
            exchange.getResponseHeaders().add("Content-Type", type);
        }
        if (encoding != null) {
            exchange.getResponseHeaders().add("Content-Encoding", encoding);
        }
        if (cursor != null) {
            exchange.getResponseHeaders().add("X-Next-Cursor", cursor);
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Test
    void anHttpConnectorPullsSinceItsCursorAndRetriesWithADoublingBackOff() {
        UUID account = retailers.open(Region.EAST, "S1", "上海浦东店");
        failuresLeft.set(2);
        answers.put("", new Answer("text/csv; charset=GBK", null, "2026-03-14T23:59:59Z",
                (HEADER + row("上海浦东店", 1, "2026-03-14", 5, "50.00", 9) + row("S9", 1, "2026-03-14", 1, "1.00", null))
                        .getBytes(Charset.forName("GBK"))));
        answers.put("since=2026-03-14T23%3A59%3A59Z", new Answer("application/x-ndjson", "gzip", "2026-03-15T23:59:59Z",
                Uploads.gzip("{\"store\":\"S1\",\"gtin\":\"" + gtin(2) + "\",\"date\":\"2026-03-15\",\"units\":3,\"sales\":\"6.00\",\"currency\":\"CNY\"}\n",
                        StandardCharsets.UTF_8)));

        var configured = api.put("/api/sell-through/accounts/" + account + "/connector", Map.of("kind", "HTTP",
                "url", "http://localhost:" + retailer.getAddress().getPort() + "/pos/daily", "format", "CSV",
                "everySeconds", 3600, "authorization", "Bearer retailer-secret", "enabled", true), "*");
        // A new cursor makes the connector ask again at once: the fifth request finds nothing new and leaves the
        // next pull an interval away. Waiting for the second pull alone raced with that fifth request.
        JsonNode connector = awaitConnector(account, c -> c.path("pulls").asLong() == 2 && c.path("lastPullAt").isString()
                && c.path("nextPullAt").asString().compareTo(c.path("lastPullAt").asString()) > 0 && requests.size() == 5);

        assertThat(configured.status()).isEqualTo(200);
        assertThat(configured.text("authorizationSet")).isEqualTo("true");
        assertThat(configured.body().toString()).doesNotContain("retailer-secret");
        assertThat(connector.path("cursor").asString()).isEqualTo("2026-03-15T23:59:59Z");
        assertThat(connector.path("failures").asInt()).isZero();
        assertThat(connector.path("lastError").isNull()).isTrue();
        assertThat(connector.path("lastFailure").asString()).as("the reason of the last failure stays, the body does not")
                .isEqualTo("the source answered HTTP 503");
        assertThat(connector.path("lastFailureAt").asString()).isLessThan(connector.path("lastPullAt").asString());
        assertThat(requests).extracting(Request::query).containsExactly(null, null, null,
                "since=2026-03-14T23:59:59Z", "since=2026-03-15T23:59:59Z");
        assertThat(requests).extracting(Request::authorization).containsOnly("Bearer retailer-secret");
        long firstWait = requests.get(1).nanos() - requests.get(0).nanos();
        long secondWait = requests.get(2).nanos() - requests.get(1).nanos();
        assertThat(Duration.ofNanos(firstWait)).isGreaterThanOrEqualTo(properties.connectors().firstRetry());
        assertThat(Duration.ofNanos(secondWait)).isGreaterThanOrEqualTo(properties.connectors().firstRetry().multipliedBy(2));
        String id = connector.path("id").asString();
        var first = api.get("/api/sell-through/batches/pull-" + id + "-1").body();
        assertThat(first.path("source").asString()).isEqualTo("PULL");
        assertThat(first.path("connectorId").asString()).isEqualTo(id);
        assertThat(first.path("charset").asString()).isEqualTo("GBK");
        assertThat(first.path("accepted").asLong()).isEqualTo(1);
        assertThat(first.at("/firstRejections/0/reason").asString()).isEqualTo("is not a store of this account");
        assertThat(api.get("/api/sell-through/batches/pull-" + id + "-2").body().path("format").asString()).isEqualTo("NDJSON");
        assertThat(figures(account)).containsValues("5 50.00 9", "3 6.00 null");
    }

    @Test
    void aFailingSourceIsNamedByItsStatusOnlyAndAnEmptyPullAfterwardsKeepsTheReason() {
        UUID account = retailers.open(Region.EAST, "S1");
        AtomicInteger errors = new AtomicInteger(2);
        retailer.createContext("/pos/internal", exchange -> {
            if (errors.getAndDecrement() > 0) {
                respond(exchange, 500, "text/plain", null, null,
                        "java.sql.SQLException: password authentication failed for user admin".getBytes(StandardCharsets.UTF_8));
            } else {
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            }
        });

        api.put("/api/sell-through/accounts/" + account + "/connector", Map.of("kind", "HTTP", "url",
                "http://localhost:" + retailer.getAddress().getPort() + "/pos/internal", "format", "CSV",
                "everySeconds", 3600, "enabled", true), "*");
        JsonNode failing = awaitConnector(account, c -> c.path("failures").asInt() == 2);
        JsonNode idle = awaitConnector(account, c -> c.path("failures").asInt() == 0 && c.path("lastPullAt").isString());

        assertThat(failing.path("lastError").asString()).isEqualTo("the source answered HTTP 500");
        assertThat(idle.path("lastError").isNull()).isTrue();
        assertThat(idle.path("lastFailure").asString()).isEqualTo("the source answered HTTP 500");
        assertThat(idle.path("lastFailureAt").asString()).isEqualTo(failing.path("lastFailureAt").asString());
        assertThat(failing.toString() + idle).doesNotContain("password", "SQLException");
    }

    @Test
    void aRedirectIsNotFollowed() {
        UUID account = retailers.open(Region.EAST, "S1");
        retailer.createContext("/pos/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://localhost:" + retailer.getAddress().getPort() + "/pos/daily");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });

        api.put("/api/sell-through/accounts/" + account + "/connector", Map.of("kind", "HTTP", "url",
                "http://localhost:" + retailer.getAddress().getPort() + "/pos/moved", "format", "CSV",
                "everySeconds", 3600, "enabled", true), "*");
        JsonNode connector = awaitConnector(account, c -> c.path("failures").asInt() >= 1);

        assertThat(connector.path("lastError").asString())
                .isEqualTo("the source answered HTTP 302 (a redirect, which connectors do not follow)");
        assertThat(requests).as("the redirect's target").isEmpty();
    }

    @Test
    void anUnreachableSourceIsNamedWithoutTheExceptionsText() throws IOException {
        UUID account = retailers.open(Region.EAST, "S1");
        int closedPort;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        api.put("/api/sell-through/accounts/" + account + "/connector", Map.of("kind", "HTTP", "url",
                "http://localhost:" + closedPort + "/pos/daily", "format", "CSV", "everySeconds", 3600, "enabled", true), "*");
        JsonNode connector = awaitConnector(account, c -> c.path("failures").asInt() >= 1);

        assertThat(connector.path("lastError").asString()).isEqualTo("could not reach localhost: the connection was refused");
        assertThat(connector.path("lastFailure").asString()).isEqualTo("could not reach localhost: the connection was refused");
    }

    @Test
    void aFolderConnectorTakesSettledFilesInNameOrderAndNothingTwice() throws IOException {
        UUID account = retailers.open(Region.EAST, "S1");
        Path folder = properties.connectors().dropRoot().resolve("yangtze-" + account);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("20260313.csv"), HEADER + row("S1", 1, "2026-03-13", 1, "1.00", null));
        Files.write(folder.resolve("20260314.ndjson.gz"), Uploads.gzip("{\"store\":\"S1\",\"gtin\":\"" + gtin(1)
                + "\",\"date\":\"2026-03-14\",\"units\":2,\"sales\":2,\"currency\":\"CNY\"}\n", StandardCharsets.UTF_8));
        Files.writeString(folder.resolve("20260315.csv.part"), HEADER + row("S1", 1, "2026-03-15", 9, "9.00", null));

        api.put("/api/sell-through/accounts/" + account + "/connector", Map.of("kind", "FOLDER", "folder",
                "yangtze-" + account, "format", "CSV", "everySeconds", 3600, "enabled", true), "*");
        awaitConnector(account, c -> "20260314.ndjson.gz".equals(c.path("cursor").asString()));
        Files.writeString(folder.resolve("20260315.csv"), HEADER + row("S1", 1, "2026-03-15", 3, "3.00", null));
        var asked = api.post("/api/sell-through/accounts/" + account + "/connector/pull", null);
        JsonNode connector = awaitConnector(account, c -> "20260315.csv".equals(c.path("cursor").asString()));

        assertThat(asked.status()).isEqualTo(202);
        assertThat(connector.path("pulls").asLong()).isEqualTo(3);
        assertThat(figures(account)).containsOnlyKeys("S1 0" + gtin(1) + " 2026-03-13", "S1 0" + gtin(1) + " 2026-03-14",
                "S1 0" + gtin(1) + " 2026-03-15");
        assertThat(figures(account).get("S1 0" + gtin(1) + " 2026-03-15")).isEqualTo("3 3.00 null");
    }

    @Test
    void aStrictPullThatIsRejectedKeepsNothingMovesOnAndSaysWhy() throws IOException {
        UUID account = retailers.open(Region.EAST, "S1");
        Path folder = properties.connectors().dropRoot().resolve("strict-" + account);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("20260314.csv"), HEADER + row("S1", 1, "2026-03-14", 1, "1.00", null)
                + row("S9", 1, "2026-03-14", 1, "1.00", null));

        api.put("/api/sell-through/accounts/" + account + "/connector", Map.of("kind", "FOLDER", "folder",
                "strict-" + account, "format", "CSV", "mode", "STRICT", "everySeconds", 3600, "enabled", true), "*");
        JsonNode connector = awaitConnector(account, c -> "20260314.csv".equals(c.path("cursor").asString()));

        assertThat(connector.path("lastError").asString()).isEqualTo("batch " + connector.path("lastBatchId").asString()
                + " was rejected (strict mode); see its report");
        assertThat(api.get("/api/sell-through/batches/" + connector.path("lastBatchId").asString()).body()
                .path("status").asString()).isEqualTo("REJECTED");
        assertThat(figures(account)).isEmpty();
    }

    @Test
    void onlyManagersConfigureConnectorsAndEveryConfigurationIsChecked() {
        UUID account = retailers.open(Region.EAST, "S1");
        String path = "/api/sell-through/accounts/" + account + "/connector";
        Map<String, Object> http = Map.of("kind", "HTTP", "url", "https://pos.example.com/daily", "format", "CSV",
                "everySeconds", 3600, "enabled", false);

        assertThat(new Api(port).as(TestTokens.integrationForAllAccounts()).put(path, http, "*").status()).isEqualTo(403);
        assertThat(new Api(port).as(TestTokens.eric()).get(path).status()).isEqualTo(403);
        assertThat(api.get(path).status()).isEqualTo(404);
        assertThat(api.put(path, Map.of("kind", "HTTP", "format", "CSV", "everySeconds", 60, "enabled", true), "*")
                .fieldErrors()).containsExactly("url: an HTTP connector needs a url and no folder");
        assertThat(api.put(path, Map.of("kind", "HTTP", "url", "ftp://pos.example.com/x", "format", "CSV",
                "everySeconds", 60, "enabled", true), "*").fieldErrors()).containsExactly("url: must be an absolute http or https URL");
        assertThat(api.put(path, Map.of("kind", "FOLDER", "folder", "../etc", "format", "CSV", "everySeconds", 60,
                "enabled", true), "*").status()).isEqualTo(400);
        assertThat(api.put(path, Map.of("kind", "FOLDER", "folder", "a", "format", "CSV", "charset", "latin1",
                "everySeconds", 60, "enabled", true), "*").fieldErrors()).containsExactly("charset: must be UTF-8, GBK or GB18030");
        var created = api.put(path, http, "*");
        assertThat(created.status()).isEqualTo(200);
        assertThat(api.put(path, http, "\"0\"").status()).isEqualTo(412);
        assertThat(api.delete(path, created.etag()).status()).isEqualTo(204);
    }

    private JsonNode awaitConnector(UUID account, java.util.function.Predicate<JsonNode> condition) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/api/sell-through/accounts/" + account + "/connector").body(), condition);
    }
}
