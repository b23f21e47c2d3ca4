package io.kam.projection.sellthrough;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Response bodies of {@code GET /api/reviews/{accountId}/sell-through}. */
final class SellThroughViews {

    private SellThroughViews() {
    }

    /** The length of a report's periods. */
    enum Grain {
        DAY,
        /** ISO weeks, Monday to Sunday, labelled like {@code 2026-W11}. */
        WEEK,
        MONTH
    }

    /** What a report's rows are per period. */
    enum By {
        /** The account's total: key null. */
        TOTAL,
        /** Per store: key the store's code. */
        STORE,
        /** Per region of the stores: key the region; null for stores the projection does not know yet. */
        REGION,
        /** Per product: key the GTIN-14. */
        SKU
    }

    /**
     * @param currency the currency of every sales value; null while the account has no figures
     * @param from     the first day of the first period (the range asked, widened to whole periods)
     * @param to       the last day of the last period
     * @param rows     by period, then key; periods and keys without figures this year or last are left out
     */
    record Report(UUID accountId, @Nullable String currency, Grain grain, By by, LocalDate from, LocalDate to,
                  List<Row> rows) {
    }

    /**
     * @param period        {@code 2026-03-14}, {@code 2026-W11} or {@code 2026-03}
     * @param key           the store code, region or GTIN; null for TOTAL
     * @param lastYearUnits the same period a year earlier (days: 364 days earlier)
     * @param growthPercent sales growth against a year earlier, one decimal; null when a year earlier sold nothing
     */
    record Row(String period, @Nullable String key, long units, BigDecimal sales, long lastYearUnits,
               BigDecimal lastYearSales, @Nullable BigDecimal growthPercent) {
    }
}
