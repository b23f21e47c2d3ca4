package io.kam.projection.sellthrough;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The sell-through figures a review shows: the plan year's monthly sales and year-to-date totals (the plan's actuals),
 * and a summary of this year against last year. Reads the daily totals only; runs inside the review's snapshot.
 */
@Component
public class SellThroughTotals {

    private final JdbcClient jdbc;

    SellThroughTotals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The plan year's figures up to today (the whole year for a past year).
     *
     * @return empty when the account has no figures in that year up to today
     */
    public Optional<PlanActuals> planActuals(UUID accountId, int year, LocalDate today) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = min(LocalDate.of(year, 12, 31), today);
        Map<Integer, BigDecimal> salesByMonth = new HashMap<>();
        long[] units = {0};
        jdbc.sql("""
                        select extract(month from day)::int as month, sum(units) as units, sum(sales) as sales
                        from sell_through_day where account_id = ? and day between ? and ?
                        group by 1""")
                .params(accountId, from, to).query((ResultSet rs) -> {
                    salesByMonth.put(rs.getInt("month"), rs.getBigDecimal("sales"));
                    units[0] += rs.getLong("units");
                });
        if (salesByMonth.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal sales = salesByMonth.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(new PlanActuals(Map.copyOf(salesByMonth), units[0], sales));
    }

    /**
     * This year to date against the same time last year. "The same time" ends on the latest day this year has
     * figures for (today when it has none), moved back a year: retailers report a day or more late, and comparing
     * with last year up to today would count days this year cannot have yet.
     *
     * @return empty when the account has no figures at all
     */
    public Optional<Summary> summary(UUID accountId, LocalDate today) {
        Optional<Account> account = jdbc.sql("select currency, last_day from sell_through_account where account_id = ?")
                .param(accountId)
                .query((rs, row) -> new Account(rs.getString("currency"), rs.getObject("last_day", LocalDate.class)))
                .optional();
        return account.map(a -> {
            LocalDate startOfYear = today.withDayOfYear(1);
            Figures yearToDate = figures(accountId, startOfYear, today);
            LocalDate lastDayThisYear = jdbc.sql("""
                            select max(day) from sell_through_day where account_id = ? and day between ? and ?""")
                    .params(accountId, startOfYear, today).query(LocalDate.class).optional().orElse(null);
            LocalDate cutOff = lastDayThisYear == null ? today : lastDayThisYear;
            Figures lastYear = figures(accountId, startOfYear.minusYears(1), cutOff.minusYears(1));
            return new Summary(a.currency(), yearToDate, lastYear, growthPercent(yearToDate.sales(), lastYear.sales()),
                    a.lastDay());
        });
    }

    private Figures figures(UUID accountId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select coalesce(sum(units), 0) as units, coalesce(sum(sales), 0) as sales
                        from sell_through_day where account_id = ? and day between ? and ?""")
                .params(accountId, from, to)
                .query((rs, row) -> new Figures(from, to, rs.getLong("units"), rs.getBigDecimal("sales")))
                .single();
    }

    /** (now − before) / |before| as a percentage with one decimal; null when there is nothing to compare with. */
    public static @Nullable BigDecimal growthPercent(BigDecimal now, BigDecimal before) {
        if (before.signum() == 0) {
            return null;
        }
        return now.subtract(before).multiply(BigDecimal.valueOf(100)).divide(before.abs(), 1, RoundingMode.HALF_UP);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private record Account(String currency, LocalDate lastDay) {
    }

    /**
     * A plan year's figures.
     *
     * @param salesByMonth the sales of each month (1 to 12) that has figures
     * @param units        the year's units up to today
     * @param sales        the year's sales up to today
     */
    public record PlanActuals(Map<Integer, BigDecimal> salesByMonth, long units, BigDecimal sales) {
    }

    /**
     * The review's sell-through summary.
     *
     * @param currency         the account's currency, of every sales value
     * @param yearToDate       from 1 January of the current year (Asia/Shanghai) to today
     * @param lastYearSameTime from 1 January of last year to the latest day with figures this year, a year earlier
     * @param growthPercent    sales growth against last year's same time, one decimal; null when last year sold
     *                         nothing
     * @param lastDay          the latest day with figures
     */
    public record Summary(String currency, Figures yearToDate, Figures lastYearSameTime,
                          @Nullable BigDecimal growthPercent, LocalDate lastDay) {
    }

    /** Net units and sales over the days from {@code from} to {@code to}, both included. */
    public record Figures(LocalDate from, LocalDate to, long units, BigDecimal sales) {
    }
}
