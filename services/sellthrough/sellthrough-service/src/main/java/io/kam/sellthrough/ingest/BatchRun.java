package io.kam.sellthrough.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.kam.sellthrough.api.BatchStatus;
import io.kam.sellthrough.api.RowFormat;
import io.kam.sellthrough.rows.BatchProblem;
import io.kam.sellthrough.rows.CsvRows;
import io.kam.sellthrough.rows.NdjsonRows;
import io.kam.sellthrough.rows.RowFields;
import io.kam.sellthrough.rows.RowReader;
import io.kam.sellthrough.rows.RowRules;
import io.kam.sellthrough.rows.ValidRow;
import io.kam.sellthrough.settings.AccountSettings;

/**
 * One run of a batch. The calling thread reads the body (decompressing, hashing and counting it), checks each row and
 * fills chunks of valid rows; a writer thread stores them meanwhile ({@link BatchWriter}). Neither holds more than
 * three chunks and a buffer of the body, whatever its size. Whatever goes wrong ends in a {@code FAILED} batch with
 * its reason, and nothing of it committed.
 */
final class BatchRun {

    private static final Logger log = LoggerFactory.getLogger(BatchRun.class);
    private static final int CHECK_WRITER_EVERY = 4096;

    private final Ingestion ingestion;
    private final BatchRequest request;
    private final BatchRow row;
    private final AccountSettings settings;
    private final RowRules rules;
    private final Tally tally = new Tally();
    private final Handoff handoff;
    private final RejectionLog rejections;

    BatchRun(Ingestion ingestion, BatchRequest request, BatchRow row, AccountSettings settings, RowRules rules) {
        this.ingestion = ingestion;
        this.request = request;
        this.row = row;
        this.settings = settings;
        this.rules = rules;
        this.handoff = new Handoff(ingestion.properties().chunkRows());
        this.rejections = new RejectionLog(ingestion.dataSource(), row.no(), row.attempt(),
                ingestion.properties().maxStoredRejections(), tally.reasonsNotKept);
    }

    /** Runs the batch to its end; returns how it failed, or null. */
    BatchFailure run(InputStream body, Completion completion) {
        ingestion.receiving(row, tally);
        BatchWriter writer = new BatchWriter(ingestion, request, row, settings, tally, handoff, rejections,
                () -> ingestion.received(row.no()), completion);
        Future<BatchStatus> writing = ingestion.writers().submit(writer::write);
        handoff.writer(writing);
        Throwable failure = null;
        try {
            read(body);
            handoff.fill(Handoff.END);
        } catch (Handoff.WriterStopped stopped) {
            // the writer's own failure says why
        } catch (Exception | StackOverflowError e) {
            failure = e;
            abortWriter();
        }
        try {
            writing.get();
        } catch (ExecutionException e) {
            failure = failure == null ? e.getCause() : failure;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = failure == null ? e : failure;
        } finally {
            ingestion.received(row.no());
        }
        if (failure == null) {
            ingestion.finished(writing.resultNow(), tally);
            return null;
        }
        BatchFailure reason = classify(failure);
        if (!ingestion.batches().finish(row.no(), row.attempt(), BatchStatus.FAILED, tally, reason.code(), reason.detail())) {
            log.warn("Batch {} (attempt {}) failed after another run took it over; its result stands", request.id(),
                    row.attempt());
        }
        ingestion.finished(BatchStatus.FAILED, tally);
        return reason;
    }

    private void read(InputStream raw) throws IOException, InterruptedException {
        BodyStream body = new BodyStream(raw, tally.bytesRead, ingestion.properties().maxUploadDuration());
        InputStream in = new CappedStream(request.gzip() ? new GZIPInputStream(body, 64 * 1024) : body,
                ingestion.properties().maxBodyBytes().toBytes());
        long maxRows = ingestion.properties().maxRows();
        int maxLine = ingestion.properties().maxLineBytes();
        RowReader reader = request.format() == RowFormat.CSV ? CsvRows.open(in, request.charset(), maxLine)
                : new NdjsonRows(in, request.charset(), maxLine);
        RowFields fields = new RowFields();
        ValidRow valid = new ValidRow();
        Chunk chunk = handoff.empty();
        long rows = 0;
        while (reader.next(fields)) {
            rows = tally.rowsRead.incrementAndGet();
            if (rows > maxRows) {
                throw new BatchProblem(BatchFailure.TOO_MANY_ROWS, "the body holds more than " + maxRows
                        + " rows, more than one batch may hold; nothing of it was kept. Split it into several batches");
            }
            if (rows % CHECK_WRITER_EVERY == 0) {
                handoff.checkWriter();
            }
            if (!rules.check(fields, valid, rejections)) {
                tally.rejected.incrementAndGet();
                continue;
            }
            long first = chunk.add(valid);
            if (first >= 0) {
                rejections.reject(valid.line(), io.kam.sellthrough.rows.Rejections.ROW, "duplicate of line " + first
                        + ": the same store, GTIN and date", null);
                tally.rejected.incrementAndGet();
            } else if (chunk.full()) {
                handoff.fill(chunk);
                chunk = handoff.empty();
            }
        }
        if (rows == 0) {
            throw new BatchProblem("empty-body", request.format() == RowFormat.CSV
                    ? "the body holds a header but no rows" : "the body is empty: send one JSON object per line");
        }
        tally.digest = body.drainAndDigest();
        if (chunk.size > 0) {
            handoff.fill(chunk);
        }
    }

    private void abortWriter() {
        try {
            handoff.abort();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private BatchFailure classify(Throwable failure) {
        return switch (failure) {
            case BatchProblem problem -> BatchFailure.unusable(problem.code(), problem.getMessage());
            case CappedStream.BodyTooLarge large -> new BatchFailure(BatchFailure.BODY_TOO_LARGE, large.getMessage(),
                    BatchFailure.Kind.TOO_LARGE);
            case ZipException zip -> BatchFailure.unusable("unreadable-body", "the body is not valid gzip: " + zip.getMessage());
            case BodyStream.TooSlow slow -> new BatchFailure(BatchFailure.UPLOAD_TOO_SLOW, slow.getMessage(),
                    BatchFailure.Kind.INTERRUPTED);
            case BodyStalled stalled -> new BatchFailure(BatchFailure.UPLOAD_INTERRUPTED,
                    "the body could not be read to its end: " + stalled.getMessage() + "; nothing of it was kept",
                    BatchFailure.Kind.INTERRUPTED);
            case IOException io -> {
                // the exception's own words (the JDK's, the server's) stay in the log
                log.info("Batch {}: the body could not be read to its end: {}", request.id(), io.toString());
                yield new BatchFailure(BatchFailure.UPLOAD_INTERRUPTED, "the body could not be read to its end (the "
                        + "connection broke or the sender stopped); nothing of it was kept. Send it again with the same "
                        + "batch id", BatchFailure.Kind.INTERRUPTED);
            }
            case TakenOver taken -> new BatchFailure(BatchFailure.TAKEN_OVER, taken.getMessage(),
                    BatchFailure.Kind.TAKEN_OVER);
            case AccountBusy busy -> new BatchFailure(BatchFailure.ACCOUNT_BUSY, busy.getMessage(),
                    BatchFailure.Kind.ACCOUNT_BUSY);
            default -> {
                log.error("Batch {} failed", request.id(), failure);
                yield new BatchFailure(BatchFailure.STORAGE_FAILED, "the batch could not be stored; nothing of it was "
                        + "kept. Send it again with the same batch id", BatchFailure.Kind.NOT_STORED);
            }
        };
    }
}
