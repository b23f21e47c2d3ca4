package io.kam.sellthrough;

import static io.kam.sellthrough.Rows.HEADER;
import static io.kam.sellthrough.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.kam.accounts.api.Region;
import io.kam.platform.testing.TestTokens;
import io.kam.sellthrough.Uploads.Response;
import tools.jackson.databind.JsonNode;

/**
 * Uploads that try the service: formula-like values in the rejections report, a client that hangs up mid-body, an
 * upload that trickles for longer than a batch may hold its account. Over real HTTP, on a real socket where needed.
 */
class HostileUploadsTest extends ServiceTest {

    private final String nora = TestTokens.nora();

    @Test
    void formulaLikeValuesInTheReportAreEscapedButNegativeNumbersAreNot() {
        UUID account = retailers.open(Region.EAST, "S1");
        String body = HEADER + row("-2+3+cmd|' /C calc'!A0", 1, "2026-03-14", 1, "1.00", null)
                + row("=HYPERLINK(\"\"x\"\")", 2, "2026-03-14", 1, "1.00", null).replace("=HYPERLINK(\"\"x\"\")", "\"=HYPERLINK(\"\"x\"\")\"")
                + row("S1", 3, "2026-03-14", 1, "1.00", -5)
                + row("-", 4, "2026-03-14", 1, "1.00", null);
        Response pushed = uploads.csv(nora, "batchId=formula-" + account + "&account=" + account, body);

        String report = uploads.get(nora, pushed.get("report")).text();

        assertThat(pushed.number("rejected")).isEqualTo(4);
        assertThat(report).contains("2,\"store\",\"is not a store of this account\",\"'-2+3+cmd|' /C calc'!A0\"")
                .contains("\"'=HYPERLINK(\"\"x\"\")\"")
                .contains("4,\"stock\",\"must not be negative\",\"-5\"")
                .contains("\"'-\"")
                .doesNotContain(",\"-2+3");
    }

    @Test
    void aClientThatHangsUpMidBodyGetsAFailedBatchWithTheServicesOwnWords() throws IOException {
        UUID account = retailers.open(Region.EAST, "S1");
        String id = "hang-up-" + account;
        byte[] head = (HEADER + row("S1", 1, "2026-03-14", 1, "1.00", null)).getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(requestHead(id, account, "Content-Length: 100000"));
            out.write(head);
            out.flush();
        }

        JsonNode batch = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("/api/sell-through/batches/" + id).body(), b -> "FAILED".equals(b.path("status").asString()));

        assertThat(batch.at("/problem/code").asString()).isEqualTo("upload-interrupted");
        assertThat(batch.at("/problem/detail").asString()).isEqualTo("the body could not be read to its end (the "
                + "connection broke or the sender stopped); nothing of it was kept. Send it again with the same batch id");
        assertThat(figures(account)).isEmpty();
    }

    @Test
    void anUploadTricklingForLongerThanABatchMayTakeFailsAndFreesTheAccount() throws Exception {
        UUID account = retailers.open(Region.EAST, "S1");
        String id = "trickle-" + account;
        String status;
        long started = System.nanoTime();
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(requestHead(id, account, "Transfer-Encoding: chunked"));
            chunk(out, HEADER.getBytes(StandardCharsets.UTF_8));
            // a slow link: one row every 250 ms, until the service answers (or hangs up)
            var link = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
            var rows = new java.util.concurrent.atomic.AtomicInteger();
            link.scheduleAtFixedRate(() -> {
                try {
                    chunk(out, row("S1", rows.incrementAndGet(), "2026-03-14", 1, "1.00", null).getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e); // the service hung up: stop sending
                }
            }, 250, 250, java.util.concurrent.TimeUnit.MILLISECONDS);
            try {
                status = statusLine(in);
            } finally {
                link.shutdownNow();
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        JsonNode batch = api.get("/api/sell-through/batches/" + id).body();
        Response next = uploads.csv(nora, "batchId=next-" + account + "&account=" + account,
                HEADER + row("S1", 1, "2026-03-14", 2, "2.00", null));

        assertThat(status).startsWith("HTTP/1.1 400");
        assertThat(took).isBetween(Duration.ofSeconds(MAX_UPLOAD_SECONDS), Duration.ofSeconds(MAX_UPLOAD_SECONDS + 10));
        assertThat(batch.path("status").asString()).isEqualTo("FAILED");
        assertThat(batch.at("/problem/code").asString()).isEqualTo("upload-too-slow");
        assertThat(next.status()).as("the account is free again").isEqualTo(201);
        assertThat(figures(account)).containsOnlyKeys("S1 0" + Rows.gtin(1) + " 2026-03-14");
    }

    private byte[] requestHead(String id, UUID account, String lengthHeader) {
        return ("POST /api/sell-through/batches?batchId=" + id + "&account=" + account + " HTTP/1.1\r\n"
                + "Host: localhost:" + port + "\r\nAuthorization: Bearer " + nora + "\r\nContent-Type: text/csv\r\n"
                + lengthHeader + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static void chunk(OutputStream out, byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static String statusLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            line.write(b);
        }
        return line.toString(StandardCharsets.US_ASCII).strip();
    }
}
