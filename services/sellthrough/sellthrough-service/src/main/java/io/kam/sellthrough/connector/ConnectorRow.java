package io.kam.sellthrough.connector;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.sellthrough.api.ConnectorKind;
import io.kam.sellthrough.api.IngestMode;
import io.kam.sellthrough.api.RowFormat;
import io.kam.sellthrough.api.SellThroughViews.ConnectorView;

/** A row of the {@code connector} table. */
record ConnectorRow(UUID id, UUID accountId, ConnectorKind kind, @Nullable String url, @Nullable String folder,
                    RowFormat format, String charset, IngestMode mode, int everySeconds, @Nullable String authHeader,
                    boolean enabled, @Nullable String cursor, long pulls, @Nullable Instant lastPullAt,
                    Instant nextPullAt, int failures, @Nullable String lastError, @Nullable String lastBatchId,
                    long version, @Nullable String lastFailure, @Nullable Instant lastFailureAt) {

    static final String COLUMNS = """
            id, account_id, kind, url, folder, format, charset, mode, every_seconds, auth_header, enabled, cursor, pulls,
            last_pull_at, next_pull_at, failures, last_error, last_batch_id, version, last_failure, last_failure_at""";

    static ConnectorRow map(ResultSet rs, int n) throws SQLException {
        return new ConnectorRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                ConnectorKind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), RowFormat.valueOf(rs.getString(6)),
                rs.getString(7), IngestMode.valueOf(rs.getString(8)), rs.getInt(9), rs.getString(10), rs.getBoolean(11),
                rs.getString(12), rs.getLong(13), instant(rs, 14), instant(rs, 15), rs.getInt(16), rs.getString(17),
                rs.getString(18), rs.getLong(19), rs.getString(20), instant(rs, 21));
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** The id of the batch the next pull makes: the connector and its pull number, the same on every retry. */
    String nextBatchId() {
        return "pull-" + id + "-" + (pulls + 1);
    }

    ConnectorView view() {
        return new ConnectorView(id, accountId, kind, url, folder, format, charset, mode, everySeconds, authHeader != null,
                enabled, cursor, pulls, lastPullAt, enabled ? nextPullAt : null, failures, lastError, lastBatchId, version,
                lastFailure, lastFailureAt);
    }
}
