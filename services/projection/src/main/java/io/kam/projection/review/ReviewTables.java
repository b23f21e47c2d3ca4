package io.kam.projection.review;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.kam.platform.consumer.IdempotentProcessor;
import io.kam.projection.prospect.ProspectTables;
import io.kam.projection.sellthrough.SellThroughTables;
import io.kam.projection.visit.VisitTables;

/**
 * Empties the review tables, the prospect pipeline's, the execution tables and the sell-through figures, together with the record of what was
 * processed, in one transaction, so that a replay of every topic applies everything.
 */
@Component
class ReviewTables {

    private final JdbcClient jdbc;
    private final IdempotentProcessor processor;
    private final ProspectTables prospects;
    private final VisitTables visits;
    private final SellThroughTables sellThrough;

    ReviewTables(JdbcClient jdbc, IdempotentProcessor processor, ProspectTables prospects, VisitTables visits,
                 SellThroughTables sellThrough) {
        this.jdbc = jdbc;
        this.processor = processor;
        this.prospects = prospects;
        this.visits = visits;
        this.sellThrough = sellThrough;
    }

    @Transactional
    void clear() {
        jdbc.sql("""
                        truncate review_timeline, review_contact, review_store, review_event, review_account,
                            review_plan_version, review_plan_target, review_plan_month, review_plan_dependency,
                            review_plan_item, review_action_progress, review_heat_assessment, review_heat_factor,
                            review_wall_cell, review_swot_point
                        restart identity""").update();
        processor.forget(AccountsListener.CONSUMER);
        prospects.clear();
        visits.clear();
        sellThrough.clear();
    }
}
