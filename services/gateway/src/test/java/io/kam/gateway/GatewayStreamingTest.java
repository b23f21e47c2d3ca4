package io.kam.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.kam.platform.testing.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Large uploads through the gateway: the body streams to the service while the caller is still sending it, with
 * the caller's Content-Length (or chunked without one), and the upload route waits longer for the service than
 * the others do. The service is a real HTTP server in this JVM (the JDK's), which reports what arrived and when;
 * the gateway is the real application on a real port.
 */
class GatewayStreamingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MB = 1024 * 1024;
    /** Far above what the gateway would ever need to hold at once when it streams. */
    private static final long UPLOAD_SIZE = 64L * MB;
    /** The read timeout of every route but the upload ones, in this test. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);

    /** The gateway checks every token (kam-security): the uploads come from a retailer's integration. */
    private static final String AUTHORIZATION = "Bearer " + TestTokens.integrationFor(UUID.randomUUID());

    private static Upstream upstream;
    private static ConfigurableApplicationContext gateway;
    private static HttpClient client;
    private static String gatewayUrl;

    @BeforeAll
    static void start() throws IOException {
        upstream = Upstream.start();
        gateway = new SpringApplicationBuilder(GatewayApplication.class).run(
                "--server.port=0",
                "--kam.gateway.routes.sell-through=" + upstream.baseUrl(),
                "--kam.gateway.routes.slow=" + upstream.baseUrl(),
                "--spring.http.clients.read-timeout=" + READ_TIMEOUT.toMillis() + "ms",
                "--kam.gateway.upload-read-timeout=60s",
                "--spring.autoconfigure.exclude=" + GatewayTest.NOT_ON_THE_GATEWAYS_CLASSPATH,
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestTokens.ISSUER,
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + TestTokens.publicKeyLocation());
        gatewayUrl = "http://localhost:" + gateway.getEnvironment().getRequiredProperty("local.server.port");
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    /** A request to the gateway with a valid token of the realm. */
    private static HttpRequest.Builder authorized(URI uri) {
        return HttpRequest.newBuilder(uri).header("Authorization", AUTHORIZATION);
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
    void theSwaggerUiIsOffByDefaultEvenForACallerWithAToken() throws Exception {
        HttpResponse<String> ui = client.send(authorized(URI.create(gatewayUrl + "/swagger-ui/index.html")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/swagger-ui/index.html"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(ui.statusCode()).as("KAM_SWAGGER_UI is not set").isEqualTo(404);
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void anUploadWithContentLengthStreamsToTheServiceWhileTheCallerIsStillSending() throws Exception {
        String upload = UUID.randomUUID().toString();
        Body body = new Body(UPLOAD_SIZE, upstream.firstBytesOf(upload));

        HttpResponse<String> response = client.send(authorized(uploadUri(upload))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body),
                        UPLOAD_SIZE))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(body.serviceHadBytesBeforeTheSecondHalfWasSent())
                .as("the service received bytes of the body while the caller had sent only half of it").isTrue();
        Received received = upstream.received(upload);
        assertThat(received.bytes()).isEqualTo(UPLOAD_SIZE);
        assertThat(received.sha256()).isEqualTo(body.sha256());
        assertThat(received.contentLength()).as("Content-Length at the service").isEqualTo(String.valueOf(UPLOAD_SIZE));
        assertThat(received.transferEncoding()).isNull();
        assertThat(received.authorization()).as("the caller's token, unchanged").isEqualTo(AUTHORIZATION);
        assertThat(received.requestId()).matches("[A-Za-z0-9._-]{1,64}")
                .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("bytes").asLong()).isEqualTo(UPLOAD_SIZE);
    }

    @Test
    void anUploadWithoutContentLengthStreamsChunked() throws Exception {
        String upload = UUID.randomUUID().toString();
        Body body = new Body(UPLOAD_SIZE, upstream.firstBytesOf(upload));

        HttpResponse<String> response = client.send(authorized(uploadUri(upload))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)) // no length: chunked
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(body.serviceHadBytesBeforeTheSecondHalfWasSent())
                .as("the service received bytes of the body while the caller had sent only half of it").isTrue();
        Received received = upstream.received(upload);
        assertThat(received.bytes()).isEqualTo(UPLOAD_SIZE);
        assertThat(received.sha256()).isEqualTo(body.sha256());
        assertThat(received.contentLength()).isNull();
        assertThat(received.transferEncoding()).isEqualToIgnoringCase("chunked");
    }

    @Test
    void theUploadRouteWaitsLongerForTheServiceThanTheReadTimeout() throws Exception {
        String upload = UUID.randomUUID().toString();
        CountDownLatch answerUpload = upstream.holdAnswer(upload);
        String other = UUID.randomUUID().toString();
        CountDownLatch answerOther = upstream.holdAnswer(other);
        byte[] small = "store,sku,units\n1,2,3\n".getBytes(StandardCharsets.UTF_8);
        try {
            var pending = client.sendAsync(authorized(uploadUri(upload))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(small)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(upstream.firstBytesOf(upload).await(30, TimeUnit.SECONDS)).as("the upload reached the service").isTrue();

            // A request on another route, sent after the upload, times out: the read timeout has passed for both.
            HttpResponse<String> timedOut = client.send(authorized(
                            URI.create(gatewayUrl + "/api/slow/batches?upload=" + other))
                    .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            boolean uploadStillWaiting = !pending.isDone();
            answerUpload.countDown();
            HttpResponse<String> response = pending.get(30, TimeUnit.SECONDS);

            assertThat(timedOut.statusCode()).isEqualTo(504);
            assertThat(uploadStillWaiting).as("the upload outlived the read timeout").isTrue();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            assertThat(upstream.received(upload).bytes()).isEqualTo(small.length);
        } finally {
            answerUpload.countDown();
            answerOther.countDown();
        }
    }

    @Test
    void anyOtherRouteStillGivesUpAfterTheReadTimeoutWithA504ProblemDetail() throws Exception {
        String upload = UUID.randomUUID().toString();
        CountDownLatch answer = upstream.holdAnswer(upload);
        try {
            HttpResponse<String> response = client.send(authorized(
                            URI.create(gatewayUrl + "/api/slow/batches?upload=" + upload))
                    .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(504);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(JSON.readTree(response.body()).path("code").asString()).isEqualTo("service-timeout");
        } finally {
            answer.countDown();
        }
    }

    @Test
    void aSmallJsonBodyStillArrivesWithItsContentLength() throws Exception {
        String upload = UUID.randomUUID().toString();
        byte[] json = "{\"retailer\":\"lotus\"}".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = client.send(authorized(uploadUri(upload))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(201);
        Received received = upstream.received(upload);
        assertThat(received.bytes()).isEqualTo(json.length);
        assertThat(received.contentLength()).isEqualTo(String.valueOf(json.length));
    }

    @Test
    void aServiceThatStopsReadingHoldsTheCallerBackInsteadOfTheGatewayTakingTheWholeBody() throws Exception {
        String upload = UUID.randomUUID().toString();
        Upstream.Pause pause = upstream.pauseAfter(upload, MB);
        Body body = new Body(UPLOAD_SIZE, upstream.firstBytesOf(upload));

        var response = client.sendAsync(authorized(uploadUri(upload))
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body),
                        UPLOAD_SIZE))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(pause.paused().await(60, TimeUnit.SECONDS)).isTrue();
        // Nothing moves on while the service reads nothing: the caller is held back by the full buffers on the way
        // (a few MB: socket buffers, the gateway's copy buffers) rather than the gateway taking all it is given.
        await("the caller held back").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .until(body::sent, sent -> sent < UPLOAD_SIZE / 2);
        pause.resume().countDown();

        assertThat(response.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
        assertThat(upstream.received(upload).bytes()).isEqualTo(UPLOAD_SIZE);
        assertThat(upstream.received(upload).sha256()).isEqualTo(body.sha256());
    }

    @Test
    void anUploadTheCallerBreaksOffNeverReachesTheServiceAsAWholeBody() throws Exception {
        // With or without a length, the service must see the body break off, never a clean (truncated) end.
        for (boolean withLength : new boolean[] {true, false}) {
            String upload = UUID.randomUUID().toString();
            Body body = new Body(UPLOAD_SIZE, upstream.firstBytesOf(upload)).failingHalfway();
            var publisher = HttpRequest.BodyPublishers.ofInputStream(() -> body);

            var request = authorized(uploadUri(upload)).POST(withLength
                    ? HttpRequest.BodyPublishers.fromPublisher(publisher, UPLOAD_SIZE) : publisher).build();
            try {
                client.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException expected) {
                // the caller's own client gives up on its request
            }

            Received received = await("what the service received of " + upload).atMost(Duration.ofSeconds(30))
                    .until(() -> upstream.receivedOrNull(upload), Objects::nonNull);
            assertThat(received.bytes()).as("with length " + withLength).isLessThan(UPLOAD_SIZE);
            assertThat(received.brokenOff()).as("with length " + withLength).isTrue();
        }
    }

    private static URI uploadUri(String upload) {
        return URI.create(gatewayUrl + "/api/sell-through/batches?upload=" + upload);
    }

    /**
     * The caller's body: {@code size} pseudo-random bytes made on the fly. Once it has handed over half of them it
     * waits until the service has received its first bytes (or a generous minute has passed) before handing over
     * the rest: a gateway that holds the whole body before sending it gets to the service only after that minute.
     */
    private static final class Body extends InputStream {

        private final long size;
        private final CountDownLatch serviceHasBytes;
        private final SplittableRandom random = new SplittableRandom(42);
        private final MessageDigest digest = sha256Digest();
        private volatile long sent;
        private boolean waited;
        private volatile boolean failHalfway;
        private volatile boolean serviceHadBytesBeforeTheSecondHalf;

        Body(long size, CountDownLatch serviceHasBytes) {
            this.size = size;
            this.serviceHasBytes = serviceHasBytes;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (sent == size) {
                return -1;
            }
            if (!waited && sent >= size / 2) {
                waited = true;
                try {
                    serviceHadBytesBeforeTheSecondHalf = serviceHasBytes.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            if (failHalfway && sent >= size / 2) {
                throw new IOException("the caller broke off its upload");
            }
            long untilHalf = sent < size / 2 ? size / 2 - sent : size - sent;
            int n = (int) Math.min(Math.min(length, 64 * 1024), untilHalf);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) random.nextInt(256);
            }
            digest.update(buffer, offset, n);
            sent += n;
            return n;
        }

        /** Makes the caller break off its upload once it has sent half of it. */
        Body failingHalfway() {
            failHalfway = true;
            return this;
        }

        long sent() {
            return sent;
        }

        boolean serviceHadBytesBeforeTheSecondHalfWasSent() {
            return serviceHadBytesBeforeTheSecondHalf;
        }

        String sha256() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }

    private record Received(long bytes, String sha256, String text, String contentLength, String transferEncoding,
            String authorization, String requestId, boolean brokenOff) {
    }

    /**
     * A service on a real port: reads each request's body (counting and hashing it, signalling its first bytes),
     * remembers the headers that matter here, and answers 201 with the byte count; only when released, when told so.
     */
    private static final class Upstream implements AutoCloseable {

        private final HttpServer server;
        private final Map<String, CountDownLatch> firstBytes = new ConcurrentHashMap<>();
        private final Map<String, Received> received = new ConcurrentHashMap<>();
        private final Map<String, CountDownLatch> heldAnswers = new ConcurrentHashMap<>();
        private final Map<String, Pause> pauses = new ConcurrentHashMap<>();

        /** A service that stops reading a body after {@code after} bytes until resumed. */
        record Pause(long after, CountDownLatch paused, CountDownLatch resume) {
        }

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

        CountDownLatch firstBytesOf(String upload) {
            return firstBytes.computeIfAbsent(upload, u -> new CountDownLatch(1));
        }

        Pause pauseAfter(String upload, long bytes) {
            Pause pause = new Pause(bytes, new CountDownLatch(1), new CountDownLatch(1));
            pauses.put(upload, pause);
            return pause;
        }

        /** The service answers this request only once the returned latch is counted down. */
        CountDownLatch holdAnswer(String upload) {
            return heldAnswers.computeIfAbsent(upload, u -> new CountDownLatch(1));
        }

        Received receivedOrNull(String upload) {
            return received.get(upload);
        }

        Received received(String upload) {
            return Objects.requireNonNull(received.get(upload), "nothing received for " + upload);
        }

        private void handle(HttpExchange exchange) throws IOException {
            String query = Objects.requireNonNullElse(exchange.getRequestURI().getRawQuery(), "");
            String upload = query.startsWith("upload=") ? query.substring("upload=".length()) : "none";
            CountDownLatch first = firstBytesOf(upload);
            MessageDigest digest = sha256Digest();
            var text = new java.io.ByteArrayOutputStream();
            Pause pause = pauses.get(upload);
            long total = 0;
            boolean brokenOff = false;
            try (InputStream in = exchange.getRequestBody()) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) != -1; ) {
                    first.countDown();
                    digest.update(buffer, 0, n);
                    if (text.size() < 4096) {
                        text.write(buffer, 0, Math.min(n, 4096 - text.size()));
                    }
                    total += n;
                    if (pause != null && total >= pause.after() && pause.paused().getCount() > 0) {
                        pause.paused().countDown();
                        awaitQuietly(pause.resume());
                    }
                }
            } catch (IOException e) {
                brokenOff = true; // the body ended before it was whole: the connection broke off
            }
            var headers = exchange.getRequestHeaders();
            received.put(upload, new Received(total, HexFormat.of().formatHex(digest.digest()),
                    text.toString(StandardCharsets.UTF_8), headers.getFirst("Content-Length"),
                    headers.getFirst("Transfer-Encoding"), headers.getFirst("Authorization"),
                    headers.getFirst("X-Request-Id"), brokenOff));
            if (brokenOff) {
                exchange.close();
                return;
            }
            CountDownLatch held = heldAnswers.get(upload);
            if (held != null) {
                // A service that takes its time to answer (ingesting a batch, say): the gateway must wait or not.
                awaitQuietly(held);
            }
            byte[] answer = ("{\"bytes\":" + total + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            try {
                exchange.sendResponseHeaders(201, answer.length);
                exchange.getResponseBody().write(answer);
            } catch (IOException gatewayGaveUp) {
                // the gateway's read timeout closed the connection: nothing to answer to
            } finally {
                exchange.close();
            }
        }

        private static void awaitQuietly(CountDownLatch latch) {
            try {
                latch.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
