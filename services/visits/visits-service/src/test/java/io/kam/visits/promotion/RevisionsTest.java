package io.kam.visits.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.platform.events.UndecodableEventException;
import io.kam.promotions.api.Mechanic;
import io.kam.promotions.api.PromotionEvents.Forecast;
import io.kam.promotions.api.PromotionEvents.Period;
import io.kam.promotions.api.PromotionEvents.PromotedSku;
import io.kam.promotions.api.PromotionEvents.PromotionAgreed;
import io.kam.promotions.api.PromotionEvents.PromotionCancelled;
import io.kam.promotions.api.PromotionEvents.PromotionChanged;
import io.kam.promotions.api.PromotionEvents.PromotionEnded;
import io.kam.promotions.api.PromotionEvents.PromotionProposed;
import io.kam.promotions.api.PromotionEvents.PromotionRevised;
import io.kam.promotions.api.PromotionEvents.PromotionStarted;
import io.kam.promotions.api.PromotionEvents.Terms;
import io.kam.promotions.api.PromotionStatus;

class RevisionsTest {

    static final UUID ACCOUNT = UUID.randomUUID();
    static final UUID PROMOTION = UUID.randomUUID();
    static final LocalDate DAY = LocalDate.of(2030, 3, 1);

    @Test
    void newerTermsReplaceTheCopy_olderOnesAndTermsOfAnAgreedRevisionDoNot() {
        assertThat(Revisions.of(held(1, PromotionStatus.AGREED), revised(2))).get()
                .isInstanceOf(Revisions.Change.NewTerms.class);
        assertThat(Revisions.of(held(2, PromotionStatus.DRAFT), changed(2))).isPresent();
        assertThat(Revisions.of(held(2, PromotionStatus.DRAFT), changed(1))).isEmpty();
        assertThat(Revisions.of(held(1, PromotionStatus.RUNNING), changed(1))).as("fixed once agreed").isEmpty();
    }

    @Test
    void stepsApplyToTheRevisionHeld_andFromAgreedOnOnlyMoveForward() {
        assertThat(Revisions.of(held(1, PromotionStatus.AGREED), new PromotionStarted(ACCOUNT, PROMOTION, 1, DAY)))
                .contains(new Revisions.Change.NewStatus(PromotionStatus.RUNNING));
        assertThat(Revisions.of(held(2, PromotionStatus.DRAFT), agreed(1))).as("an older revision").isEmpty();
        assertThat(Revisions.of(held(1, PromotionStatus.RUNNING), agreed(1))).as("not back").isEmpty();
        assertThat(Revisions.of(held(1, PromotionStatus.CANCELLED), new PromotionStarted(ACCOUNT, PROMOTION, 1, DAY)))
                .isEmpty();
        assertThat(Revisions.of(held(1, PromotionStatus.ENDED), new PromotionProposed(ACCOUNT, PROMOTION, 1, "nora",
                List.of()))).isEmpty();
        assertThat(Revisions.of(held(1, PromotionStatus.RUNNING), new PromotionCancelled(ACCOUNT, PROMOTION, 1,
                PromotionStatus.RUNNING, "stopped", "nora"))).contains(new Revisions.Change.NewStatus(PromotionStatus.CANCELLED));
        assertThat(Revisions.of(held(1, PromotionStatus.CANCELLED), new PromotionEnded(ACCOUNT, PROMOTION, 1, DAY))).isEmpty();
    }

    @Test
    void aStepOfAPromotionOrRevisionNotHeldCanNeverBeApplied() {
        assertThatThrownBy(() -> Revisions.of(null, agreed(1))).isInstanceOf(UndecodableEventException.class)
                .hasMessageContaining("is unknown here");
        assertThatThrownBy(() -> Revisions.of(held(1, PromotionStatus.DRAFT), agreed(2)))
                .isInstanceOf(UndecodableEventException.class).hasMessageContaining("revision 2 were not processed");
    }

    private static Revisions.Held held(int revision, PromotionStatus status) {
        return new Revisions.Held(revision, status);
    }

    private static PromotionAgreed agreed(int revision) {
        return new PromotionAgreed(ACCOUNT, PROMOTION, revision, "buyer", DAY, "PO-1", "nora");
    }

    private static PromotionChanged changed(int revision) {
        return new PromotionChanged(ACCOUNT, PROMOTION, revision, terms(), "nate");
    }

    private static PromotionRevised revised(int revision) {
        return new PromotionRevised(ACCOUNT, PROMOTION, revision, revision - 1, terms(), "moved", "nora");
    }

    private static Terms terms() {
        return new Terms("Spring", List.of(Mechanic.PRICE_DISCOUNT),
                List.of(new PromotedSku("06901234567892", "UHT milk", new BigDecimal("13.50"), new BigDecimal("11.90"))),
                List.of(UUID.randomUUID()), new Period(DAY, DAY.plusDays(13)), new Period(DAY.minusDays(14), DAY.minusDays(1)),
                List.of(), null, new Forecast(100, 50), false, null);
    }
}
