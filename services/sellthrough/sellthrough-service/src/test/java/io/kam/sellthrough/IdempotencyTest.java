package io.kam.sellthrough;

import static io.kam.sellthrough.Rows.HEADER;
import static io.kam.sellthrough.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.kam.accounts.api.Region;
import io.kam.platform.testing.TestTokens;
import io.kam.sellthrough.Uploads.Response;

/**
 * A batch id is ingested once within its account: sent again with the same body it returns the first result and counts
 * nothing twice, with another body it is a conflict; while it is being ingested, sending it again is a conflict, and
 * its progress can be followed. Another account may use the same id for a batch of its own.
 */
class IdempotencyTest extends ServiceTest {

    private final String nora = TestTokens.nora();
    @org.springframework.beans.factory.annotation.Autowired
    javax.sql.DataSource dataSource;

    @Test
    void sendingABatchIdAgainReturnsTheFirstResultAndCountsNothingTwice() {
        UUID account = retailers.open(Region.EAST, "S1");
        String body = HEADER + row("S1", 1, "2026-03-14", 12, "276.00", 40) + row("S1", 2, "2026-03-14", 1, "1.00", null);
        String query = "batchId=once-" + account + "&account=" + account;

        Response first = uploads.csv(nora, query, body);
        Response again = uploads.csv(nora, query, body);
        Response gzipped = uploads.push(nora, query, "text/csv", "gzip", Uploads.gzip(body, StandardCharsets.UTF_8));

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(gzipped.status()).as("the body as sent is compared, not the rows it holds").isEqualTo(409);
        assertThat(figures(account)).containsValue("12 276.00 40");
        assertThat(db.sql("select count(*) from kam_outbox where record_key = :a").param("a", account.toString())
                .query(Long.class).single()).as("one recorded event and one batch-ingested event").isEqualTo(2);
    }

    @Test
    void sendingABatchIdAgainWithAnotherBodyIsAConflictAndChangesNothing() {
        UUID account = retailers.open(Region.EAST, "S1");
        String body = HEADER + row("S1", 1, "2026-03-14", 12, "276.00", 40);
        String id = "changed-" + account;
        String query = "batchId=" + id + "&account=" + account;
        Response first = uploads.csv(nora, query, body);

        Response changed = uploads.csv(nora, query, body.replace("12,276.00", "99,999.00"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(changed.status()).isEqualTo(409);
        assertThat(changed.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(changed.get("code")).isEqualTo("batch-id-reused");
        assertThat(changed.get("detail")).contains(id);
        assertThat(figures(account)).containsExactly(java.util.Map.entry("S1 0" + Rows.gtin(1) + " 2026-03-14", "12 276.00 40"));
        assertThat(db.sql("select count(*) from kam_outbox where record_key = :a").param("a", account.toString())
                .query(Long.class).single()).isEqualTo(2);
        assertThat(api.get("/api/sell-through/batches/" + id).body().path("digest").asString())
                .isEqualTo(first.get("digest"));
    }

    @Test
    void aBatchIdIsTheClientsWithinItsAccountSoAnotherRetailerCannotSquatIt() {
        UUID account = retailers.open(Region.EAST, "S1");
        UUID other = retailers.open(Region.EAST, "S1");
        String id = "2026-03-14-" + account;
        String squat = HEADER + row("S1", 9, "2026-03-14", 1, "1.00", null);
        String own = HEADER + row("S1", 1, "2026-03-14", 5, "50.00", null);

        Response squatted = uploads.csv(TestTokens.integrationFor(other), "batchId=" + id, squat);
        Response mine = uploads.csv(TestTokens.integrationFor(account), "batchId=" + id, own);

        assertThat(squatted.status()).isEqualTo(201);
        assertThat(mine.status()).as("the same id in another account is another batch").isEqualTo(201);
        assertThat(mine.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(mine.get("accountId")).isEqualTo(account.toString());
        assertThat(figures(account)).containsExactly(java.util.Map.entry("S1 0" + Rows.gtin(1) + " 2026-03-14", "5 50.00 null"));
        assertThat(figures(other)).containsOnlyKeys("S1 0" + Rows.gtin(9) + " 2026-03-14");
        assertThat(uploads.get(TestTokens.integrationFor(account), "/api/sell-through/batches/" + id).get("accountId"))
                .as("a bound integration sees its own").isEqualTo(account.toString());
        var ambiguous = api.get("/api/sell-through/batches/" + id);
        assertThat(ambiguous.status()).as("a manager sees both: the account must be named").isEqualTo(400);
        assertThat(ambiguous.body().at("/errors/0/field").asString()).isEqualTo("account");
        assertThat(api.get("/api/sell-through/batches/" + id + "?account=" + other).body().path("accountId").asString())
                .isEqualTo(other.toString());
    }

    @Test
    void aFailedBatchMayBeSentAgainWithTheSameId() {
        UUID account = retailers.open(Region.EAST, "S1");
        String query = "batchId=retry-" + account + "&account=" + account;

        Response empty = uploads.csv(nora, query, HEADER);
        Response fixed = uploads.csv(nora, query, HEADER + row("S1", 1, "2026-03-14", 1, "1.00", null));

        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.get("code")).isEqualTo("empty-body");
        assertThat(empty.get("batchId")).isEqualTo("retry-" + account);
        assertThat(fixed.status()).isEqualTo(201);
        assertThat(api.get("/api/sell-through/batches/retry-" + account).body().path("status").asString()).isEqualTo("COMPLETED");
    }

    @Test
    void whileABatchIsReceivedItsProgressShowsAndTheSameIdIsAConflict() throws Exception {
        UUID account = retailers.open(Region.EAST, "S1");
        StringBuilder firstPart = new StringBuilder(HEADER);
        for (int i = 1; i <= 80; i++) {
            firstPart.append(row("S1", i, "2026-03-14", i, "1.00", null));
        }
        byte[] head = firstPart.toString().getBytes(StandardCharsets.UTF_8);
        byte[] tail = row("S1", 81, "2026-03-14", 1, "1.00", null).getBytes(StandardCharsets.UTF_8);
        SubmissionPublisher<ByteBuffer> body = new SubmissionPublisher<>();
        String query = "batchId=slow-" + account + "&account=" + account;
        var publisher = HttpRequest.BodyPublishers.fromPublisher(body, head.length + tail.length);

        CompletableFuture<Response> slow = CompletableFuture.supplyAsync(() -> uploads.push(nora, query, "text/csv", null, publisher));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> body.getNumberOfSubscribers() == 1);
        body.submit(ByteBuffer.wrap(head));
        var progress = Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get("/api/sell-through/batches/slow-" + account),
                        r -> r.status() == 200 && r.body().path("rowsRead").asLong() >= 80).body();
        Response meanwhile = uploads.csv(nora, query, HEADER + row("S1", 1, "2026-03-14", 1, "1.00", null));
        body.submit(ByteBuffer.wrap(tail));
        body.close();
        Response done = slow.get(30, TimeUnit.SECONDS);

        assertThat(progress.path("status").asString()).isEqualTo("RECEIVING");
        assertThat(progress.path("bytesTotal").asLong()).isEqualTo(head.length + tail.length);
        assertThat(progress.path("bytesRead").asLong()).isEqualTo(head.length);
        assertThat(progress.path("accepted").asLong()).isEqualTo(80);
        assertThat(progress.path("rowsPerSecond").asLong()).isPositive();
        assertThat(progress.path("etaSeconds").isNumber()).isTrue();
        assertThat(meanwhile.status()).isEqualTo(409);
        assertThat(meanwhile.get("code")).isEqualTo("batch-in-progress");
        assertThat(done.status()).isEqualTo(201);
        assertThat(done.number("accepted")).isEqualTo(81);
    }

    @Test
    void aBatchWhoseInstanceStoppedReportingIsTakenOver() {
        UUID account = retailers.open(Region.EAST, "S1");
        String id = "ghost-" + account;
        db.sql("""
                        insert into batch (id, account_id, source, mode, format, charset, status, submitted_by, attempt,
                            started_at, heartbeat_at)
                        values (:id, :account, 'PUSH', 'LENIENT', 'CSV', 'UTF-8', 'RECEIVING', 'nora', 1,
                            now() - interval '10 minutes', now() - interval '10 minutes')""")
                .param("id", id).param("account", account).update();

        Response pushed = uploads.csv(nora, "batchId=" + id + "&account=" + account, HEADER + row("S1", 1, "2026-03-14", 1, "1.00", null));

        assertThat(pushed.status()).isEqualTo(201);
        assertThat(db.sql("select attempt from batch where account_id = :account and id = :id").param("account", account).param("id", id).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aBatchWaitingTooLongForAnotherOfItsAccountFailsAsBusyAndMayBeSentAgain() throws Exception {
        UUID account = retailers.open(Region.EAST, "S1");
        String query = "batchId=busy-" + account + "&account=" + account;
        String body = HEADER + row("S1", 1, "2026-03-14", 1, "1.00", null);
        Response busy;
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (var statement = connection.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 7))")) {
                statement.setString(1, account.toString());
                statement.execute();
            }
            busy = uploads.csv(nora, query, body);
            connection.rollback();
        }
        Response later = uploads.csv(nora, query, body);

        assertThat(busy.status()).isEqualTo(409);
        assertThat(busy.get("code")).isEqualTo("account-busy");
        assertThat(busy.headers().firstValue("Retry-After")).isPresent();
        assertThat(later.status()).isEqualTo(201);
    }
}
