package io.kam.projection.visit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.kam.platform.consumer.IdempotentProcessor;

/** Empties the execution tables together with the record of what was processed, so that a replay applies everything. */
@Component
public class VisitTables {

    private final JdbcClient jdbc;
    private final IdempotentProcessor processor;

    VisitTables(JdbcClient jdbc, IdempotentProcessor processor) {
        this.jdbc = jdbc;
        this.processor = processor;
    }

    /** Joins the caller's transaction, so that a rebuild empties every table at once. */
    @Transactional
    public void clear() {
        jdbc.sql("""
                truncate visit_event, visit, store_check, store_check_sku, listed_sku, listed_sku_change, complaint,
                         promotion_check""").update();
        processor.forget(VisitsListener.CONSUMER);
    }
}
