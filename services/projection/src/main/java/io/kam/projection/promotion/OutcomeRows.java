package io.kam.projection.promotion;

import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.promotions.api.PromotionEvents.FundSet;
import io.kam.promotions.api.PromotionEvents.Outcome;
import io.kam.promotions.api.PromotionEvents.PromotionEvaluated;

/**
 * What promotions achieved and what they may spend: each promotion's evaluation with the highest number (a lower one
 * changes nothing, whenever it arrives), and the account's funds as their latest budget (by its own time) set them.
 */
@Component
class OutcomeRows {

    private final JdbcClient jdbc;

    OutcomeRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An evaluation of the promotion's revision (the projector has checked it). */
    void evaluated(PromotionEvaluated e) {
        Outcome total = e.total();
        jdbc.sql("""
                        insert into promotion_evaluation (promotion_id, account_id, revision, evaluation, trigger,
                            uplift_percent, net_incremental_units, actual_sales, incremental_gross_profit, investment,
                            fees_settled, roi, cost_per_incremental_unit, missing_costs)
                        values (:promotionId, :accountId, :revision, :evaluation, :trigger, :uplift, :netUnits,
                                :sales, :profit, :investment, :feesSettled, :roi, :costPerUnit, :missingCosts)
                        on conflict (promotion_id) do update
                            set revision = excluded.revision, evaluation = excluded.evaluation,
                                trigger = excluded.trigger, uplift_percent = excluded.uplift_percent,
                                net_incremental_units = excluded.net_incremental_units,
                                actual_sales = excluded.actual_sales,
                                incremental_gross_profit = excluded.incremental_gross_profit,
                                investment = excluded.investment, fees_settled = excluded.fees_settled,
                                roi = excluded.roi, cost_per_incremental_unit = excluded.cost_per_incremental_unit,
                                missing_costs = excluded.missing_costs
                            where (promotion_evaluation.revision, promotion_evaluation.evaluation)
                                  < (excluded.revision, excluded.evaluation)""")
                .param("promotionId", e.promotionId()).param("accountId", e.accountId())
                .param("revision", e.revision()).param("evaluation", e.evaluation())
                .param("trigger", e.trigger().name()).param("uplift", total.upliftPercent())
                .param("netUnits", total.netIncrementalUnits()).param("sales", total.actualSales())
                .param("profit", total.incrementalGrossProfit()).param("investment", e.investment().total())
                .param("feesSettled", e.investment().feesSettled()).param("roi", e.roi())
                .param("costPerUnit", e.costPerIncrementalUnit()).param("missingCosts", e.missingCosts().size())
                .update();
    }

    /** The fund's budget as of {@code at}, unless a later one is known. */
    void fund(FundSet e, Instant at) {
        jdbc.sql("""
                        insert into promotion_fund (fund_id, account_id, year, category, amount, source, set_at)
                        values (:fundId, :accountId, :year, :category, :amount, :source, :at)
                        on conflict (fund_id) do update
                            set year = excluded.year, category = excluded.category, amount = excluded.amount,
                                source = excluded.source, set_at = excluded.set_at
                            where promotion_fund.set_at <= excluded.set_at""")
                .param("fundId", e.fundId()).param("accountId", e.accountId()).param("year", e.year())
                .param("category", e.category()).param("amount", e.amount()).param("source", e.source().name())
                .param("at", at.atOffset(ZoneOffset.UTC)).update();
    }
}
