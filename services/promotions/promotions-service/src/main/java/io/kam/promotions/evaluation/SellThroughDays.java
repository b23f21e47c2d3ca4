package io.kam.promotions.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.promotions.promotion.PromotionEvaluations;
import io.kam.sellthrough.api.SellThroughEvents.BatchIngested;
import io.kam.sellthrough.api.SellThroughEvents.RecordedLine;
import io.kam.sellthrough.api.SellThroughEvents.RestatedLine;
import io.kam.sellthrough.api.SellThroughEvents.SalesRecorded;
import io.kam.sellthrough.api.SellThroughEvents.SalesRestated;
import io.kam.sellthrough.api.SellThroughEvents.SellThroughEvent;

/**
 * Daily units and sales value per account, store code and GTIN: recorded lines add their figures, restated lines
 * their deltas (new minus replaced), so the sum equals what the sell-through service holds. Runs in the listener's
 * transaction after the platform recorded the event id, so a redelivered event is never added twice. Figures that
 * reach an evaluated promotion's window mark it for another evaluation.
 */
@Component
class SellThroughDays {

    private static final String ADD = """
            insert into sell_through_day as d (account_id, store_code, gtin, day, units, sales)
            values (?, ?, ?, ?, ?, ?)
            on conflict (account_id, store_code, gtin, day) do update
            set units = d.units + excluded.units, sales = d.sales + excluded.sales""";

    private final JdbcClient jdbc;
    private final PromotionEvaluations evaluations;
    private final int daysBefore;
    private final int daysAfter;

    SellThroughDays(JdbcClient jdbc, PromotionEvaluations evaluations,
                    @Value("${kam.promotions.baseline-weeks:8}") int baselineWeeks,
                    @Value("${kam.promotions.dip-weeks:2}") int dipWeeks) {
        this.jdbc = jdbc;
        this.evaluations = evaluations;
        this.daysBefore = 7 * baselineWeeks + Baseline.LAST_YEAR_DAYS;
        this.daysAfter = 7 * dipWeeks;
    }

    void apply(SellThroughEvent event) {
        switch (event) {
            case SalesRecorded e -> {
                for (RecordedLine line : e.lines()) {
                    add(e.accountId(), line.store(), line.gtin(), e.day(), line.units(), line.sales());
                }
                reevaluate(e.accountId(), e.day(), e.lines().stream().map(RecordedLine::store));
            }
            case SalesRestated e -> {
                for (RestatedLine line : e.lines()) {
                    add(e.accountId(), line.store(), line.gtin(), e.day(), line.deltaUnits(), line.deltaSales());
                }
                reevaluate(e.accountId(), e.day(), e.lines().stream().map(RestatedLine::store));
            }
            case BatchIngested e -> {
                // the batch's summary: nothing to add
            }
        }
    }

    /**
     * Figures of a day that an evaluated promotion of these stores was computed from changed (a restatement, or a
     * late delivery): it is evaluated again.
     */
    private void reevaluate(UUID account, LocalDate day, Stream<String> stores) {
        evaluations.markDueForSales(account, day, stores.distinct().toList(), daysBefore, daysAfter);
    }

    private void add(UUID account, String store, String gtin, LocalDate day, long units, BigDecimal sales) {
        jdbc.sql(ADD).params(account, store, gtin, day, units, sales).update();
    }
}
