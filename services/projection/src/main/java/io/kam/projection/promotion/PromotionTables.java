package io.kam.projection.promotion;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.kam.platform.consumer.IdempotentProcessor;

/**
 * Empties the promotion tables together with the record of what was processed, so that a replay applies everything.
 * The execution checks are the visits listener's and are emptied with the execution tables.
 */
@Component
public class PromotionTables {

    private final JdbcClient jdbc;
    private final IdempotentProcessor processor;

    PromotionTables(JdbcClient jdbc, IdempotentProcessor processor) {
        this.jdbc = jdbc;
        this.processor = processor;
    }

    /** Joins the caller's transaction, so that a rebuild empties every table at once. */
    @Transactional
    public void clear() {
        jdbc.sql("""
                truncate promotion_event, promotion, promotion_sku, promotion_store, promotion_evaluation,
                    promotion_fund""").update();
        processor.forget(PromotionsListener.CONSUMER);
    }
}
