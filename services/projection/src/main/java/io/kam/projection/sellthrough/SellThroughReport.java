package io.kam.projection.sellthrough;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import io.kam.accounts.api.Region;
import io.kam.projection.sellthrough.SellThroughViews.By;
import io.kam.projection.sellthrough.SellThroughViews.Grain;
import io.kam.projection.sellthrough.SellThroughViews.Report;
import io.kam.projection.sellthrough.SellThroughViews.Row;

/**
 * Sell-through by period and grouping, each period against the same period a year earlier, from the daily
 * aggregates. The range is widened to whole periods of the grain. A year earlier means: for a month, the same month;
 * for an ISO week, the week with the same number in the previous ISO week-based year (none for a week 53 the previous
 * year lacks); for a day, 364 days earlier, the same weekday 52 weeks back, as shoppers' weekly rhythm matters more
 * than the date.
 */
@Component
class SellThroughReport {

    private final JdbcClient jdbc;

    SellThroughReport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param region for STORE and REGION, only the stores of this region (a coordinator's); null for all
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Report report(UUID accountId, Grain grain, By by, LocalDate from, LocalDate to, @Nullable Region region) {
        LocalDate start = periodStart(grain, from);
        LocalDate end = periodEnd(grain, to);
        Map<Cell, Figures> now = figures(accountId, grain, by, start, end, region);
        Map<Cell, Figures> before = new HashMap<>();
        LocalDate lyStart = switch (grain) {
            case DAY -> start.minusDays(364);
            case WEEK -> start.minusWeeks(53);
            case MONTH -> start.minusYears(1);
        };
        LocalDate lyEnd = switch (grain) {
            case DAY -> end.minusDays(364);
            case WEEK -> end.minusWeeks(51);
            case MONTH -> end.minusYears(1).with(TemporalAdjusters.lastDayOfMonth());
        };
        figures(accountId, grain, by, lyStart, lyEnd, region).forEach((cell, figures) ->
                aYearLater(grain, cell.period())
                        .filter(period -> !period.isBefore(start) && !period.isAfter(end))
                        .ifPresent(period -> before.merge(new Cell(period, cell.key()), figures, Figures::plus)));
        TreeSet<Cell> cells = new TreeSet<>(Comparator.comparing(Cell::period)
                .thenComparing(Cell::key, Comparator.nullsFirst(Comparator.naturalOrder())));
        cells.addAll(now.keySet());
        cells.addAll(before.keySet());
        List<Row> rows = cells.stream().map(cell -> {
            Figures n = now.getOrDefault(cell, Figures.NONE);
            Figures b = before.getOrDefault(cell, Figures.NONE);
            return new Row(label(grain, cell.period()), cell.key(), n.units(), n.sales(), b.units(), b.sales(),
                    SellThroughTotals.growthPercent(n.sales(), b.sales()));
        }).toList();
        String currency = jdbc.sql("select currency from sell_through_account where account_id = ?").param(accountId)
                .query(String.class).optional().orElse(null);
        return new Report(accountId, currency, grain, by, start, end, rows);
    }

    private Map<Cell, Figures> figures(UUID accountId, Grain grain, By by, LocalDate from, LocalDate to,
                                       @Nullable Region region) {
        String period = switch (grain) {
            case DAY -> "day";
            case WEEK -> "date_trunc('week', day)::date";
            case MONTH -> "date_trunc('month', day)::date";
        };
        String regions = """
                regions as (select distinct on (code) code, region from review_store
                            where account_id = :account and code is not null order by code, open desc)""";
        String sql = switch (by) {
            case TOTAL -> "select " + period + " as period, null as key, sum(units) as units, sum(sales) as sales"
                    + " from sell_through_day where account_id = :account and day between :from and :to group by 1";
            case SKU -> "select " + period + " as period, gtin as key, sum(units) as units, sum(sales) as sales"
                    + " from sell_through_gtin_day where account_id = :account and day between :from and :to"
                    + " group by 1, 2";
            case STORE, REGION -> "with x as (select " + period + " as period, store_code, sum(units) as units,"
                    + " sum(sales) as sales from sell_through_store_day"
                    + " where account_id = :account and day between :from and :to group by 1, 2), " + regions
                    + " select x.period, " + (by == By.STORE ? "x.store_code" : "r.region")
                    + " as key, sum(x.units) as units, sum(x.sales) as sales"
                    + " from x left join regions r on r.code = x.store_code"
                    + (region == null ? "" : " where r.region = :region") + " group by 1, 2";
        };
        Map<Cell, Figures> figures = new HashMap<>();
        var statement = jdbc.sql(sql).param("account", accountId).param("from", from).param("to", to);
        if (region != null && (by == By.STORE || by == By.REGION)) {
            statement = statement.param("region", region.name());
        }
        statement.query((ResultSet rs) -> {
            figures.put(new Cell(rs.getObject("period", LocalDate.class), rs.getString("key")),
                    new Figures(rs.getLong("units"), rs.getBigDecimal("sales")));
        });
        return figures;
    }

    static LocalDate periodStart(Grain grain, LocalDate day) {
        return switch (grain) {
            case DAY -> day;
            case WEEK -> day.with(DayOfWeek.MONDAY);
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    static LocalDate periodEnd(Grain grain, LocalDate day) {
        return switch (grain) {
            case DAY -> day;
            case WEEK -> day.with(DayOfWeek.SUNDAY);
            case MONTH -> day.with(TemporalAdjusters.lastDayOfMonth());
        };
    }

    /** The period (by its first day) that a period of a year earlier is compared with; none for a week 53 that the following year lacks. */
    static Optional<LocalDate> aYearLater(Grain grain, LocalDate period) {
        return switch (grain) {
            case DAY -> Optional.of(period.plusDays(364));
            case MONTH -> Optional.of(period.plusYears(1));
            case WEEK -> {
                int week = period.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
                LocalDate midYear = LocalDate.of(period.get(IsoFields.WEEK_BASED_YEAR) + 1, 6, 15);
                if (IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(midYear).getMaximum() < week) {
                    yield Optional.empty();
                }
                yield Optional.of(midYear.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY));
            }
        };
    }

    static String label(Grain grain, LocalDate period) {
        return switch (grain) {
            case DAY -> period.toString();
            case WEEK -> String.format("%d-W%02d", period.get(IsoFields.WEEK_BASED_YEAR),
                    period.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> String.format("%d-%02d", period.getYear(), period.getMonthValue());
        };
    }

    private record Cell(LocalDate period, @Nullable String key) {
    }

    private record Figures(long units, BigDecimal sales) {
        static final Figures NONE = new Figures(0, BigDecimal.ZERO);

        Figures plus(Figures other) {
            return new Figures(units + other.units, sales.add(other.sales));
        }
    }
}
