package io.kam.projection.sellthrough;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.kam.platform.consumer.IdempotentProcessor;

/** Empties the sell-through tables together with the record of what was processed, so that a replay adds everything. */
@Component
public class SellThroughTables {

    private final JdbcClient jdbc;
    private final IdempotentProcessor processor;

    SellThroughTables(JdbcClient jdbc, IdempotentProcessor processor) {
        this.jdbc = jdbc;
        this.processor = processor;
    }

    /** Joins the caller's transaction, so that a rebuild empties every table at once. */
    @Transactional
    public void clear() {
        jdbc.sql("""
                truncate sell_through_fact, sell_through_day, sell_through_store_day, sell_through_gtin_day,
                    sell_through_account, sell_through_batch""").update();
        processor.forget(SellThroughListener.CONSUMER);
    }
}
