package io.kam.projection.review;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.kam.platform.consumer.IdempotentProcessor;

/** Empties the review tables together with the record of what was processed, so that a replay applies everything. */
@Component
public class ReviewTables {

    private final JdbcClient jdbc;
    private final IdempotentProcessor processor;

    ReviewTables(JdbcClient jdbc, IdempotentProcessor processor) {
        this.jdbc = jdbc;
        this.processor = processor;
    }

    /** Joins the caller's transaction, so that a rebuild empties every table at once. */
    @Transactional
    public void clear() {
        jdbc.sql("""
                        truncate review_timeline, review_contact, review_store, review_event, review_account,
                            review_plan_version, review_plan_target, review_plan_month, review_plan_dependency,
                            review_plan_item, review_action_progress, review_heat_assessment, review_heat_factor,
                            review_wall_cell, review_swot_point
                        restart identity""").update();
        processor.forget(AccountsListener.CONSUMER);
    }
}
