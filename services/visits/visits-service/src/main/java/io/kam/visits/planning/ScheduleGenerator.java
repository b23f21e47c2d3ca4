package io.kam.visits.planning;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.kam.visits.api.VisitFrequency;

/**
 * The days a store is due a visit under a frequency standard (拜访频率的标准), between two days. Pure and
 * deterministic: the same store, frequency and days always give the same dates, so that re-planning changes only what
 * a change calls for.
 *
 * <p>Each store has a fixed phase from its id, {@code floorMod(hashCode, 40)}, which spreads a coordinator's stores
 * over the working week: its weekday is {@code phase % 5} (Monday to Friday), its fortnight {@code (phase / 5) % 2}
 * (weeks counted from Monday 1970-01-05), its week of the month {@code (phase / 10) % 4}. So
 * <ul>
 *   <li>{@code WEEKLY}: every week, on the store's weekday;</li>
 *   <li>{@code FORTNIGHTLY}: every second week, on the store's weekday;</li>
 *   <li>{@code MONTHLY}: once a calendar month, on the store's weekday in its week of the month (the first to fourth
 *       such weekday, so always within the month);</li>
 *   <li>{@code TWICE_WEEKLY}: every week on Monday and Thursday, or Tuesday and Friday ({@code phase % 2}).</li>
 * </ul>
 * Fortnightly and monthly dates fall on the store's weekly weekday, so moving a store between these standards keeps
 * the visits both ask for.
 */
public final class ScheduleGenerator {

    static final int PHASES = 40;
    private static final LocalDate FIRST_MONDAY = LocalDate.of(1970, 1, 5);

    private ScheduleGenerator() {
    }

    /** The due days from {@code from} to {@code to}, both included, in order. */
    public static List<LocalDate> dueDates(UUID storeId, VisitFrequency frequency, LocalDate from, LocalDate to) {
        int phase = phase(storeId);
        List<LocalDate> days = new ArrayList<>();
        if (frequency == VisitFrequency.MONTHLY) {
            DayOfWeek weekday = DayOfWeek.of(phase % 5 + 1);
            for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
                LocalDate day = month.atDay(1).with(TemporalAdjusters.firstInMonth(weekday)).plusWeeks((phase / 10) % 4);
                addWithin(days, day, from, to);
            }
            return days;
        }
        for (LocalDate monday = mondayOf(from); !monday.isAfter(to); monday = monday.plusWeeks(1)) {
            switch (frequency) {
                case WEEKLY -> addWithin(days, monday.plusDays(phase % 5), from, to);
                case FORTNIGHTLY -> {
                    if (Math.floorMod(weekNumber(monday) + (phase / 5) % 2, 2) == 0) {
                        addWithin(days, monday.plusDays(phase % 5), from, to);
                    }
                }
                case TWICE_WEEKLY -> {
                    addWithin(days, monday.plusDays(phase % 2), from, to);
                    addWithin(days, monday.plusDays(phase % 2 + 3), from, to);
                }
                case MONTHLY -> throw new IllegalStateException("handled above");
            }
        }
        return days;
    }

    /** The store's phase, from 0 to 39. */
    static int phase(UUID storeId) {
        return Math.floorMod(storeId.hashCode(), PHASES);
    }

    static LocalDate mondayOf(LocalDate day) {
        return day.minusDays(day.getDayOfWeek().getValue() - 1L);
    }

    private static long weekNumber(LocalDate monday) {
        return (monday.toEpochDay() - FIRST_MONDAY.toEpochDay()) / 7;
    }

    private static void addWithin(List<LocalDate> days, LocalDate day, LocalDate from, LocalDate to) {
        if (!day.isBefore(from) && !day.isAfter(to)) {
            days.add(day);
        }
    }
}
