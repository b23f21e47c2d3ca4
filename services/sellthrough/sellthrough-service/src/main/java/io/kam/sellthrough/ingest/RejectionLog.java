package io.kam.sellthrough.ingest;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;

import io.kam.sellthrough.rows.Rejections;

/**
 * The reasons rows of one batch were rejected, written to {@code batch_rejection} with COPY a few thousand at a time,
 * on connections of their own and committed at once, under the run's attempt (a run taken over cannot add to the
 * report of the run that took over): they are part of the report whatever becomes of the batch's own
 * transaction (a strict batch rolls back its rows, not its reasons), and visible while the batch is still being read.
 * Both the reading and the writing thread report here. Only the first {@code max-stored-rejections} reasons of a
 * batch are kept; the others are only counted, so that a body of bad rows cannot flood the database.
 */
final class RejectionLog implements Rejections {

    private static final int FLUSH_EVERY = 5_000;

    private final DataSource dataSource;
    private final long batchNo;
    private final int attempt;
    private final StringBuilder pending = new StringBuilder();
    private int count;
    private long n;
    private final long max;
    private final java.util.concurrent.atomic.AtomicLong notKept;

    /** @param notKept counts the reasons reported beyond the first {@code max}: counted, not kept */
    RejectionLog(DataSource dataSource, long batchNo, int attempt, long max, java.util.concurrent.atomic.AtomicLong notKept) {
        this.dataSource = dataSource;
        this.batchNo = batchNo;
        this.attempt = attempt;
        this.max = max;
        this.notKept = notKept;
    }

    @Override
    public synchronized void reject(long line, String field, String reason, @Nullable String value) {
        if (n >= max) {
            notKept.incrementAndGet();
            return;
        }
        pending.append(batchNo).append('\t').append(attempt).append('\t').append(++n).append('\t').append(line).append('\t');
        CopyText.text(pending, field);
        pending.append('\t');
        CopyText.text(pending, reason);
        pending.append('\t');
        CopyText.nullable(pending, value);
        pending.append('\n');
        if (++count >= FLUSH_EVERY) {
            flush();
        }
    }

    synchronized void flush() {
        if (count == 0) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy batch_rejection (batch_no, attempt, n, line, field, reason, value) from stdin",
                    new StringReader(pending.toString()));
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("could not record rejected rows of batch no " + batchNo, e);
        }
        pending.setLength(0);
        count = 0;
    }
}
