package io.kam.sellthrough.connector;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code connector} table: configuration, where each connector's next pull starts, and which pulls are due. A pull
 * is claimed with a lease, so that of several instances one pulls at a time, and another takes over if it dies.
 */
@Component
class ConnectorStore {

    /** How long a claimed pull may run before another instance may try it again. */
    static final Duration LEASE = Duration.ofMinutes(10);

    private final JdbcClient jdbc;

    ConnectorStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ConnectorRow> ofAccount(UUID accountId) {
        return jdbc.sql("select " + ConnectorRow.COLUMNS + " from connector where account_id = :account")
                .param("account", accountId).query(ConnectorRow::map).optional();
    }

    Optional<ConnectorRow> find(UUID id) {
        return jdbc.sql("select " + ConnectorRow.COLUMNS + " from connector where id = :id").param("id", id)
                .query(ConnectorRow::map).optional();
    }

    /** Claims the connector whose pull is due longest, if any. */
    Optional<ConnectorRow> claimDue() {
        return jdbc.sql("""
                        update connector set lease_until = clock_timestamp() + make_interval(secs => :lease)
                        where id = (select id from connector
                                    where enabled and next_pull_at <= clock_timestamp()
                                      and (lease_until is null or lease_until < clock_timestamp())
                                    order by next_pull_at limit 1 for update skip locked)
                        returning """ + " " + ConnectorRow.COLUMNS)
                .param("lease", LEASE.toSeconds()).query(ConnectorRow::map).optional();
    }

    /**
     * A pull brought a batch: the cursor moves past it, and the next pull comes at once (the source may hold more), unless
     * the source gave the same cursor again. Runs in the batch's transaction.
     */
    void pulled(UUID id, String cursor, String batchId, @Nullable String note) {
        jdbc.sql("""
                        update connector set cursor = :cursor, pulls = pulls + 1, last_pull_at = clock_timestamp(),
                            last_batch_id = :batch, failures = 0, last_error = :note, lease_until = null,
                            next_pull_at = case when cursor is distinct from :cursor then clock_timestamp()
                                                else clock_timestamp() + make_interval(secs => every_seconds) end
                        where id = :id""")
                .param("cursor", cursor).param("batch", batchId).param("note", note).param("id", id).update();
    }

    /**
     * The source had nothing new: look again after the connector's interval. The current failure's reason goes (the
     * last failure's reason and time stay), a note about the last batch (a rejection) stays.
     */
    void idle(UUID id) {
        jdbc.sql("""
                        update connector set last_pull_at = clock_timestamp(), failures = 0,
                            last_error = case when failures > 0 then null else last_error end,
                            next_pull_at = clock_timestamp() + make_interval(secs => every_seconds), lease_until = null
                        where id = :id""")
                .param("id", id).update();
    }

    /** The pull failed: try again after the back-off. The reason is also kept as the last failure's, with its time. */
    void failed(UUID id, String error, Duration retryIn) {
        jdbc.sql("""
                        update connector set failures = failures + 1, last_error = :error, last_failure = :error,
                            last_failure_at = clock_timestamp(),
                            next_pull_at = clock_timestamp() + make_interval(secs => :wait), lease_until = null
                        where id = :id""")
                .param("error", error.length() > 2000 ? error.substring(0, 2000) : error)
                .param("wait", retryIn.toMillis() / 1000.0).param("id", id).update();
    }

    /** Due now. */
    void dueNow(UUID id) {
        jdbc.sql("update connector set next_pull_at = clock_timestamp() where id = :id").param("id", id).update();
    }
}
