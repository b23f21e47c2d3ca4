package io.kam.visits.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.kam.visits.api.VisitFrequency;

/** Schedule generation: given a store and a standard, when the days between two dates are asked for, then these. */
class ScheduleGeneratorTest {

    /** Tuesday: a quarter of thirteen weeks starts the day after a Monday. */
    private static final LocalDate FROM = LocalDate.of(2030, 3, 5);
    private static final LocalDate TO = FROM.plusWeeks(13).minusDays(1);

    @Nested
    class Weekly {

        @Test
        void givenAStoreOnWednesdays_whenThirteenWeeksArePlanned_thenItIsDueEveryWednesday() {
            UUID store = storeWithPhase(2);

            List<LocalDate> days = ScheduleGenerator.dueDates(store, VisitFrequency.WEEKLY, FROM, TO);

            assertThat(days).hasSize(13).allMatch(d -> d.getDayOfWeek() == DayOfWeek.WEDNESDAY);
            assertThat(days.getFirst()).isEqualTo(LocalDate.of(2030, 3, 6));
            assertThat(days).isSorted().doesNotHaveDuplicates();
        }

        @Test
        void givenAStoreOnMondays_whenPlanningStartsOnATuesday_thenItsFirstVisitIsNextMonday() {
            UUID store = storeWithPhase(0);

            List<LocalDate> days = ScheduleGenerator.dueDates(store, VisitFrequency.WEEKLY, FROM, TO);

            assertThat(days).hasSize(13).allMatch(d -> d.getDayOfWeek() == DayOfWeek.MONDAY);
            assertThat(days.getFirst()).isEqualTo(LocalDate.of(2030, 3, 11));
        }

        @Test
        void givenManyStores_whenPlanned_thenTheirVisitsSpreadOverTheFiveWorkingDays() {
            Map<DayOfWeek, Integer> perDay = new EnumMap<>(DayOfWeek.class);
            IntStream.range(0, 2000).mapToObj(i -> UUID.nameUUIDFromBytes(("store " + i).getBytes()))
                    .flatMap(s -> ScheduleGenerator.dueDates(s, VisitFrequency.WEEKLY, FROM, TO).stream())
                    .forEach(d -> perDay.merge(d.getDayOfWeek(), 1, Integer::sum));

            assertThat(perDay).doesNotContainKeys(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(perDay.values()).allSatisfy(n -> assertThat(n).isBetween(4000, 6000));
        }
    }

    @Nested
    class OtherFrequencies {

        @Test
        void givenAFortnightlyStandard_whenPlanned_thenEverySecondWeekOnTheStoresWeekday() {
            UUID store = storeWithPhase(3);

            List<LocalDate> days = ScheduleGenerator.dueDates(store, VisitFrequency.FORTNIGHTLY, FROM, TO);

            assertThat(days).hasSizeBetween(6, 7).allMatch(d -> d.getDayOfWeek() == DayOfWeek.THURSDAY);
            for (int i = 1; i < days.size(); i++) {
                assertThat(days.get(i)).isEqualTo(days.get(i - 1).plusWeeks(2));
            }
        }

        @Test
        void givenTwoStoresOfOppositeFortnights_whenPlanned_thenTheyAlternateWeeks() {
            List<LocalDate> even = ScheduleGenerator.dueDates(storeWithPhase(1), VisitFrequency.FORTNIGHTLY, FROM, TO);
            List<LocalDate> odd = ScheduleGenerator.dueDates(storeWithPhase(6), VisitFrequency.FORTNIGHTLY, FROM, TO);

            assertThat(even).allMatch(d -> d.getDayOfWeek() == DayOfWeek.TUESDAY);
            assertThat(odd).allMatch(d -> d.getDayOfWeek() == DayOfWeek.TUESDAY);
            assertThat(even).doesNotContainAnyElementsOf(odd);
            assertThat(even.size() + odd.size()).isEqualTo(13);
        }

        @Test
        void givenAMonthlyStandard_whenPlanned_thenOncePerCalendarMonthOnTheStoresWeekdayAndWeek() {
            UUID store = storeWithPhase(24); // Friday (24 % 5 = 4), third Friday ((24 / 10) % 4 = 2)

            List<LocalDate> days = ScheduleGenerator.dueDates(store, VisitFrequency.MONTHLY, LocalDate.of(2030, 3, 1),
                    LocalDate.of(2030, 5, 31));

            assertThat(days).containsExactly(LocalDate.of(2030, 3, 15), LocalDate.of(2030, 4, 19), LocalDate.of(2030, 5, 17));
            assertThat(days.stream().map(YearMonth::from).distinct()).hasSize(3);
        }

        @Test
        void givenTwiceWeekly_whenPlanned_thenMondayAndThursdayOrTuesdayAndFriday() {
            List<LocalDate> days = ScheduleGenerator.dueDates(storeWithPhase(1), VisitFrequency.TWICE_WEEKLY,
                    LocalDate.of(2030, 3, 4), LocalDate.of(2030, 3, 17));

            assertThat(days).containsExactly(LocalDate.of(2030, 3, 5), LocalDate.of(2030, 3, 8),
                    LocalDate.of(2030, 3, 12), LocalDate.of(2030, 3, 15));
        }

        @Test
        void givenAStoreMovingFromWeeklyToFortnightlyOrMonthly_whenReplanned_thenEveryNewDayWasAlreadyAWeeklyDay() {
            for (int phase = 0; phase < ScheduleGenerator.PHASES; phase++) {
                UUID store = storeWithPhase(phase);
                List<LocalDate> weekly = ScheduleGenerator.dueDates(store, VisitFrequency.WEEKLY, FROM, TO);

                assertThat(weekly).containsAll(ScheduleGenerator.dueDates(store, VisitFrequency.FORTNIGHTLY, FROM, TO));
                assertThat(weekly).containsAll(ScheduleGenerator.dueDates(store, VisitFrequency.MONTHLY, FROM, TO));
            }
        }

        @Test
        void givenTheSameStoreAndDays_whenPlannedTwice_thenTheDaysAreTheSame() {
            UUID store = UUID.randomUUID();
            for (VisitFrequency frequency : VisitFrequency.values()) {
                assertThat(ScheduleGenerator.dueDates(store, frequency, FROM, TO))
                        .isEqualTo(ScheduleGenerator.dueDates(store, frequency, FROM, TO));
            }
        }
    }

    /** A store id whose phase is the one asked for. */
    static UUID storeWithPhase(int phase) {
        for (int i = 0; ; i++) {
            UUID id = UUID.nameUUIDFromBytes(("store with phase " + phase + " #" + i).getBytes());
            if (ScheduleGenerator.phase(id) == phase) {
                return id;
            }
        }
    }
}
