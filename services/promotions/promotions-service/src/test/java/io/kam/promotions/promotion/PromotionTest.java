package io.kam.promotions.promotion;

import static io.kam.platform.testing.Rejections.rejectionOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.kam.accounts.api.Region;
import io.kam.platform.domain.Rejection;
import io.kam.promotions.api.FeeBasis;
import io.kam.promotions.api.FeeKind;
import io.kam.promotions.api.Mechanic;
import io.kam.promotions.api.PromotionEvents.Fee;
import io.kam.promotions.api.PromotionEvents.Forecast;
import io.kam.promotions.api.PromotionEvents.Period;
import io.kam.promotions.api.PromotionEvents.PromotedSku;
import io.kam.promotions.api.PromotionEvents.PromotionCancelled;
import io.kam.promotions.api.PromotionEvents.SettledFee;
import io.kam.promotions.api.PromotionEvents.Terms;
import io.kam.promotions.api.PromotionStatus;

/** The promotion aggregate: given a promotion, when a command, then its new state and event, or the refusal. */
class PromotionTest {

    private static final Instant NOW = Instant.parse("2027-02-01T02:00:00Z");
    private static final BigDecimal SPEND = new BigDecimal("12660.00");
    private static final LocalDate TODAY = LocalDate.of(2027, 2, 1);
    private static final LocalDate MARCH_1 = LocalDate.of(2027, 3, 1);
    private static final LocalDate MARCH_14 = LocalDate.of(2027, 3, 14);

    private static Terms terms(LocalDate from, LocalDate to) {
        return new Terms("Spring dairy week", List.of(Mechanic.PRICE_DISCOUNT),
                List.of(new PromotedSku("06901234567892", "UHT milk", new BigDecimal("23.00"), new BigDecimal("19.90"))),
                List.of(UUID.randomUUID()), new Period(from, to), new Period(from.minusDays(14), from.minusDays(1)),
                List.of(new Fee(FeeKind.DISPLAY_FEE, new BigDecimal("1500.00"), FeeBasis.PER_STORE, null)), null,
                new Forecast(2400, 1200), false, null);
    }

    private static Promotion aDraftBy(String author) {
        return Promotion.draft(UUID.randomUUID(), terms(MARCH_1, MARCH_14), List.of(Region.EAST), author, NOW).promotion();
    }

    private static Promotion proposed(Promotion draft) {
        return draft.propose(draft.author(), List.of(), NOW).promotion();
    }

    private static Promotion agreed() {
        Promotion approved = proposed(aDraftBy("nora")).approve("nate", null, SPEND, null, NOW).promotion();
        return approved.agree("Wang Lei", TODAY, "PO-1", "nora", TODAY, NOW).promotion();
    }

    @Nested
    class FourEyes {

        @Test
        void givenAProposedPromotion_whenItsAuthorApprovesIt_thenItIsRefused() {
            assertThat(rejectionOf(() -> proposed(aDraftBy("nora")).approve("nora", null, SPEND, null, NOW)))
                    .isInstanceOfSatisfying(Rejection.Forbidden.class, r -> {
                        assertThat(r.code()).isEqualTo("four-eyes");
                        assertThat(r.detail()).contains("you authored");
                    });
        }

        @Test
        void givenADraftEditedByAnotherManager_whenThatEditorApprovesIt_thenItIsRefusedAndAThirdMayApprove() {
            Promotion edited = aDraftBy("nora").change(terms(MARCH_1, MARCH_14.plusDays(1)), List.of(Region.EAST),
                    "nate", NOW).promotion();
            Promotion proposedAfterEditing = proposed(edited);

            assertThat(edited.editors()).containsExactly("nora", "nate");
            assertThat(rejectionOf(() -> proposedAfterEditing.approve("nate", null, SPEND, null, NOW))).isInstanceOf(Rejection.Forbidden.class);
            assertThat(proposedAfterEditing.approve("olga", null, SPEND, null, NOW).promotion().status()).isEqualTo(PromotionStatus.APPROVED);
        }
    }

    @Nested
    class Lifecycle {

        @Test
        void givenADraft_whenItIsApprovedWithoutBeingProposed_thenItIsRefused() {
            assertThat(rejectionOf(() -> aDraftBy("nora").approve("nate", null, SPEND, null, NOW)))
                    .isInstanceOfSatisfying(Rejection.Conflict.class, r -> assertThat(r.code()).isEqualTo("promotion-draft"));
        }

        @Test
        void givenAReturnedPromotion_whenItIsEdited_thenItIsADraftAgainWithoutItsReason() {
            Promotion returned = proposed(aDraftBy("nora")).returnToAuthor("fee too high", "nate", NOW).promotion();
            assertThat(returned.status()).isEqualTo(PromotionStatus.RETURNED);
            assertThat(returned.statusReason()).isEqualTo("fee too high");

            Promotion edited = returned.change(terms(MARCH_1, MARCH_14), List.of(Region.EAST), "nora", NOW).promotion();

            assertThat(edited.status()).isEqualTo(PromotionStatus.DRAFT);
            assertThat(edited.statusReason()).isNull();
        }

        @Test
        void givenAnAgreedPromotion_whenItsTermsChange_thenItIsRefusedBecauseItIsFixed() {
            assertThat(rejectionOf(() -> agreed().change(terms(MARCH_1, MARCH_14), List.of(Region.EAST), "nora", NOW)))
                    .isInstanceOfSatisfying(Rejection.Conflict.class, r -> assertThat(r.code()).isEqualTo("promotion-agreed"));
        }

        @Test
        void givenAnApprovedPromotion_whenTheRetailerConfirmsTomorrow_thenTheDayIsRefused() {
            Promotion approved = proposed(aDraftBy("nora")).approve("nate", null, SPEND, null, NOW).promotion();

            assertThat(rejectionOf(() -> approved.agree("Wang Lei", TODAY.plusDays(1), "PO-1", "nora", TODAY, NOW)))
                    .isInstanceOfSatisfying(Rejection.Invalid.class,
                            r -> assertThat(r.errors().getFirst().field()).isEqualTo("confirmedOn"));
        }

        @Test
        void givenAPromotionThatHasRun_whenItsAgreementBeforeItsEndIsRecordedLate_thenItIsAgreedButNotWhenConfirmedAfter() {
            Promotion approved = proposed(aDraftBy("nora")).approve("nate", null, SPEND, null, NOW).promotion();
            LocalDate later = MARCH_14.plusDays(30);

            assertThat(approved.agree("Wang Lei", MARCH_1.minusDays(3), "PO-7", "nora", later, NOW).promotion().status())
                    .isEqualTo(PromotionStatus.AGREED);
            assertThat(rejectionOf(() -> approved.agree("Wang Lei", MARCH_14.plusDays(1), "PO-7", "nora", later, NOW)))
                    .isInstanceOfSatisfying(Rejection.Invalid.class,
                            r -> assertThat(r.errors().getFirst().field()).isEqualTo("confirmedOn"));
        }

        @Test
        void givenAnAgreedPromotion_theCalendarStartsItOnItsFirstDayAndEndsItTheDayAfterItsLast() {
            Promotion agreed = agreed();
            assertThat(agreed.startsBy(MARCH_1.minusDays(1))).isFalse();
            assertThat(agreed.startsBy(MARCH_1)).isTrue();

            Promotion running = agreed.start(MARCH_1, NOW).promotion();
            assertThat(running.endsBy(MARCH_14)).isFalse();
            assertThat(running.endsBy(MARCH_14.plusDays(1))).isTrue();
            assertThat(running.end(MARCH_14.plusDays(1), NOW).event().on()).isEqualTo(MARCH_14.plusDays(1));
        }

        @Test
        void givenARunningPromotion_whenCancelled_thenTheEventSaysFromWhereAndItHoldsNoSlots() {
            Promotion running = agreed().start(MARCH_1, NOW).promotion();

            var cancelled = running.cancel(" store refit ", "nora", NOW);

            assertThat(cancelled.event()).isEqualTo(new PromotionCancelled(running.accountId(), running.id(), 1,
                    PromotionStatus.RUNNING, "store refit", "nora"));
            assertThat(cancelled.promotion().status().holdsItsSlots()).isFalse();
            assertThat(rejectionOf(() -> cancelled.promotion().cancel("again", "nora", NOW)))
                    .isInstanceOf(Rejection.Conflict.class);
        }
    }

    @Nested
    class Revisions {

        @Test
        void givenAnAgreedPromotion_whenRevised_thenItIsADraftOfTheNextRevisionWithoutApprovalAgreementOrCommitment() {
            Promotion agreed = agreed();

            var revised = agreed.revise(terms(MARCH_1.plusDays(7), MARCH_14.plusDays(7)), List.of(Region.EAST),
                    " the DM moved a week ", "olga", NOW);

            Promotion draft = revised.promotion();
            assertThat(draft.status()).isEqualTo(PromotionStatus.DRAFT);
            assertThat(draft.revision()).isEqualTo(2);
            assertThat(draft.agreement()).isNull();
            assertThat(draft.approvedBy()).isNull();
            assertThat(draft.committedSpend()).isNull();
            assertThat(draft.editors()).containsExactly("nora", "olga");
            assertThat(revised.event().previousRevision()).isEqualTo(1);
            assertThat(revised.event().reason()).isEqualTo("the DM moved a week");
        }

        @Test
        void givenARevisedPromotion_whenItsReviserOrItsAuthorApproves_thenFourEyesRefuseThemAndAThirdMayApprove() {
            Promotion revised = agreed().revise(terms(MARCH_1, MARCH_14), List.of(Region.EAST), "fee", "olga", NOW)
                    .promotion();
            Promotion proposedAgain = revised.propose("olga", List.of(), NOW).promotion();

            assertThat(rejectionOf(() -> proposedAgain.approve("olga", null, SPEND, null, NOW))).isInstanceOf(Rejection.Forbidden.class);
            assertThat(rejectionOf(() -> proposedAgain.approve("nora", null, SPEND, null, NOW))).isInstanceOf(Rejection.Forbidden.class);
            assertThat(proposedAgain.approve("nate", null, SPEND, null, NOW).event().revision()).isEqualTo(2);
        }

        @Test
        void givenARunningPromotion_whenRevised_thenItIsRefused() {
            Promotion running = agreed().start(MARCH_1, NOW).promotion();

            assertThat(rejectionOf(() -> running.revise(terms(MARCH_1, MARCH_14), List.of(Region.EAST), "late", "nora", NOW)))
                    .isInstanceOfSatisfying(Rejection.Conflict.class, r -> assertThat(r.code()).isEqualTo("promotion-running"));
        }
    }

    @Nested
    class Settlement {

        @Test
        void givenAnEndedPromotion_whenItsFeesAreSettled_thenTheyReplaceThoseBeforeAndTheEventCarriesTheirTotal() {
            Promotion ended = agreed().start(MARCH_1, NOW).promotion().end(MARCH_14.plusDays(1), NOW).promotion();
            Promotion first = ended.settle(List.of(new SettledFee(FeeKind.DISPLAY_FEE, new BigDecimal("1000"), null)),
                    "nora", NOW).promotion();

            var settled = first.settle(List.of(new SettledFee(FeeKind.DISPLAY_FEE, new BigDecimal("1200.00"), "invoice"),
                    new SettledFee(FeeKind.DM_FEE, new BigDecimal("300.50"), null)), "nora", NOW);

            assertThat(settled.promotion().settledFees()).hasSize(2);
            assertThat(settled.event().total()).isEqualByComparingTo("1500.50");
        }

        @Test
        void givenARunningPromotion_whenItsFeesAreSettled_thenItIsRefused() {
            Promotion running = agreed().start(MARCH_1, NOW).promotion();

            assertThat(rejectionOf(() -> running.settle(List.of(), "nora", NOW))).isInstanceOf(Rejection.Conflict.class);
        }
    }

    @Test
    void theDiscountDepthIsThePromotedPriceBelowTheRegularOneInPercent() {
        assertThat(aDraftBy("nora").discountDepth()).containsExactly(new BigDecimal("13.48"));
    }
}
