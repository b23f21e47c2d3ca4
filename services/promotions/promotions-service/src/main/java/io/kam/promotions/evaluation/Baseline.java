package io.kam.promotions.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.kam.promotions.api.PromotionEvents.Period;

/**
 * The baseline of one SKU in one store: the units a day it would have sold without the promotion.
 *
 * <p>The pre-period is the {@code weeks} × 7 days before the in-store period. Its days inside another promotion of the same SKU and
 * store that ran (running, ended or evaluated) are left out; a day without a sell-through figure counts as zero units. The
 * average daily units over the days left is scaled by last year's ratio when a full year of history exists: the
 * in-store period and the pre-period shifted back 52 weeks (364 days, so weekdays match) each hold at least one day
 * with a figure for this store and SKU, and the last-year pre-period sold something. The ratio is the last-year
 * in-store daily average ÷ the last-year pre-period daily average (same exclusions). Intermediate quotients carry 34
 * significant digits (DECIMAL128); the baseline is rounded once, to 4 decimals, half-even.
 */
public final class Baseline {

    public static final int SCALE = 4;
    static final int LAST_YEAR_DAYS = 364;

    private Baseline() {
    }

    /** The baseline daily units, 4 decimals half-even; zero when every pre-period day is excluded. */
    public static BigDecimal dailyUnits(Map<LocalDate, Long> units, Set<LocalDate> excluded, Period inStore, int weeks) {
        return daily(units, excluded, inStore, weeksBefore(inStore.from(), weeks));
    }

    /**
     * The daily units a promotion's period is expected to sell without it, for a forecast: the same method, with the
     * pre-period the {@code weeks} before the in-store period or before today, whichever is earlier (a future
     * period has no figures of its own weeks before yet).
     */
    public static BigDecimal expectedDailyUnits(Map<LocalDate, Long> units, Set<LocalDate> excluded, Period inStore,
                                                LocalDate today, int weeks) {
        LocalDate anchor = inStore.from().isBefore(today) ? inStore.from() : today;
        return daily(units, excluded, inStore, weeksBefore(anchor, weeks));
    }

    private static Period weeksBefore(LocalDate day, int weeks) {
        return new Period(day.minusDays(7L * weeks), day.minusDays(1));
    }

    private static BigDecimal daily(Map<LocalDate, Long> units, Set<LocalDate> excluded, Period inStore, Period pre) {
        BigDecimal average = average(units, excluded, pre);
        if (average == null) {
            return BigDecimal.ZERO.setScale(SCALE);
        }
        Period lastYearIn = shift(inStore);
        Period lastYearPre = shift(pre);
        if (hasData(units, lastYearIn) && hasData(units, lastYearPre)) {
            BigDecimal before = average(units, excluded, lastYearPre);
            BigDecimal during = average(units, excluded, lastYearIn);
            if (before != null && during != null && before.signum() > 0) {
                average = average.multiply(during.divide(before, MathContext.DECIMAL128));
            }
        }
        return average.setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    /** Units summed over the period's days (missing days zero). */
    public static long total(Map<LocalDate, Long> units, Period period) {
        long sum = 0;
        for (LocalDate d = period.from(); !d.isAfter(period.to()); d = d.plusDays(1)) {
            sum += units.getOrDefault(d, 0L);
        }
        return sum;
    }

    public static long days(Period period) {
        return period.to().toEpochDay() - period.from().toEpochDay() + 1;
    }

    private static Period shift(Period p) {
        return new Period(p.from().minusDays(LAST_YEAR_DAYS), p.to().minusDays(LAST_YEAR_DAYS));
    }

    private static boolean hasData(Map<LocalDate, Long> units, Period p) {
        for (LocalDate d = p.from(); !d.isAfter(p.to()); d = d.plusDays(1)) {
            if (units.containsKey(d)) {
                return true;
            }
        }
        return false;
    }

    private static @Nullable BigDecimal average(Map<LocalDate, Long> units, Set<LocalDate> excluded, Period p) {
        long sum = 0;
        long counted = 0;
        for (LocalDate d = p.from(); !d.isAfter(p.to()); d = d.plusDays(1)) {
            if (!excluded.contains(d)) {
                sum += units.getOrDefault(d, 0L);
                counted++;
            }
        }
        return counted == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(counted), MathContext.DECIMAL128);
    }
}
