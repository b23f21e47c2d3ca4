package io.kam.sellthrough;

import static io.kam.sellthrough.Rows.HEADER;
import static io.kam.sellthrough.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.kam.accounts.api.Region;
import io.kam.platform.testing.TestTokens;
import io.kam.sellthrough.Uploads.Response;
import io.kam.sellthrough.ingest.RejectionPruning;

/**
 * A small upload cannot fill the shared database: the decompressed body, the rows of a batch and the reasons kept for
 * its report are capped (here {@value ServiceTest#MAX_BODY_BYTES} bytes, {@value ServiceTest#MAX_ROWS} rows,
 * {@value ServiceTest#MAX_STORED_REJECTIONS} reasons), a batch over a cap is refused as a whole, and reasons are
 * pruned once their batch is old.
 */
class CapsTest extends ServiceTest {

    private final String nora = TestTokens.nora();
    @Autowired
    RejectionPruning pruning;

    @Test
    void aGzipBodyThatExpandsBeyondTheCapIsRefusedWith413AndNothingIsKept() {
        UUID account = retailers.open(Region.EAST, "S1");
        // lines of 5 KB, too long to be kept: the byte cap is reached long before the row cap
        String bad = row("N".repeat(5_000), 1, "2026-03-14", 1, "1.00", null);
        String expanded = HEADER + bad.repeat(4 * MAX_BODY_BYTES / bad.length());
        assertThat(expanded.length() / bad.length()).isLessThan(MAX_ROWS);
        byte[] bomb = Uploads.gzip(expanded, StandardCharsets.UTF_8);
        String id = "bomb-" + account;

        Response pushed = uploads.push(nora, "batchId=" + id + "&account=" + account, "text/csv", "gzip", bomb);

        assertThat(bomb.length).as("a small upload").isLessThan(MAX_BODY_BYTES / 10);
        assertThat(pushed.status()).isEqualTo(413);
        assertThat(pushed.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(pushed.get("code")).isEqualTo("body-too-large");
        assertThat(pushed.get("batchId")).isEqualTo(id);
        assertThat(pushed.get("detail")).contains(Integer.toString(MAX_BODY_BYTES));
        assertThat(api.get("/api/sell-through/batches/" + id).body().path("status").asString()).isEqualTo("FAILED");
        assertThat(figures(account)).isEmpty();
        assertThat(outboxRows(account)).isZero();
        assertThat(storedReasons(id)).isLessThanOrEqualTo(MAX_STORED_REJECTIONS);
    }

    @Test
    void aBatchWithMoreRowsThanTheCapIsRefusedWith422AndNothingOfItIsCommitted() {
        UUID account = retailers.open(Region.EAST, "S1");
        StringBuilder body = new StringBuilder(HEADER);
        for (int i = 1; i <= MAX_ROWS + 1; i++) {
            body.append(row("S1", i, "2026-03-14", 1, "1.00", null));
        }
        String id = "many-" + account;

        Response pushed = uploads.csv(nora, "batchId=" + id + "&account=" + account, body.toString());

        assertThat(pushed.status()).isEqualTo(422);
        assertThat(pushed.get("code")).isEqualTo("too-many-rows");
        assertThat(pushed.get("detail")).contains(Integer.toString(MAX_ROWS));
        assertThat(figures(account)).as("the rows before the cap are rolled back too").isEmpty();
        assertThat(outboxRows(account)).isZero();
    }

    @Test
    void onlyTheFirstReasonsOfAFloodOfBadRowsAreKeptAndTheRestAreCounted() {
        UUID account = retailers.open(Region.EAST, "S1");
        StringBuilder body = new StringBuilder(HEADER).append(row("S1", 1, "2026-03-14", 1, "1.00", null));
        int bad = MAX_ROWS - 1;
        for (int i = 1; i <= bad; i++) {
            body.append(row("NOPE", i, "2026-03-14", 1, "1.00", null));
        }
        String id = "flood-" + account;

        Response pushed = uploads.csv(nora, "batchId=" + id + "&account=" + account, body.toString());

        assertThat(pushed.status()).isEqualTo(201);
        assertThat(pushed.number("accepted")).isEqualTo(1);
        assertThat(pushed.number("rejected")).as("every rejected row is counted").isEqualTo(bad);
        assertThat(pushed.number("reasonsNotKept")).isEqualTo(bad - MAX_STORED_REJECTIONS);
        assertThat(storedReasons(id)).isEqualTo(MAX_STORED_REJECTIONS);
        assertThat(uploads.get(nora, pushed.get("report")).text().lines().count())
                .as("BOM and header line, then the reasons kept").isEqualTo(1 + MAX_STORED_REJECTIONS);
    }

    @Test
    void theReasonsOfBatchesFinishedLongerAgoThanTheRetentionArePruned() {
        UUID account = retailers.open(Region.EAST, "S1");
        String body = HEADER + row("NOPE", 1, "2026-03-14", 1, "1.00", null) + row("S1", 2, "2026-03-14", 1, "1.00", null);
        String old = "old-" + account;
        String recent = "recent-" + account;
        assertThat(uploads.csv(nora, "batchId=" + old + "&account=" + account, body).status()).isEqualTo(201);
        assertThat(uploads.csv(nora, "batchId=" + recent + "&account=" + account, body).status()).isEqualTo(201);
        db.sql("update batch set finished_at = now() - interval '31 days' where id = :id").param("id", old).update();
        String abandoned = "abandoned-" + account;
        db.sql("""
                        insert into batch (id, account_id, source, mode, format, charset, status, submitted_by, attempt,
                            started_at, heartbeat_at)
                        values (:id, :account, 'PUSH', 'LENIENT', 'CSV', 'UTF-8', 'RECEIVING', 'nora', 1,
                            now() - interval '40 days', now() - interval '40 days')""")
                .param("id", abandoned).param("account", account).update();
        db.sql("""
                        insert into batch_rejection (batch_no, attempt, n, line, field, reason, value)
                        select no, 1, 1, 2, 'store', 'is not a store of this account', 'NOPE' from batch where id = :id""")
                .param("id", abandoned).update();

        pruning.prune();

        assertThat(storedReasons(old)).isZero();
        assertThat(storedReasons(abandoned)).as("a batch abandoned while receiving").isZero();
        assertThat(storedReasons(recent)).isEqualTo(1);
        assertThat(api.get("/api/sell-through/batches/" + old).body().path("rejected").asLong())
                .as("the batch keeps its counts").isEqualTo(1);
    }

    private long storedReasons(String batchId) {
        return db.sql("select count(*) from batch_rejection r join batch b on b.no = r.batch_no where b.id = :id")
                .param("id", batchId).query(Long.class).single();
    }

    private long outboxRows(UUID account) {
        return db.sql("select count(*) from kam_outbox where record_key = :a").param("a", account.toString())
                .query(Long.class).single();
    }
}
