package io.kam.prospects.screening;

import static io.kam.platform.testing.Rejections.rejectionOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.Region;
import io.kam.platform.domain.FieldError;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
import io.kam.prospects.api.CompetitorLoyalty;
import io.kam.prospects.api.ProspectEvents.CriterionScore;
import io.kam.prospects.api.ProspectRequests.CriteriaInput;
import io.kam.prospects.api.ProspectRequests.CriterionInput;
import io.kam.prospects.api.TargetClass;

/** Screening criteria and scoring: given a territory's criteria, when a prospect is rated, then its score. */
class ScreeningCriteriaTest {

    private static final Actor NORA = new Actor("nora", Set.of(Actor.NATIONAL_KA_MANAGER));
    private static final Instant NOW = Instant.parse("2026-11-20T03:20:00Z");

    @Test
    void givenWeightedCriteria_whenRated_thenEachCriterionAddsWeightTimesRatingOverItsScale() {
        ScreeningCriteria east = east("70");

        var score = east.score(Map.of("contribution", 4, "potential", 5, "reach", 2, "loyalty", 4, "credit", 3),
                CompetitorLoyalty.LOW);

        assertThat(score.breakdown()).extracting(CriterionScore::points).map(BigDecimal::toPlainString)
                .containsExactly("24.00", "25.00", "4.00", "16.00", "9.00");
        assertThat(score.score()).isEqualByComparingTo("78");
        assertThat(score.qualifies()).isTrue();
        assertThat(score.targetClass()).isEqualTo(TargetClass.PRIMARY);
    }

    @Test
    void givenAProspectLoyalToItsCompetitor_whenItQualifies_thenItIsOnlyASecondaryTarget() {
        var score = east("70").score(Map.of("contribution", 5, "potential", 5, "reach", 5, "loyalty", 5, "credit", 5),
                CompetitorLoyalty.HIGH);

        assertThat(score.score()).isEqualByComparingTo("100");
        assertThat(score.targetClass()).isEqualTo(TargetClass.SECONDARY);
    }

    @Test
    void givenUnratedCriteria_thenTheyAddNothingAndTheExplanationSaysSo() {
        var score = east("70").score(Map.of("contribution", 5), CompetitorLoyalty.LOW);

        assertThat(score.score()).isEqualByComparingTo("30");
        assertThat(score.qualifies()).isFalse();
        assertThat(score.targetClass()).isEqualTo(TargetClass.NOT_A_TARGET);
        assertThat(score.breakdown().get(1).rating()).isNull();
    }

    @Test
    void aScoreExactlyAtTheQualifyingScoreQualifies() {
        var score = east("78").score(Map.of("contribution", 4, "potential", 5, "reach", 2, "loyalty", 4, "credit", 3),
                CompetitorLoyalty.LOW);

        assertThat(score.qualifies()).isTrue();
    }

    @Test
    void weightsThatDoNotSumTo100AreRejectedWithTheirTotal() {
        var input = new CriteriaInput(List.of(criterion("contribution", "60"), criterion("potential", "30")),
                new BigDecimal("70"));

        assertThat(rejectionOf(() -> ScreeningCriteria.define(Region.EAST, 1, input, NORA, NOW)))
                .isInstanceOfSatisfying(Rejection.BrokenRule.class, e -> {
                    assertThat(e.code()).isEqualTo("weights-not-100");
                    assertThat(e.detail()).contains("90%");
                    assertThat((BigDecimal) e.facts().get("difference")).isEqualByComparingTo("-10");
                });
    }

    @Test
    void aKeyUsedTwiceIsAFieldError() {
        var input = new CriteriaInput(List.of(criterion("contribution", "50"), criterion("contribution", "50")),
                new BigDecimal("70"));

        assertThat(rejectionOf(() -> ScreeningCriteria.define(Region.EAST, 1, input, NORA, NOW)))
                .isInstanceOfSatisfying(Rejection.Invalid.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("criteria[1].key"));
    }

    @Test
    void ratingsOffTheScaleOrOfUnknownCriteriaAreFieldErrorsNamingTheKey() {
        assertThat(rejectionOf(() -> east("70").requireOnScale(Map.of("potential", 6, "size", 3))))
                .isInstanceOfSatisfying(Rejection.Invalid.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::message)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("ratings.potential", "must be between 0 and 5"),
                                org.assertj.core.groups.Tuple.tuple("ratings.size", "is not a screening criterion of EAST (version 1)")));
    }

    static ScreeningCriteria east(String qualifying) {
        return ScreeningCriteria.define(Region.EAST, 1, new CriteriaInput(List.of(criterion("contribution", "30"),
                criterion("potential", "25"), criterion("reach", "10"), criterion("loyalty", "20"),
                criterion("credit", "15")), new BigDecimal(qualifying)), NORA, NOW);
    }

    static CriterionInput criterion(String key, String weight) {
        return new CriterionInput(key, key, new BigDecimal(weight), 5);
    }
}
