package io.kam.projection.visit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.kam.platform.calendar.MarketCalendar;
import io.kam.projection.visit.Execution.Complaints;
import io.kam.projection.visit.Execution.Compliance;
import io.kam.projection.visit.Execution.Coverage;
import io.kam.projection.visit.Execution.Figures;
import io.kam.projection.visit.Execution.OffPriceSku;
import io.kam.projection.visit.Execution.Prices;
import io.kam.projection.visit.Execution.Stock;
import io.kam.visits.api.ComplaintStatus;
import io.kam.visits.api.ComplaintType;

/**
 * The sums behind one region's figures, or the account's: they add up across regions, so that the account's
 * averages and rates come from every observation, never from averaging the regions' averages.
 */
record Tally(Visits visits, Checks checks, Map<String, Sku> skus, Complaint complaints) {

    static final int MOST_OFTEN_OFF_PRICE = 5;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    static Tally empty() {
        return new Tally(new Visits(0, 0, 0, 0), new Checks(0, BigDecimal.ZERO, null), Map.of(), Complaint.none());
    }

    Tally plusVisits(Visits more) {
        return new Tally(visits.plus(more), checks, skus, complaints);
    }

    Tally plusChecks(Checks more) {
        return new Tally(visits, checks.plus(more), skus, complaints);
    }

    Tally plusSku(String gtin, Sku more) {
        Map<String, Sku> all = new HashMap<>(skus);
        all.merge(gtin, more, Sku::plus);
        return new Tally(visits, checks, all, complaints);
    }

    Tally plusComplaints(Complaint more) {
        return new Tally(visits, checks, skus, complaints.plus(more));
    }

    Tally plus(Tally other) {
        Map<String, Sku> all = new HashMap<>(skus);
        other.skus.forEach((gtin, sku) -> all.merge(gtin, sku, Sku::plus));
        return new Tally(visits.plus(other.visits), checks.plus(other.checks), all, complaints.plus(other.complaints));
    }

    /** The figures, with the SKU names as listed and days counted up to {@code today}. */
    Figures figures(Map<String, String> names, LocalDate today) {
        return new Figures(visits.coverage(), checks.compliance(), prices(names), stock(), complaints.view(today));
    }

    private Prices prices(Map<String, String> names) {
        Sku all = skus.values().stream().reduce(Sku.NONE, Sku::plus);
        List<OffPriceSku> offPrice = skus.entrySet().stream().filter(e -> e.getValue().outside() > 0)
                .sorted(Comparator.<Map.Entry<String, Sku>>comparingLong(e -> -e.getValue().outside())
                        .thenComparing(e -> e.getValue().worst().abs(), Comparator.reverseOrder())
                        .thenComparing(Map.Entry::getKey))
                .limit(MOST_OFTEN_OFF_PRICE)
                .map(e -> new OffPriceSku(e.getKey(), names.get(e.getKey()), e.getValue().outside(),
                        e.getValue().priced(), e.getValue().worst()))
                .toList();
        return new Prices(all.priced(), average(all.deviationSum(), all.priced(), 2),
                average(all.absoluteSum(), all.priced(), 2), all.priced() == 0 ? null : all.worst(), all.outside(),
                percent(all.outside(), all.priced()), offPrice);
    }

    private Stock stock() {
        Sku all = skus.values().stream().reduce(Sku.NONE, Sku::plus);
        return new Stock(all.lines(), all.outOfStock(), all.offShelf(), percent(all.outOfStock(), all.lines()));
    }

    /** part / whole in percent, one decimal, half up; null when there is no whole. */
    static @Nullable BigDecimal percent(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private static @Nullable BigDecimal average(BigDecimal sum, long count, int scale) {
        return count == 0 ? null : sum.divide(BigDecimal.valueOf(count), scale, RoundingMode.HALF_UP);
    }

    /** Scheduled visits planned in the window; open ones are the rest of those due. */
    record Visits(long due, long done, long late, long missed) {
        Visits plus(Visits o) {
            return new Visits(due + o.due, done + o.done, late + o.late, missed + o.missed);
        }

        Coverage coverage() {
            return new Coverage(due, done, late, missed, due - done - missed, percent(done, due));
        }
    }

    /** Checks in the window with their scores' sum, and the last day checked ever. */
    record Checks(long count, BigDecimal scoreSum, @Nullable LocalDate last) {
        Checks plus(Checks o) {
            LocalDate latest = last == null ? o.last : o.last == null || last.isAfter(o.last) ? last : o.last;
            return new Checks(count + o.count, scoreSum.add(o.scoreSum), latest);
        }

        Compliance compliance() {
            return new Compliance(count, average(scoreSum, count, 1), last);
        }
    }

    /**
     * One SKU's lines in the window's checks: all of them, out of stock, off shelf; and those on shelf with a price
     * (priced), with their deviations' sums, highest and lowest, and how many were outside the tolerance.
     */
    record Sku(long lines, long outOfStock, long offShelf, long priced, BigDecimal deviationSum,
               BigDecimal absoluteSum, @Nullable BigDecimal max, @Nullable BigDecimal min, long outside) {

        static final Sku NONE = new Sku(0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, null, null, 0);

        Sku plus(Sku o) {
            return new Sku(lines + o.lines, outOfStock + o.outOfStock, offShelf + o.offShelf, priced + o.priced,
                    deviationSum.add(o.deviationSum), absoluteSum.add(o.absoluteSum), higher(max, o.max),
                    lower(min, o.min), outside + o.outside);
        }

        /** The deviation furthest from the agreed price; the higher one when the highest and lowest are as far. */
        BigDecimal worst() {
            if (max == null || min == null) {
                return BigDecimal.ZERO;
            }
            return max.abs().compareTo(min.abs()) >= 0 ? max : min;
        }

        private static @Nullable BigDecimal higher(@Nullable BigDecimal a, @Nullable BigDecimal b) {
            return a == null ? b : b == null ? a : a.max(b);
        }

        private static @Nullable BigDecimal lower(@Nullable BigDecimal a, @Nullable BigDecimal b) {
            return a == null ? b : b == null ? a : a.min(b);
        }
    }

    /**
     * Complaints by status, those resolved with a promised date not yet kept, the open ones (these among them) by
     * type, overdue promises and when the oldest open one was opened.
     */
    record Complaint(Map<ComplaintStatus, Long> byStatus, long awaitingPromise, Map<ComplaintType, Long> openByType,
                     long overdue, @Nullable Instant oldestOpen) {

        static Complaint none() {
            return new Complaint(zeros(ComplaintStatus.class), 0, zeros(ComplaintType.class), 0, null);
        }

        Complaint plus(Complaint o) {
            Map<ComplaintStatus, Long> statuses = new EnumMap<>(byStatus);
            o.byStatus.forEach((status, n) -> statuses.merge(status, n, Long::sum));
            Map<ComplaintType, Long> types = new EnumMap<>(openByType);
            o.openByType.forEach((type, n) -> types.merge(type, n, Long::sum));
            Instant oldest = oldestOpen == null ? o.oldestOpen
                    : o.oldestOpen == null || oldestOpen.isBefore(o.oldestOpen) ? oldestOpen : o.oldestOpen;
            return new Complaint(statuses, awaitingPromise + o.awaitingPromise, types, overdue + o.overdue, oldest);
        }

        Complaints view(LocalDate today) {
            long open = byStatus.get(ComplaintStatus.OPEN) + byStatus.get(ComplaintStatus.INVESTIGATING)
                    + awaitingPromise;
            LocalDate since = oldestOpen == null ? null : MarketCalendar.dayOf(oldestOpen);
            return new Complaints(open, awaitingPromise, openByType, byStatus, overdue, since,
                    since == null ? null : ChronoUnit.DAYS.between(since, today));
        }

        static <E extends Enum<E>> Map<E, Long> zeros(Class<E> type) {
            Map<E, Long> counts = new EnumMap<>(type);
            for (E constant : type.getEnumConstants()) {
                counts.put(constant, 0L);
            }
            return counts;
        }
    }
}
