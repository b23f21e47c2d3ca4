package io.kam.visits.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.visits.api.CommitmentLimit;
import io.kam.visits.api.CommitmentType;
import io.kam.visits.api.LimitKind;
import io.kam.visits.api.LimitSource;
import io.kam.visits.api.LimitUnit;

/** The amount guard, pure: which limit allows a commitment, or which it exceeded. */
class AmountGuardTest {

    private static final LocalDate DAY = LocalDate.of(2030, 3, 4);
    private static final UUID AGREEMENT = UUID.randomUUID();
    private static final UUID PROMOTION = UUID.randomUUID();

    @Test
    void givenAnAgreementAndAPromotion_whenTheAskIsWithinBoth_thenTheAgreementIsNamedFirst() {
        var answer = AmountGuard.judge(CommitmentType.PRICE_DISCOUNT, percent("2.00"),
                Optional.of(List.of(agreed(LimitKind.ON_INVOICE_DISCOUNT, "3.00"))), List.of(promoted("11.85")), DAY);

        assertThat(answer).isInstanceOfSatisfying(AmountGuard.Answer.Allowed.class,
                a -> assertThat(a.by().source().agreementId()).isEqualTo(AGREEMENT));
    }

    @Test
    void givenLimitsOfOtherTypesOrUnits_whenAFeeIsAsked_thenNoneCountsAndItIsHeldWithoutALimit() {
        var answer = AmountGuard.judge(CommitmentType.PROMOTER, new Amount(LimitUnit.YUAN, new BigDecimal("300.00")),
                Optional.of(List.of(agreed(LimitKind.ON_INVOICE_DISCOUNT, "3.00"))), List.of(promoted("11.85")), DAY);

        assertThat(answer).isInstanceOfSatisfying(AmountGuard.Answer.Held.class, h -> {
            assertThat(h.exceeded().kind()).isNull();
            assertThat(h.exceeded().reason()).contains("neither the agreement in force on 2030-03-04");
        });
    }

    @Test
    void givenSeveralLimits_whenTheAskIsBeyondAll_thenTheMostGenerousIsTheOneExceeded() {
        var answer = AmountGuard.judge(CommitmentType.PRICE_DISCOUNT, percent("15.00"),
                Optional.of(List.of(agreed(LimitKind.ON_INVOICE_DISCOUNT, "3.00"),
                        agreed(LimitKind.OFF_INVOICE_REBATE, "2.50"))), List.of(promoted("11.85")), DAY);

        assertThat(answer).isInstanceOfSatisfying(AmountGuard.Answer.Held.class, h -> {
            assertThat(h.exceeded().kind()).isEqualTo(LimitKind.PROMOTION_DISCOUNT);
            assertThat(h.exceeded().limit()).isEqualByComparingTo("11.85");
            assertThat(h.exceeded().asked()).isEqualByComparingTo("15.00");
        });
    }

    @Test
    void givenFreeGoods_thenNothingAgreedLimitsThem() {
        var answer = AmountGuard.judge(CommitmentType.FREE_GOODS, new Amount(LimitUnit.UNITS, BigDecimal.TEN),
                Optional.of(List.of(agreed(LimitKind.ON_INVOICE_DISCOUNT, "3.00"))), List.of(), DAY);

        assertThat(answer).isInstanceOf(AmountGuard.Answer.Held.class);
    }

    private static Amount percent(String value) {
        return new Amount(LimitUnit.PERCENT, new BigDecimal(value));
    }

    private static CommitmentLimit agreed(LimitKind kind, String percent) {
        return new CommitmentLimit(kind, new BigDecimal(percent), LimitUnit.PERCENT, null,
                LimitSource.agreement(AGREEMENT, 1), DAY.withDayOfYear(1), DAY.withMonth(12).withDayOfMonth(31));
    }

    private static CommitmentLimit promoted(String cut) {
        return new CommitmentLimit(LimitKind.PROMOTION_DISCOUNT, new BigDecimal(cut), LimitUnit.PERCENT, null,
                LimitSource.promotion(PROMOTION, 1), DAY.minusDays(3), DAY.plusDays(10));
    }
}
