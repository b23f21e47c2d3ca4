package io.kam.sellthrough.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.kam.sellthrough.SellThroughProperties;

/**
 * Deletes the rejection reasons of batches that finished longer than {@code kam.sellthrough.rejections-retention} ago
 * (or were abandoned while receiving, their last heartbeat as long ago),
 * every hour and a few thousand rows per statement, so that reports do not grow the database for ever. The batches
 * themselves stay, with their counts; their report is then empty. Every instance may run it: deleting is idempotent.
 */
@Component
public class RejectionPruning {

    private static final Logger log = LoggerFactory.getLogger(RejectionPruning.class);
    private static final int ROWS_PER_STATEMENT = 10_000;

    private final JdbcClient jdbc;
    private final SellThroughProperties properties;

    RejectionPruning(JdbcClient jdbc, SellThroughProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Prunes what is due; returns how many reasons it deleted. */
    @Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
    public long prune() {
        long deleted = 0;
        int n;
        do {
            n = jdbc.sql("""
                            delete from batch_rejection where ctid in (
                                select r.ctid from batch_rejection r join batch b on b.no = r.batch_no
                                where b.finished_at < clock_timestamp() - make_interval(secs => :retention)
                                   or b.finished_at is null
                                      and b.heartbeat_at < clock_timestamp() - make_interval(secs => :retention)
                                limit :limit)""")
                    .param("retention", properties.rejectionsRetention().toSeconds())
                    .param("limit", ROWS_PER_STATEMENT).update();
            deleted += n;
        } while (n == ROWS_PER_STATEMENT);
        if (deleted > 0) {
            log.info("Pruned {} rejection reasons of batches finished more than {} ago", deleted,
                    properties.rejectionsRetention());
        }
        return deleted;
    }
}
