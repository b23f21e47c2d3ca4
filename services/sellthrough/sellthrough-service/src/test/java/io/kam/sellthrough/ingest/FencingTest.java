package io.kam.sellthrough.ingest;

import static io.kam.sellthrough.Rows.HEADER;
import static io.kam.sellthrough.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.kam.accounts.api.Region;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.testing.TestTokens;
import io.kam.sellthrough.ServiceTest;
import io.kam.sellthrough.Uploads;
import io.kam.sellthrough.api.BatchSource;
import io.kam.sellthrough.api.BatchStatus;
import io.kam.sellthrough.api.IngestMode;
import io.kam.sellthrough.api.RowFormat;
import io.kam.sellthrough.replica.Directory;
import io.kam.sellthrough.rows.KnownStores;
import io.kam.sellthrough.rows.RowRules;
import io.kam.sellthrough.settings.AccountSettings;
import io.kam.sellthrough.settings.SettingsStore;

/**
 * Every update of a batch run is fenced by its attempt: a run whose instance stopped reporting, and whose batch id a
 * retry then took over, can neither report progress, nor overwrite the result of the run that took over, nor commit
 * its own rows and events.
 */
class FencingTest extends ServiceTest {

    @Autowired
    Batches batches;
    @Autowired
    Ingestion ingestion;
    @Autowired
    SettingsStore settings;
    @Autowired
    Directory directory;
    @Autowired
    MarketCalendar calendar;

    @Test
    void aRunThatWasTakenOverCannotOverwriteTheFinishedBatch() {
        UUID account = retailers.open(Region.EAST, "S1");
        String id = "fenced-" + account;
        Batches.Started stale = (Batches.Started) batches.begin(request(id, account));
        stopsReporting(stale.row());

        Uploads.Response retry = uploads.csv(TestTokens.nora(), "batchId=" + id + "&account=" + account,
                HEADER + row("S1", 1, "2026-03-14", 3, "3.00", null));
        Tally late = new Tally();
        late.rowsRead.set(999);
        boolean progressed = batches.progress(stale.row().no(), stale.row().attempt(), late);
        boolean finished = batches.finish(stale.row().no(), stale.row().attempt(), BatchStatus.FAILED, late,
                "storage-failed", "the stale run gave up");

        assertThat(retry.status()).isEqualTo(201);
        assertThat(progressed).isFalse();
        assertThat(finished).isFalse();
        BatchRow batch = batches.find(account, id).orElseThrow();
        assertThat(batch.status()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(batch.attempt()).isEqualTo(2);
        assertThat(batch.rowsRead()).isEqualTo(1);
        assertThat(batch.problemCode()).isNull();
    }

    @Test
    void aRunThatWasTakenOverCommitsNothingOfItsOwn() {
        UUID account = retailers.open(Region.EAST, "S1");
        String id = "overtaken-" + account;
        BatchRequest request = request(id, account);
        Batches.Started first = (Batches.Started) batches.begin(request);
        stopsReporting(first.row());
        Batches.Started second = (Batches.Started) batches.begin(request);

        BatchFailure failure = run(request, first.row(), HEADER + row("S1", 1, "2026-03-14", 7, "7.00", null));

        assertThat(second.row().attempt()).isEqualTo(2);
        assertThat(failure).isNotNull();
        assertThat(failure.code()).isEqualTo("batch-taken-over");
        assertThat(failure.kind()).isEqualTo(BatchFailure.Kind.TAKEN_OVER);
        assertThat(figures(account)).as("the stale run's rows rolled back").isEmpty();
        assertThat(db.sql("select count(*) from kam_outbox where record_key = :a").param("a", account.toString())
                .query(Long.class).single()).as("and its events").isZero();
        BatchRow batch = batches.find(account, id).orElseThrow();
        assertThat(batch.status()).as("the batch is the second run's").isEqualTo(BatchStatus.RECEIVING);
        assertThat(batch.attempt()).isEqualTo(2);
    }

    private static BatchRequest request(String id, UUID account) {
        return new BatchRequest(id, account, BatchSource.PUSH, null, IngestMode.LENIENT, RowFormat.CSV,
                StandardCharsets.UTF_8, false, null, "nora");
    }

    /** The run's instance stopped sending heartbeats longer ago than stale-after. */
    private void stopsReporting(BatchRow run) {
        db.sql("update batch set heartbeat_at = now() - interval '10 minutes' where no = :no").param("no", run.no()).update();
    }

    /** Runs a batch as its instance would, for the run it began. */
    private BatchFailure run(BatchRequest request, BatchRow row, String body) {
        AccountSettings rules = settings.of(request.accountId());
        RowRules check = new RowRules(new KnownStores(directory.stores(request.accountId()), request.charset()),
                rules.currency(), rules.scale(), rules.returnsAllowed(), calendar.today(), request.charset());
        return new BatchRun(ingestion, request, row, rules, check)
                .run(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), Completion.NONE);
    }
}
