package io.kam.promotions.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.kam.promotions.api.PromotionEvents.Period;

class BaselineTest {

    private static final LocalDate FROM = LocalDate.of(2027, 3, 1);
    private static final Period IN_STORE = new Period(FROM, FROM.plusDays(6));

    private static void fill(Map<LocalDate, Long> units, LocalDate from, int days, long each) {
        for (int i = 0; i < days; i++) {
            units.put(from.plusDays(i), each);
        }
    }

    @Test
    void givenTwoWeeksOfTenADayWhenNoHistoryLastYearThenTheBaselineIsTheirAverage() {
        Map<LocalDate, Long> units = new HashMap<>();
        fill(units, FROM.minusDays(14), 14, 10);
        units.put(FROM.minusDays(1), 17L); // 13 × 10 + 17 = 147 over 14 days

        assertThat(Baseline.dailyUnits(units, Set.of(), IN_STORE, 2)).isEqualByComparingTo("10.5000");
    }

    @Test
    void givenDaysOfAnotherPromotionWhenTheBaselineIsTakenThenThoseDaysAreLeftOut() {
        Map<LocalDate, Long> units = new HashMap<>();
        fill(units, FROM.minusDays(14), 14, 10);
        fill(units, FROM.minusDays(7), 3, 40); // another promotion: 3 days of 40
        Set<LocalDate> other = Set.of(FROM.minusDays(7), FROM.minusDays(6), FROM.minusDays(5));

        assertThat(Baseline.dailyUnits(units, other, IN_STORE, 2)).isEqualByComparingTo("10.0000");
        // without excluding them: (11 × 10 + 3 × 40) / 14 = 230 / 14 = 16.428571… → 16.4286
        assertThat(Baseline.dailyUnits(units, Set.of(), IN_STORE, 2)).isEqualByComparingTo("16.4286");
    }

    @Test
    void givenAYearOfHistoryWhenTheBaselineIsTakenThenLastYearsSeasonalRatioScalesIt() {
        Map<LocalDate, Long> units = new HashMap<>();
        fill(units, FROM.minusDays(14), 14, 10);
        fill(units, FROM.minusDays(364 + 14), 14, 8); // last year's pre-period: 8 a day
        fill(units, FROM.minusDays(364), 7, 12); // last year's same week: 12 a day, ratio 1.5

        assertThat(Baseline.dailyUnits(units, Set.of(), IN_STORE, 2)).isEqualByComparingTo("15.0000");
    }

    @Test
    void givenARatioThatDoesNotTerminateWhenScaledThenTheBaselineIsRoundedHalfEvenToFourDecimals() {
        Map<LocalDate, Long> units = new HashMap<>();
        fill(units, FROM.minusDays(14), 14, 10);
        fill(units, FROM.minusDays(364 + 14), 14, 3);
        fill(units, FROM.minusDays(364), 7, 4); // ratio 4/3: 10 × 1.3333… = 13.3333…

        assertThat(Baseline.dailyUnits(units, Set.of(), IN_STORE, 2)).isEqualByComparingTo("13.3333");
        assertThat(Baseline.total(units, new Period(FROM.minusDays(2), FROM.plusDays(1)))).isEqualTo(20);
        assertThat(Baseline.days(IN_STORE)).isEqualTo(7);
    }

    @Test
    void givenAPeriodWeeksAheadWhenItsBaselineIsExpectedThenTheWeeksBeforeTodayAreAveraged() {
        LocalDate today = FROM.minusDays(30);
        Map<LocalDate, Long> units = new HashMap<>();
        fill(units, today.minusDays(14), 14, 6); // the two weeks before today: 6 a day

        assertThat(Baseline.expectedDailyUnits(units, Set.of(), IN_STORE, today, 2)).isEqualByComparingTo("6.0000");
        assertThat(Baseline.dailyUnits(units, Set.of(), IN_STORE, 2)).as("its own weeks before have no figures yet")
                .isEqualByComparingTo("0");
    }
}
