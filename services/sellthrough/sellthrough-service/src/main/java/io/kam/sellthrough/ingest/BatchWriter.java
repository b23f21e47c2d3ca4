package io.kam.sellthrough.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

import io.kam.platform.outbox.Outbox;
import io.kam.sellthrough.api.BatchStatus;
import io.kam.sellthrough.api.IngestMode;
import io.kam.sellthrough.api.SellThroughEvents;
import io.kam.sellthrough.api.SellThroughEvents.BatchIngested;
import io.kam.sellthrough.rows.Rejections;
import io.kam.sellthrough.settings.AccountSettings;

/**
 * The writing side of a batch, on a thread of its own and in one transaction: it takes the account's lock, stores each
 * chunk the reader hands over, composes the events, and at the end of the body either commits everything with the
 * batch's final status and the completion's work, or, for a strict batch with rejected rows, rolls it all back.
 */
final class BatchWriter {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BatchWriter.class);

    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final Outbox outbox;
    private final Batches batches;
    private final BatchRequest request;
    private final BatchRow row;
    private final AccountSettings settings;
    private final Tally tally;
    private final Handoff handoff;
    private final RejectionLog rejections;
    private final Runnable stopReporting;
    private final Completion completion;
    private final int chunkRows;
    private final int linesPerEvent;
    private final int maxBuffered;
    private final Duration lockWait;

    BatchWriter(Ingestion ingestion, BatchRequest request, BatchRow row, AccountSettings settings, Tally tally,
                Handoff handoff, RejectionLog rejections, Runnable stopReporting, Completion completion) {
        this.dataSource = ingestion.dataSource();
        this.transactions = ingestion.transactions();
        this.outbox = ingestion.outbox();
        this.batches = ingestion.batches();
        this.chunkRows = ingestion.properties().chunkRows();
        this.linesPerEvent = ingestion.properties().linesPerEvent();
        this.maxBuffered = ingestion.properties().maxBufferedLines();
        this.lockWait = ingestion.properties().accountLockWait();
        this.request = request;
        this.row = row;
        this.settings = settings;
        this.tally = tally;
        this.handoff = handoff;
        this.rejections = rejections;
        this.stopReporting = stopReporting;
        this.completion = completion;
    }

    BatchStatus write() {
        BatchStatus status = transactions.execute(transaction -> {
            try {
                BatchStatus result = writeAll(DataSourceUtils.getConnection(dataSource));
                if (result == BatchStatus.REJECTED) {
                    transaction.setRollbackOnly();
                }
                return result;
            } catch (SQLException e) {
                throw new IllegalStateException("batch " + request.id() + " could not be stored: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("batch " + request.id() + " was interrupted", e);
            }
        });
        if (status == BatchStatus.REJECTED) {
            rejections.flush();
            transactions.executeWithoutResult(t -> {
                stopReporting.run();
                if (!batches.finish(row.no(), row.attempt(), BatchStatus.REJECTED, tally, null, null)) {
                    throw new TakenOver(request.id(), row.attempt());
                }
                completion.completed(BatchStatus.REJECTED);
            });
        }
        return status;
    }

    private BatchStatus writeAll(Connection connection) throws SQLException, InterruptedException {
        long started = System.nanoTime();
        lockAccount(connection);
        long locked = System.nanoTime();
        SaleWriter sales = new SaleWriter(connection, row.no(), settings.scale(), chunkRows);
        EventComposer composer = new EventComposer(outbox, request.accountId(), request.id(), settings.currency(),
                settings.scale(), request.actor(), linesPerEvent, maxBuffered, tally);
        long waiting = 0;
        long storing = 0;
        long composing = 0;
        while (true) {
            long asked = System.nanoTime();
            Chunk chunk = handoff.next();
            long got = System.nanoTime();
            waiting += got - asked;
            if (chunk == Handoff.END) {
                break;
            }
            if (chunk == Handoff.ABORT) {
                throw new IllegalStateException("the body of batch " + request.id() + " could not be read to its end");
            }
            sales.write(chunk);
            long stored = System.nanoTime();
            storing += stored - got;
            count(chunk, sales);
            composer.add(chunk, sales);
            handoff.recycle(chunk);
            composing += System.nanoTime() - stored;
        }
        long finishing = System.nanoTime();
        composer.finish();
        composing += System.nanoTime() - finishing;
        log.info("Batch {}: {} rows; waited {} ms for the account, {} ms for rows; stored them in {} ms, composed {} events "
                        + "in {} ms ({} ms appending them to the outbox)", request.id(), tally.rowsRead.get(),
                (locked - started) / 1_000_000, waiting / 1_000_000, storing / 1_000_000, tally.parts,
                composing / 1_000_000, composer.appendNanos / 1_000_000);
        if (request.mode() == IngestMode.STRICT && tally.rejected.get() > 0) {
            return BatchStatus.REJECTED;
        }
        rejections.flush();
        outbox.append(SellThroughEvents.CATALOG, new BatchIngested(request.accountId(), request.id(), request.source(),
                request.connectorId(), request.mode(), tally.rowsRead.get(), tally.recorded.get(), tally.restated.get(),
                tally.unchanged.get(), tally.rejected.get(), tally.parts, tally.firstDay, tally.lastDay,
                settings.currency(), composer.deltaUnits, composer.decimal(composer.deltaSales)), request.actor());
        stopReporting.run();
        if (!batches.finish(row.no(), row.attempt(), BatchStatus.COMPLETED, tally, null, null)) {
            // another run owns the batch id now: roll back all of this one (rows, events, a connector's cursor)
            throw new TakenOver(request.id(), row.attempt());
        }
        completion.completed(BatchStatus.COMPLETED);
        return BatchStatus.COMPLETED;
    }

    /**
     * One batch per account at a time, in the order they get here: the lock the outbox takes for the account's events
     * anyway, taken first and for the whole batch, so that a later batch restates what an earlier one committed.
     */
    private void lockAccount(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                select set_config('lock_timeout', ?, true), pg_advisory_xact_lock(hashtextextended(?, 7)),
                    set_config('lock_timeout', '0', true)""")) {
            statement.setString(1, lockWait.toMillis() + "ms");
            statement.setString(2, request.accountId().toString());
            statement.execute();
        } catch (SQLException e) {
            if ("55P03".equals(e.getSQLState())) {
                throw new AccountBusy("another batch of this account is being ingested; it held the account for more than "
                        + lockWait.toSeconds() + " s. Send this batch again later, with the same batch id", e);
            }
            throw e;
        }
    }

    private void count(Chunk chunk, SaleWriter sales) {
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (int i = 0; i < chunk.size; i++) {
            switch (sales.kind[i]) {
                case SaleWriter.NEW -> tally.recorded.incrementAndGet();
                case SaleWriter.RESTATED -> tally.restated.incrementAndGet();
                case SaleWriter.UNCHANGED -> tally.unchanged.incrementAndGet();
                default -> {
                    rejections.reject(chunk.line[i], Rejections.ROW, "duplicate of line " + sales.firstLine[i]
                            + ": the same store, GTIN and date", null);
                    tally.rejected.incrementAndGet();
                    continue;
                }
            }
            first = Math.min(first, chunk.day[i]);
            last = Math.max(last, chunk.day[i]);
        }
        if (first <= last) {
            tally.day(LocalDate.ofEpochDay(first), LocalDate.ofEpochDay(last));
        }
    }
}
