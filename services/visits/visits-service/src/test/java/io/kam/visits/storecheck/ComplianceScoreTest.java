package io.kam.visits.storecheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.kam.visits.api.DisplayCheck;
import io.kam.visits.api.SkuCheck;

/** The execution-compliance score: given what a check found, when it is scored, then this arithmetic. */
class ComplianceScoreTest {

    private static final DisplayCheck NOTHING = new DisplayCheck(0, false, false, false, false);
    private static final DisplayCheck EVERYTHING = new DisplayCheck(2, true, true, true, true);

    @Test
    void givenEverySkuOnShelfInStockAtTheAgreedPriceAndFullDisplay_thenTheScoreIs100() {
        var scored = ComplianceScore.of(List.of(onShelf("12.90", "12.90"), onShelf("8.80", "8.80")), EVERYTHING);

        assertThat(scored.score()).isEqualByComparingTo("100.0");
        assertThat(scored.parts().distribution()).isEqualByComparingTo("1");
        assertThat(scored.parts().display()).isEqualByComparingTo("1");
    }

    @Test
    void givenNothingOnShelfAndNoDisplay_thenTheScoreIs0() {
        var scored = ComplianceScore.of(List.of(offShelf("12.90"), offShelf("8.80")), NOTHING);

        assertThat(scored.score()).isEqualByComparingTo("0.0");
        assertThat(scored.parts().availability()).as("nothing on shelf, nothing available").isEqualByComparingTo("0");
        assertThat(scored.parts().price()).isEqualByComparingTo("0");
    }

    @Test
    void givenTheSampleCheck_thenEachPartWeighsAsDocumented() {
        // two SKUs on shelf, one out of stock, one priced 12.5 % above the agreed price; an end cap, poster and
        // cabinet without a hanging flag, no promoter
        var skus = List.of(onShelf("13.90", "13.50"), new SkuCheck("2", true, new BigDecimal("9.90"),
                new BigDecimal("8.80"), null, 2, true));

        var scored = ComplianceScore.of(skus, new DisplayCheck(1, true, false, true, false));

        // 40 × 1 + 20 × 1/2 + 25 × 1/2 + 15 × (1 + 2/3 + 0) / 3 = 40 + 10 + 12.5 + 8.333… = 70.8
        assertThat(scored.score()).isEqualByComparingTo("70.8");
        assertThat(scored.parts().availability()).isEqualByComparingTo("0.5000");
        assertThat(scored.parts().price()).isEqualByComparingTo("0.5000");
        assertThat(scored.parts().display()).isEqualByComparingTo("0.5556");
    }

    @Test
    void givenOneOfThreeSkusOffShelf_thenDistributionCostsAThirdOf40AndTheOtherPartsCountTheTwoOnShelf() {
        var scored = ComplianceScore.of(List.of(onShelf("10.00", "10.00"), onShelf("10.00", "10.00"), offShelf("10.00")),
                NOTHING);

        // 40 × 2/3 + 20 × 2/2 + 25 × 2/2 = 26.666… + 20 + 25 = 71.7
        assertThat(scored.score()).isEqualByComparingTo("71.7");
        assertThat(scored.parts().distribution()).isEqualByComparingTo("0.6667");
    }

    @Test
    void givenPricesExactlyFivePercentOffEitherWay_thenTheyComply_andJustBeyondTheyDoNot() {
        assertThat(ComplianceScore.withinTolerance(onShelf("10.50", "10.00"))).isTrue();
        assertThat(ComplianceScore.withinTolerance(onShelf("9.50", "10.00"))).isTrue();
        assertThat(ComplianceScore.withinTolerance(onShelf("10.51", "10.00"))).isFalse();
        assertThat(ComplianceScore.withinTolerance(onShelf("9.49", "10.00"))).isFalse();
    }

    @Test
    void givenShelfAndAgreedPrices_thenTheDeviationIsInPercentWithTwoDecimalsRoundedHalfUp() {
        assertThat(ComplianceScore.deviationPercent(new BigDecimal("13.90"), new BigDecimal("13.50"))).isEqualByComparingTo("2.96");
        assertThat(ComplianceScore.deviationPercent(new BigDecimal("9.90"), new BigDecimal("8.80"))).isEqualByComparingTo("12.50");
        assertThat(ComplianceScore.deviationPercent(new BigDecimal("11.00"), new BigDecimal("12.90"))).isEqualByComparingTo("-14.73");
    }

    @Test
    void givenOnlyDisplay_thenEachOfItsThreeThirdsIsWorthFivePoints() {
        var endCapOnly = ComplianceScore.of(List.of(offShelf("1.00")), new DisplayCheck(1, false, false, false, false));
        var oneMaterial = ComplianceScore.of(List.of(offShelf("1.00")), new DisplayCheck(0, true, false, false, false));
        var promoterOnly = ComplianceScore.of(List.of(offShelf("1.00")), new DisplayCheck(0, false, false, false, true));

        assertThat(endCapOnly.score()).isEqualByComparingTo("5.0");
        assertThat(oneMaterial.score()).isEqualByComparingTo("1.7");
        assertThat(promoterOnly.score()).isEqualByComparingTo("5.0");
    }

    @Test
    void givenNoListedSku_thenThereIsNothingToScore() {
        assertThatThrownBy(() -> ComplianceScore.of(List.of(), EVERYTHING)).isInstanceOf(IllegalArgumentException.class);
    }

    private static SkuCheck onShelf(String shelf, String agreed) {
        return new SkuCheck("06901234567892", true, new BigDecimal(shelf), new BigDecimal(agreed),
                ComplianceScore.deviationPercent(new BigDecimal(shelf), new BigDecimal(agreed)), 4, false);
    }

    private static SkuCheck offShelf(String agreed) {
        return new SkuCheck("06901234567892", false, null, new BigDecimal(agreed), null, 0, false);
    }
}
