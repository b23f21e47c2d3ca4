package io.kam.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.kam.platform.testing.TestTokens;

/**
 * Form posts through the gateway: the service gets the caller's body byte for byte (url-encoded or multipart, with
 * the caller's Content-Length or chunked without one) and the caller's query string exactly as written, nothing of
 * the body moved into the query and nothing of the query into the body. Both the web app's route (pages, no token at
 * the gateway) and an API route (with a token) are checked. The service is a real HTTP server (the JDK's) that
 * records what arrived; the gateway is the real application on a real port.
 */
class GatewayFormBodyTest {

    private static final String AUTHORIZATION = "Bearer " + TestTokens.integrationFor(UUID.randomUUID());
    private static final String FORM = "application/x-www-form-urlencoded";

    private static Upstream upstream;
    private static ConfigurableApplicationContext gateway;
    private static HttpClient client;
    private static String gatewayUrl;

    @BeforeAll
    static void start() throws IOException {
        upstream = Upstream.start();
        gateway = new SpringApplicationBuilder(GatewayApplication.class).run(
                "--server.port=0",
                "--kam.gateway.routes.visits=" + upstream.baseUrl(),
                "--kam.gateway.web=" + upstream.baseUrl(),
                "--spring.autoconfigure.exclude=" + GatewayTest.NOT_ON_THE_GATEWAYS_CLASSPATH,
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestTokens.ISSUER,
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + TestTokens.publicKeyLocation());
        gatewayUrl = "http://localhost:" + gateway.getEnvironment().getRequiredProperty("local.server.port");
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (upstream != null) {
            upstream.close();
        }
    }

    @Test
    void aPagesFormPostWithAQueryReachesTheWebAppAsSentWithItsLength() throws Exception {
        // As a plan page sends it: the version read in the address, the CSRF token and the comment in the body.
        String body = "_csrf=abc-123&comment=Too+high+for+%E5%8D%8E%E4%B8%9C%2C+please%21&version=9";
        Received received = post("/accounts/42/plans/2026/versions/1/return?version=0", FORM, bytes(body), true,
                false);

        assertThat(received.body()).isEqualTo(bytes(body));
        assertThat(received.rawQuery()).isEqualTo("version=0");
        assertThat(received.contentLength()).isEqualTo(String.valueOf(bytes(body).length));
        assertThat(received.transferEncoding()).isNull();
        assertThat(received.contentType()).isEqualTo(FORM);
    }

    @Test
    void aChunkedFormPostArrivesChunkedAndWhole() throws Exception {
        String body = "a=1&a=2&note=%20spaces%20stay%20percent-encoded%20&empty=&flag";
        Received received = post("/day/visits/7/log?version=3", FORM, bytes(body), false, false);

        assertThat(received.body()).isEqualTo(bytes(body));
        assertThat(received.rawQuery()).isEqualTo("version=3");
        assertThat(received.contentLength()).isNull();
        assertThat(received.transferEncoding()).isEqualToIgnoringCase("chunked");
    }

    @Test
    void aFormPostWithoutAQueryGetsNoQuery() throws Exception {
        String body = "_csrf=abc&lang=zh-CN";
        Received received = post("/language", FORM + "; charset=UTF-8", bytes(body), true, false);

        assertThat(received.body()).isEqualTo(bytes(body));
        assertThat(received.rawQuery()).isNull();
    }

    @Test
    void theQueryGoesOnAsTheCallerWroteIt() throws Exception {
        // Written otherwise than Spring would write it again: '+' and "%20", a literal '*', an encoded '&'.
        String query = "q=a+b%20c&star=*&amp=x%26y&zh=%E4%B8%AD&bare";
        Received received = post("/search?" + query, FORM, bytes("q=body"), true, false);

        assertThat(received.rawQuery()).isEqualTo(query);
        assertThat(received.body()).isEqualTo(bytes("q=body"));
    }

    @Test
    void aPutFormBodyIsNotParsedEither() throws Exception {
        String body = "status=DONE&note=%E5%AE%8C%E6%88%90";
        Received received = send("/day/visits/7?version=1", "PUT", FORM, bytes(body), true, false);

        assertThat(received.method()).isEqualTo("PUT");
        assertThat(received.body()).isEqualTo(bytes(body));
        assertThat(received.rawQuery()).isEqualTo("version=1");
    }

    @Test
    void aMultipartPhotoArrivesByteForByteWithLengthOrChunked() throws Exception {
        String boundary = "----kam" + UUID.randomUUID();
        byte[] photo = new byte[300_000];
        new java.util.SplittableRandom(7).nextBytes(photo);
        byte[] body = multipart(boundary, photo);
        String type = "multipart/form-data; boundary=" + boundary;

        for (boolean withLength : new boolean[] {true, false}) {
            Received received = post("/day/visits/7/photos?version=2", type, body, withLength, false);

            assertThat(received.body()).as("with length " + withLength).isEqualTo(body);
            assertThat(received.rawQuery()).isEqualTo("version=2");
            assertThat(received.contentType()).isEqualTo(type);
            assertThat(received.contentLength()).isEqualTo(withLength ? String.valueOf(body.length) : null);
        }
    }

    @Test
    void anApiRoutesFormAndMultipartBodiesArriveAsSentToo() throws Exception {
        String form = "comment=%E9%80%80%E5%9B%9E&version=5";
        Received formed = post("/api/visits/v/log?version=4", FORM, bytes(form), true, true);
        String boundary = "----kam" + UUID.randomUUID();
        byte[] body = multipart(boundary, "\u00ffJPEG?".getBytes(StandardCharsets.ISO_8859_1));
        Received photo = post("/api/visits/store-checks/c/photos", "multipart/form-data; boundary=" + boundary, body,
                false, true);

        assertThat(formed.body()).isEqualTo(bytes(form));
        assertThat(formed.rawQuery()).isEqualTo("version=4");
        assertThat(formed.authorization()).isEqualTo(AUTHORIZATION);
        assertThat(photo.body()).isEqualTo(body);
        assertThat(photo.rawQuery()).isNull();
    }

    @Test
    void aJsonBodyFromAnHttp2ClientArrivesWhole() throws Exception {
        String id = UUID.randomUUID().toString();
        byte[] json = bytes("{\"comment\":\"中秋 & +10%\"}");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(gatewayUrl + "/api/visits/v/return?version=1"))
                .header("Content-Type", "application/json").header("X-Test-Id", id)
                .header("Authorization", AUTHORIZATION).header("If-Match", "\"1\"")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(upstream.received(id).body()).isEqualTo(json);
    }

    private static Received post(String pathAndQuery, String type, byte[] body, boolean withLength, boolean token)
            throws Exception {
        return send(pathAndQuery, "POST", type, body, withLength, token);
    }

    private static Received send(String pathAndQuery, String method, String type, byte[] body, boolean withLength,
            boolean token) throws Exception {
        String id = UUID.randomUUID().toString();
        var publisher = withLength ? HttpRequest.BodyPublishers.ofByteArray(body)
                : HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body));
        var request = HttpRequest.newBuilder(URI.create(gatewayUrl + pathAndQuery))
                .header("Content-Type", type)
                .header("X-Test-Id", id)
                .method(method, publisher);
        if (token) {
            request.header("Authorization", AUTHORIZATION);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return upstream.received(id);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] multipart(String boundary, byte[] photo) {
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\nabc\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"shelf.jpg\"\r\n"
                + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + photo.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(photo, 0, all, head.length, photo.length);
        System.arraycopy(tail, 0, all, head.length + photo.length, tail.length);
        return all;
    }

    private record Received(String method, String rawQuery, byte[] body, String contentType, String contentLength,
            String transferEncoding, String authorization) {
    }

    /** A service on a real port that records each request as it arrived, by the caller's X-Test-Id. */
    private static final class Upstream implements AutoCloseable {

        private final HttpServer server;
        private final Map<String, Received> received = new ConcurrentHashMap<>();

        private Upstream(HttpServer server) {
            this.server = server;
        }

        static Upstream start() throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            Upstream upstream = new Upstream(server);
            server.createContext("/", upstream::handle);
            server.start();
            return upstream;
        }

        String baseUrl() {
            return "http://localhost:" + server.getAddress().getPort();
        }

        Received received(String id) {
            Received one = received.get(id);
            assertThat(one).as("the request reached the service").isNotNull();
            return one;
        }

        private void handle(HttpExchange exchange) throws IOException {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            var headers = exchange.getRequestHeaders();
            received.put(headers.getFirst("X-Test-Id"), new Received(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawQuery(), body, headers.getFirst("Content-Type"),
                    headers.getFirst("Content-Length"), headers.getFirst("Transfer-Encoding"),
                    headers.getFirst("Authorization")));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
