package io.kam.sellthrough.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.sellthrough.api.BatchSource;
import io.kam.sellthrough.api.BatchStatus;
import io.kam.sellthrough.api.IngestMode;
import io.kam.sellthrough.api.RowFormat;

/** A row of the {@code batch} table. */
public record BatchRow(long no, String id, UUID accountId, BatchSource source, @Nullable UUID connectorId,
                       IngestMode mode, RowFormat format, String charset, BatchStatus status, String submittedBy,
                       int attempt, Instant startedAt, Instant heartbeatAt, @Nullable Instant finishedAt,
                       @Nullable Long bytesTotal, long bytesRead, long rowsRead, long accepted, long recorded,
                       long restated, long unchanged, long rejected, int parts, @Nullable LocalDate firstDay,
                       @Nullable LocalDate lastDay, @Nullable String digest, @Nullable String problemCode,
                       @Nullable String problemDetail, long reasonsNotKept) {

    static final String COLUMNS = """
            no, id, account_id, source, connector_id, mode, format, charset, status, submitted_by, attempt, started_at,
            heartbeat_at, finished_at, bytes_total, bytes_read, rows_read, accepted, recorded, restated, unchanged,
            rejected, parts, first_day, last_day, digest, problem_code, problem_detail, reasons_not_kept""";

    static BatchRow map(ResultSet rs, int n) throws SQLException {
        return new BatchRow(rs.getLong(1), rs.getString(2), rs.getObject(3, UUID.class),
                BatchSource.valueOf(rs.getString(4)), rs.getObject(5, UUID.class), IngestMode.valueOf(rs.getString(6)),
                RowFormat.valueOf(rs.getString(7)), rs.getString(8), BatchStatus.valueOf(rs.getString(9)),
                rs.getString(10), rs.getInt(11), instant(rs, 12), instant(rs, 13), instant(rs, 14),
                rs.getObject(15, Long.class), rs.getLong(16), rs.getLong(17), rs.getLong(18), rs.getLong(19),
                rs.getLong(20), rs.getLong(21), rs.getLong(22), rs.getInt(23), rs.getObject(24, LocalDate.class),
                rs.getObject(25, LocalDate.class), rs.getString(26), rs.getString(27), rs.getString(28), rs.getLong(29));
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Rows read per second, from the start until the end or the latest progress report. */
    public long rowsPerSecond() {
        Instant until = finishedAt != null ? finishedAt : heartbeatAt;
        double seconds = Math.max(0.001, java.time.Duration.between(startedAt, until).toNanos() / 1e9);
        return Math.round(rowsRead / seconds);
    }

    /** Seconds until the whole body is read at the rate so far; null when finished or of unknown length. */
    public @Nullable Long etaSeconds() {
        if (status != BatchStatus.RECEIVING || bytesTotal == null || bytesRead == 0) {
            return null;
        }
        double seconds = Math.max(0.001, java.time.Duration.between(startedAt, heartbeatAt).toNanos() / 1e9);
        double bytesPerSecond = bytesRead / seconds;
        return Math.max(0, Math.round((bytesTotal - bytesRead) / bytesPerSecond));
    }
}
