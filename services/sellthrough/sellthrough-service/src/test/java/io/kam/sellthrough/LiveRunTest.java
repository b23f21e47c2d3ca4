package io.kam.sellthrough;

import static io.kam.sellthrough.Rows.HEADER;
import static io.kam.sellthrough.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.kam.accounts.api.Region;
import io.kam.platform.testing.TestTokens;
import io.kam.sellthrough.Uploads.Response;
import tools.jackson.databind.JsonNode;

/**
 * A pull from a retailer's endpoint that trickles its rows (a real HTTP server in the test) and then stops sending:
 * the run's heartbeat goes on while the pull blocks, so a retry of the same batch id cannot take the live run over;
 * the read timeout ends the pull, and nothing of it is kept.
 */
class LiveRunTest extends ServiceTest {

    private static final int TRICKLED = 6;
    private static final long PACE_MILLIS = 700;

    private HttpServer source;
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger answered = new AtomicInteger();

    @BeforeEach
    void startTheTricklingSource() throws IOException {
        source = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        source.createContext("/pos/trickle", this::trickle);
        source.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        source.start();
    }

    @AfterEach
    void stopIt() {
        release.countDown();
        source.stop(0);
    }

    /** The first pull gets a header and a row every 700 ms, slower than a file should come, then nothing at all. */
    private void trickle(HttpExchange exchange) throws IOException {
        if (answered.getAndIncrement() > 0) {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "text/csv");
        exchange.getResponseHeaders().add("X-Next-Cursor", "c1");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(HEADER.getBytes(StandardCharsets.UTF_8));
            out.flush();
            for (int i = 1; i <= TRICKLED; i++) {
                out.write(row("S1", i, "2026-03-14", 1, "1.00", null).getBytes(StandardCharsets.UTF_8));
                out.flush();
                if (release.await(PACE_MILLIS, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
            release.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the service hung up on the stalled answer: what the read timeout does
        }
    }

    @Test
    void aLiveRunKeepsBeatingCannotBeTakenOverAndTheReadTimeoutEndsAStalledSource() {
        UUID account = retailers.open(Region.EAST, "S1");
        var configured = api.put("/api/sell-through/accounts/" + account + "/connector", Map.of("kind", "HTTP",
                "url", "http://localhost:" + source.getAddress().getPort() + "/pos/trickle", "format", "CSV",
                "everySeconds", 3600, "enabled", true), "*");
        String batchId = "pull-" + configured.body().path("id").asString() + "-1";
        String path = "/api/sell-through/batches/" + batchId + "?account=" + account;

        Awaitility.await("the pull receiving").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get(path), r -> r.status() == 200 && r.body().path("rowsRead").asLong() >= 1);
        Awaitility.await("heartbeats past stale-after while the pull blocks").atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> beatingFor(batchId, account), beating -> beating.compareTo(Duration.ofSeconds(STALE_AFTER_SECONDS + 1)) > 0);
        Response takeover = uploads.csv(TestTokens.nora(), "batchId=" + batchId + "&account=" + account,
                HEADER + row("S1", 99, "2026-03-14", 1, "1.00", null));
        JsonNode live = api.get(path).body();
        JsonNode failed = Awaitility.await("the read timeout").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get(path).body(), b -> "FAILED".equals(b.path("status").asString()));
        Awaitility.await("the failed pull retried").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> answered.get() >= 2);
        JsonNode connector = api.get("/api/sell-through/accounts/" + account + "/connector").body();

        assertThat(takeover.status()).as("a retry cannot take over a run that still beats").isEqualTo(409);
        assertThat(takeover.get("code")).isEqualTo("batch-in-progress");
        assertThat(live.path("status").asString()).isEqualTo("RECEIVING");
        assertThat(failed.at("/problem/code").asString()).isEqualTo("upload-interrupted");
        assertThat(failed.at("/problem/detail").asString()).contains("the source sent nothing for " + READ_TIMEOUT_SECONDS + " s");
        assertThat(db.sql("select attempt from batch where account_id = :a and id = :id").param("a", account)
                .param("id", batchId).query(Integer.class).single()).as("never taken over").isEqualTo(1);
        assertThat(connector.path("cursor").isNull()).as("the cursor stays").isTrue();
        assertThat(connector.path("pulls").asLong()).isZero();
        assertThat(figures(account)).isEmpty();
    }

    /** How long the batch has been beating: its latest heartbeat after its start, while it is receiving. */
    private Duration beatingFor(String batchId, UUID account) {
        return db.sql("""
                        select started_at, heartbeat_at from batch where account_id = :a and id = :id and status = 'RECEIVING'""")
                .param("a", account).param("id", batchId)
                .query((rs, n) -> Duration.between(rs.getObject(1, OffsetDateTime.class), rs.getObject(2, OffsetDateTime.class)))
                .optional().orElse(Duration.ZERO);
    }
}
