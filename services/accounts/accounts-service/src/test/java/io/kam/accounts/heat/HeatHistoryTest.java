package io.kam.accounts.heat;

import static io.kam.platform.testing.Rejections.rejectionOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.HeatFactor;
import io.kam.accounts.api.HeatTrend;
import io.kam.accounts.api.RelationshipRequests.FactorRating;
import io.kam.platform.domain.FieldError;
import io.kam.platform.domain.Rejection;

/** Purchase heat: given an account's assessments, when it is assessed again, then the score, trend and focus. */
class HeatHistoryTest {

    private static final UUID ACCOUNT = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-11-20T02:10:00Z");

    @Test
    void theScoreIsTheSumOfTheFiveRatingsAndTheFirstHasNoPreviousScore() {
        var assessed = none().assess(ratings(16, 15, 9, 17, 14), "nora", NOW);

        assertThat(assessed.event().score()).isEqualTo(71);
        assertThat(assessed.event().previousScore()).isNull();
        assertThat(assessed.event().trend()).isEqualTo(HeatTrend.FIRST);
        assertThat(assessed.event().factors()).extracting(r -> r.factor()).containsExactly(HeatFactor.values());
        assertThat(assessed.assessment().number()).isEqualTo(1);
        assertThat(assessed.history().assessments()).hasSize(1);
    }

    @Test
    void theTrendComparesTheNewScoreWithTheRecentOnes() {
        var history = none();
        for (int[] r : List.of(new int[] {12, 12, 12, 12, 12}, new int[] {12, 13, 12, 12, 13}, new int[] {12, 13, 13, 13, 13})) {
            history = history.assess(ratings(r), "nora", NOW).history();
        }
        // given 60, 62, 64 (mean 62), when 68 comes in, then heat is rising from 64
        var assessed = history.assess(ratings(14, 14, 13, 14, 13), "nora", NOW);

        assertThat(assessed.event().score()).isEqualTo(68);
        assertThat(assessed.event().previousScore()).isEqualTo(64);
        assertThat(assessed.event().trend()).isEqualTo(HeatTrend.RISING);
        assertThat(assessed.assessment().number()).isEqualTo(4);
        assertThat(assessed.history().trend()).isEqualTo(HeatTrend.RISING);
    }

    @Test
    void focusIsTheFactorOrFactorsTheLatestAssessmentRatedLowest() {
        var history = none().assess(ratings(3, 3, 3, 3, 3), "nora", NOW).history()
                .assess(ratings(16, 9, 9, 17, 14), "nora", NOW).history();

        assertThat(history.focus()).containsExactly(HeatFactor.DEALINGS, HeatFactor.EVENT_ATTENDANCE);
        assertThat(none().focus()).isEmpty();
        assertThat(none().trend()).isNull();
    }

    @Test
    void everyFactorMustBeRatedExactlyOnce() {
        var twiceDealingsNoBrand = new ArrayList<>(ratings(16, 15, 9, 17, 14));
        twiceDealingsNoBrand.set(3, new FactorRating(HeatFactor.DEALINGS, 10, null));

        assertThat(rejectionOf(() -> none().assess(twiceDealingsNoBrand, "nora", NOW)))
                .isInstanceOfSatisfying(Rejection.Invalid.class, e -> assertThat(e.errors()).containsExactly(
                        new FieldError("factors[3].factor", "rates DEALINGS a second time"),
                        new FieldError("factors", "must rate BRAND_REGARD")));
        assertThat(rejectionOf(() -> none().assess(List.of(), "nora", NOW)))
                .isInstanceOfSatisfying(Rejection.Invalid.class, e -> assertThat(e.errors()).hasSize(5));
    }

    @Test
    void ratingsMayComeInAnyOrderAndAreKeptInFactorOrderWithTrimmedNotes() {
        var reversed = new ArrayList<>(ratings(1, 2, 3, 4, 5)).reversed();
        reversed.set(0, new FactorRating(HeatFactor.REPRESENTATIVE_VIEW, 5, "  trusts Nora "));

        var assessed = none().assess(reversed, "nora", NOW);

        assertThat(assessed.assessment().rating(HeatFactor.PRODUCT_USE).rating()).isEqualTo(1);
        assertThat(assessed.assessment().rating(HeatFactor.REPRESENTATIVE_VIEW).note()).isEqualTo("trusts Nora");
        assertThat(assessed.event().factors()).extracting(r -> r.rating()).containsExactly(1, 2, 3, 4, 5);
    }

    private static HeatHistory none() {
        return new HeatHistory(ACCOUNT, List.of());
    }

    private static List<FactorRating> ratings(int... r) {
        HeatFactor[] factors = HeatFactor.values();
        List<FactorRating> ratings = new ArrayList<>();
        for (int i = 0; i < factors.length; i++) {
            ratings.add(new FactorRating(factors[i], r[i], null));
        }
        return ratings;
    }
}
