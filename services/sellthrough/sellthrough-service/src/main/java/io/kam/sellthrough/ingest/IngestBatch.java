package io.kam.sellthrough.ingest;

import java.io.InputStream;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.domain.Refused;
import io.kam.platform.domain.Rejection;
import io.kam.sellthrough.replica.Directory;
import io.kam.sellthrough.rows.KnownStores;
import io.kam.sellthrough.rows.RowRules;
import io.kam.sellthrough.settings.AccountSettings;
import io.kam.sellthrough.settings.SettingsStore;

/**
 * Ingests one batch, pushed or pulled: claims its batch id, then reads, checks and stores its rows as they stream in.
 * A batch id whose result exists returns that result when the body is the same as the first time (compared by its
 * SHA-256, nothing checked or stored again), and is a conflict when it differs; one being ingested right now is a
 * conflict too. Callers have checked who may send rows for the account.
 */
@Service
public class IngestBatch {

    private final Ingestion ingestion;
    private final SettingsStore settings;
    private final Directory directory;
    private final MarketCalendar calendar;

    IngestBatch(Ingestion ingestion, SettingsStore settings, Directory directory, MarketCalendar calendar) {
        this.ingestion = ingestion;
        this.settings = settings;
        this.directory = directory;
        this.calendar = calendar;
    }

    /**
     * What became of a batch.
     *
     * @param replayed whether this is the result of an earlier request with the same batch id
     * @param failure  why the batch failed as a whole; null otherwise
     */
    public record Outcome(BatchRow batch, boolean replayed, @Nullable BatchFailure failure) {
    }

    /**
     * @param completion work to commit with the batch's final status (a connector's cursor)
     * @throws Refused with a {@link Rejection.Conflict} if the batch id is being ingested right now
     *                 ({@code batch-in-progress}), or has its result for another body ({@code batch-id-reused})
     */
    public Outcome ingest(BatchRequest request, InputStream body, Completion completion) {
        Batches.Begun begun = ingestion.batches().begin(request);
        switch (begun) {
            case Batches.Replay replay -> {
                if (!sameBody(body, replay.row())) {
                    throw new Rejection.Conflict("batch-id-reused", "batch id " + request.id() + " was already used for "
                            + "another body (" + replay.row().status() + " at " + replay.row().finishedAt() + "); a batch "
                            + "id names one file for good: send a new file with a new batch id").refused();
                }
                return new Outcome(replay.row(), true, null);
            }
            case Batches.Running running -> throw new Rejection.Conflict("batch-in-progress", "batch " + request.id()
                    + " is being ingested right now (" + running.row().rowsRead() + " rows read); follow it at "
                    + "/api/sell-through/batches/" + request.id() + "?account=" + request.accountId()).refused();
            case Batches.Started started -> {
                BatchRun run;
                try {
                    AccountSettings rules = settings.of(request.accountId());
                    LocalDate today = calendar.today();
                    KnownStores stores = new KnownStores(directory.stores(request.accountId()), request.charset());
                    run = new BatchRun(ingestion, request, started.row(), rules, new RowRules(stores, rules.currency(),
                            rules.scale(), rules.returnsAllowed(), today, request.charset()));
                } catch (RuntimeException e) {
                    ingestion.batches().finish(started.row().no(), started.row().attempt(),
                            io.kam.sellthrough.api.BatchStatus.FAILED, new Tally(), BatchFailure.STORAGE_FAILED,
                            "the batch could not be started; nothing of it was kept. Send it again with the same batch id");
                    throw e;
                }
                BatchFailure failure = run.run(body, completion);
                return new Outcome(ingestion.batches().find(request.accountId(), request.id()).orElseThrow(), false,
                        failure);
            }
        }
    }

    /**
     * Whether the body, read to its end as sent, has the digest of the batch's first body. A body longer than a batch
     * may be cannot be the same.
     */
    private boolean sameBody(InputStream body, BatchRow first) {
        BodyStream sent = new BodyStream(new CappedStream(body, ingestion.properties().maxBodyBytes().toBytes()),
                new java.util.concurrent.atomic.AtomicLong());
        try {
            return sent.drainAndDigest().equals(first.digest());
        } catch (CappedStream.BodyTooLarge e) {
            return false;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("the body could not be read to its end", e);
        }
    }
}
