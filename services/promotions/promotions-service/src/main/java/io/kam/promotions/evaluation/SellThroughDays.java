package io.kam.promotions.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** One statement per event whatever its lines: the lines travel as arrays, one entry per store and GTIN. */
    private static final String ADD = """
            insert into sell_through_day as d (account_id, store_code, gtin, day, units, sales)
            select :account, line.store, line.gtin, :day, line.units, line.sales
            from unnest(cast(:stores as text[]), cast(:gtins as text[]), cast(:units as bigint[]),
                        cast(:sales as numeric[])) as line (store, gtin, units, sales)
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
                Lines lines = new Lines();
                for (RecordedLine line : e.lines()) {
                    lines.add(line.store(), line.gtin(), line.units(), line.sales());
                }
                lines.addTo(jdbc, e.accountId(), e.day());
                reevaluate(e.accountId(), e.day(), e.lines().stream().map(RecordedLine::store));
            }
            case SalesRestated e -> {
                Lines lines = new Lines();
                for (RestatedLine line : e.lines()) {
                    lines.add(line.store(), line.gtin(), line.deltaUnits(), line.deltaSales());
                }
                lines.addTo(jdbc, e.accountId(), e.day());
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

    /** An event's lines summed per store and GTIN (a statement may touch each row once). */
    private static final class Lines {
        private final Map<List<String>, long[]> units = new LinkedHashMap<>();
        private final Map<List<String>, BigDecimal> sales = new LinkedHashMap<>();

        void add(String store, String gtin, long lineUnits, BigDecimal lineSales) {
            List<String> key = List.of(store, gtin);
            units.computeIfAbsent(key, k -> new long[1])[0] += lineUnits;
            sales.merge(key, lineSales, BigDecimal::add);
        }

        void addTo(JdbcClient jdbc, UUID account, LocalDate day) {
            if (units.isEmpty()) {
                return;
            }
            jdbc.sql(ADD).param("account", account).param("day", day)
                    .param("stores", units.keySet().stream().map(List::getFirst).toArray(String[]::new))
                    .param("gtins", units.keySet().stream().map(List::getLast).toArray(String[]::new))
                    .param("units", units.values().stream().map(u -> u[0]).toArray(Long[]::new))
                    .param("sales", sales.values().toArray(BigDecimal[]::new)).update();
        }
    }
}
