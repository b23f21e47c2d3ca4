package io.kam.accounts.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Where purchase heat is heading: the latest score against the mean of up to three before it. */
class HeatTrendTest {

    @Test
    void aSingleAssessmentIsTheFirst() {
        assertThat(HeatTrend.of(List.of(71))).isEqualTo(HeatTrend.FIRST);
    }

    @Test
    void fivePointsAboveTheRecentMeanIsRising() {
        // given 60, 62, 64 (mean 62), when the latest is 67, then it rose by 5
        assertThat(HeatTrend.of(List.of(60, 62, 64, 67))).isEqualTo(HeatTrend.RISING);
    }

    @Test
    void fivePointsBelowTheRecentMeanIsFalling() {
        assertThat(HeatTrend.of(List.of(70, 65))).isEqualTo(HeatTrend.FALLING);
    }

    @Test
    void lessThanFivePointsEitherWayIsStable() {
        assertThat(HeatTrend.of(List.of(60, 64))).isEqualTo(HeatTrend.STABLE);
        assertThat(HeatTrend.of(List.of(60, 56))).isEqualTo(HeatTrend.STABLE);
    }

    @Test
    void onlyTheLastThreeAssessmentsBeforeTheLatestCount() {
        // given an old low of 10 and then 70, 70, 70: the latest 71 is stable, not a rise over the mean of all four
        assertThat(HeatTrend.of(List.of(10, 70, 70, 70, 71))).isEqualTo(HeatTrend.STABLE);
        assertThat(HeatTrend.of(List.of(100, 40, 40, 40, 46))).isEqualTo(HeatTrend.RISING);
    }

    @Test
    void needsAtLeastOneScore() {
        assertThatThrownBy(() -> HeatTrend.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
