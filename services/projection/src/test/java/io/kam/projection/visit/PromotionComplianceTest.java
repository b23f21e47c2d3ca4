package io.kam.projection.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.Region;
import io.kam.projection.visit.PromotionExecution.Compliance;
import io.kam.projection.visit.PromotionExecution.Deviation;
import io.kam.projection.visit.PromotionExecution.StoreCheck;

/** A promotion's compliance over its stores' latest checks, by hand. */
class PromotionComplianceTest {

    private static final Instant MONDAY = Instant.parse("2027-03-01T02:00:00Z");

    @Test
    void isTheShareOfCheckedStoresFoundExecutedToOneDecimalHalfUp() {
        Compliance twoOfThree = Compliance.of(List.of(executed(MONDAY), executed(MONDAY.plusSeconds(60)),
                failed(MONDAY, "display")));
        Compliance oneOfEight = Compliance.of(List.of(executed(MONDAY), failed(MONDAY, "photo"),
                failed(MONDAY, "photo"), failed(MONDAY, "photo"), failed(MONDAY, "photo"), failed(MONDAY, "photo"),
                failed(MONDAY, "photo"), failed(MONDAY, "photo")));

        assertThat(twoOfThree.compliancePercent()).as("66.666…").isEqualByComparingTo("66.7");
        assertThat(twoOfThree.lastCheckedAt()).isEqualTo(MONDAY.plusSeconds(60));
        assertThat(oneOfEight.compliancePercent()).as("12.5 exactly").isEqualByComparingTo("12.5");
        assertThat(oneOfEight.executedStores()).isEqualTo(1);
        assertThat(oneOfEight.checkedStores()).isEqualTo(8);
    }

    @Test
    void countsEachDeviationOncePerStoreMostStoresFirstThenByCode() {
        Compliance compliance = Compliance.of(List.of(failed(MONDAY, "price:06901234567892", "photo"),
                failed(MONDAY, "photo", "display"), failed(MONDAY, "promoter")));

        assertThat(compliance.deviations()).containsExactly(new Deviation("photo", 2), new Deviation("display", 1),
                new Deviation("price:06901234567892", 1), new Deviation("promoter", 1));
        assertThat(compliance.compliancePercent()).isEqualByComparingTo("0.0");
    }

    @Test
    void aPromotionNoCheckLookedAtHasNoCompliance() {
        assertThat(Compliance.of(List.of())).isEqualTo(new Compliance(0, 0, null, List.of(), null));
        assertThat(PromotionExecution.unchecked().seenFrom(Region.EAST).byRegion()).isEmpty();
    }

    private static StoreCheck executed(Instant at) {
        return new StoreCheck(Region.EAST, true, List.of(), at);
    }

    private static StoreCheck failed(Instant at, String... deviations) {
        return new StoreCheck(Region.EAST, false, List.of(deviations), at);
    }
}
