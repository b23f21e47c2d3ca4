package io.kam.accounts.plan;

import static io.kam.platform.testing.Rejections.rejectionOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.kam.accounts.api.Department;
import io.kam.accounts.api.PlanEvents.ActionItem;
import io.kam.accounts.api.PlanKpi;
import io.kam.accounts.api.PlanRequests;
import io.kam.accounts.api.PlanStatus;
import io.kam.accounts.api.Region;
import io.kam.platform.domain.FieldError;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;

/** The plan version aggregate: given a version, when a command, then the new state and event, or the refusal. */
class PlanVersionTest {

    private static final Instant NOW = Instant.parse("2026-11-20T02:10:00Z");
    private static final Actor NORA = new Actor("nora", Set.of(Actor.NATIONAL_KA_MANAGER));
    private static final Actor NATE = new Actor("nate", Set.of(Actor.NATIONAL_KA_MANAGER));
    private static final Actor OLGA = new Actor("olga", Set.of(Actor.NATIONAL_KA_MANAGER));

    @Nested
    class Lifecycle {

        @Test
        void givenADraft_whenItIsSubmittedAndApprovedBySomeoneElse_thenItIsInForceWithItsWholeContent() {
            PlanVersion draft = aDraft();

            PlanVersion submitted = draft.submit(NORA, NOW).version();
            var approved = submitted.approve(NATE, NOW.plusSeconds(60));

            assertThat(approved.version().status()).isEqualTo(PlanStatus.APPROVED);
            assertThat(approved.event().approvedBy()).isEqualTo("nate");
            assertThat(approved.event().author()).isEqualTo("nora");
            assertThat(approved.event().targets()).isEqualTo(draft.content().targets());
            assertThat(approved.event().phasing()).hasSize(12);
            assertThat(approved.event().actionItems()).isEqualTo(draft.definitions());
        }

        @Test
        void givenASubmittedVersion_whenItIsReturned_thenItCanBeChangedAndSubmittedAgainKeepingTheComment() {
            PlanVersion submitted = aDraft().submit(NORA, NOW).version();

            var returned = submitted.returnToAuthor("  Phase more into Q1  ", NATE, NOW);
            PlanVersion changed = returned.version().changeTargets(content(12_000_000, evenly(12_000_000)), NOW).version();
            var resubmitted = changed.submit(NORA, NOW);

            assertThat(returned.version().status()).isEqualTo(PlanStatus.RETURNED);
            assertThat(returned.event().comment()).isEqualTo("Phase more into Q1");
            assertThat(resubmitted.version().status()).isEqualTo(PlanStatus.SUBMITTED);
            assertThat(resubmitted.version().returnComment()).as("the approver sees what was asked").isEqualTo("Phase more into Q1");
        }

        @Test
        void givenASubmittedVersion_whenItsAuthorApprovesIt_thenTheRefusalNamesTheFourEyesRule() {
            PlanVersion submitted = aDraft().submit(NORA, NOW).version();

            assertThat(rejectionOf(() -> submitted.approve(NORA, NOW)))
                    .isInstanceOfSatisfying(Rejection.Forbidden.class, e -> assertThat(e.code()).isEqualTo("own-plan"));
            assertThat(rejectionOf(() -> submitted.returnToAuthor("no", NORA, NOW)))
                    .isInstanceOf(Rejection.Forbidden.class);
        }

        @Test
        void givenAVersionSubmittedBySomeoneOtherThanItsAuthor_whenTheSubmitterApproves_thenItIsRefused() {
            PlanVersion submitted = aDraft().submit(NATE, NOW).version();

            assertThat(rejectionOf(() -> submitted.approve(NATE, NOW))).isInstanceOf(Rejection.Forbidden.class);
            assertThat(submitted.approve(OLGA, NOW).version().status()).isEqualTo(PlanStatus.APPROVED);
        }

        @Test
        void givenADraft_whenItIsApprovedWithoutBeingSubmitted_thenItIsRefused() {
            assertThat(rejectionOf(() -> aDraft().approve(NATE, NOW)))
                    .isInstanceOfSatisfying(Rejection.Conflict.class,
                            e -> assertThat(e.code()).isEqualTo("plan-version-not-submitted"));
        }

        @Test
        void givenADraftWithoutASellThroughTargetOrItems_whenSubmitted_thenItSaysWhatIsMissing() {
            PlanVersion bare = PlanVersion.draft(UUID.randomUUID(), UUID.randomUUID(), 2027,
                    PlanContent.of(new PlanRequests.PlanTargets(List.of(target(PlanKpi.LISTED_SKUS, 48)), null, null)),
                    List.of(), NORA, NOW).version();

            assertThat(rejectionOf(() -> bare.submit(NORA, NOW)))
                    .isInstanceOfSatisfying(Rejection.BrokenRule.class, e -> {
                        assertThat(e.code()).isEqualTo("plan-incomplete");
                        assertThat(e.detail()).contains("SELL_THROUGH_VALUE").contains("action item");
                    });
        }
    }

    @Nested
    class Immutability {

        @Test
        void givenAnApprovedVersion_whenAnythingInItIsChanged_thenItIsRefused() {
            PlanVersion approved = anApprovedVersion();

            assertThat(rejectionOf(() -> approved.changeTargets(content(13_200_000, evenly(13_200_000)), NOW)))
                    .isInstanceOfSatisfying(Rejection.Conflict.class,
                            e -> assertThat(e.code()).isEqualTo("plan-version-approved"));
            assertThat(rejectionOf(() -> approved.addItem(item(null), Optional.empty(), NOW)))
                    .isInstanceOf(Rejection.Conflict.class);
            assertThat(rejectionOf(() -> approved.removeItem(approved.definitions().getFirst().itemId(), NOW)))
                    .isInstanceOf(Rejection.Conflict.class);
        }

        @Test
        void givenASubmittedVersion_whenItsTargetsChange_thenItMustBeReturnedFirst() {
            PlanVersion submitted = aDraft().submit(NORA, NOW).version();

            assertThat(rejectionOf(() -> submitted.changeTargets(content(13_200_000, evenly(13_200_000)), NOW)))
                    .isInstanceOfSatisfying(Rejection.Conflict.class,
                            e -> assertThat(e.code()).isEqualTo("plan-version-submitted"));
        }

        @Test
        void givenAnApprovedVersion_whenRevised_thenTheNextVersionIsADraftWithTheSameContentAndItemIds() {
            PlanVersion approved = anApprovedVersion();

            var revised = approved.revise(NATE, NOW);

            assertThat(revised.version().number()).isEqualTo(2);
            assertThat(revised.version().status()).isEqualTo(PlanStatus.DRAFT);
            assertThat(revised.version().author()).isEqualTo("nate");
            assertThat(revised.event().revisionOf()).isEqualTo(1);
            assertThat(revised.version().content()).isEqualTo(approved.content());
            assertThat(revised.version().definitions()).isEqualTo(approved.definitions());
            assertThat(revised.version().id()).isNotEqualTo(approved.id());
        }

        @Test
        void givenADraft_whenRevised_thenItIsRefusedBecauseOnlyOneVersionIsWorkedOnAtATime() {
            assertThat(rejectionOf(() -> aDraft().revise(NORA, NOW)))
                    .isInstanceOfSatisfying(Rejection.Conflict.class, e -> assertThat(e.code()).isEqualTo("plan-version-open"));
        }

        @Test
        void givenADraft_whenTheSameTargetsAreSaved_thenNothingHappens() {
            PlanVersion draft = aDraft();

            assertThat(draft.changeTargets(content(12_000_000, evenly(12_000_000)), NOW).event()).isNull();
        }
    }

    @Nested
    class Targets {

        @Test
        void givenPhasingThatMissesTheAnnualTarget_thenItIsRejectedWithTheDifference() {
            List<BigDecimal> months = new ArrayList<>(evenly(12_000_000));
            months.set(11, months.get(11).subtract(new BigDecimal("200000")));

            assertThat(rejectionOf(() -> content(12_000_000, months)))
                    .isInstanceOfSatisfying(Rejection.BrokenRule.class, e -> {
                        assertThat(e.code()).isEqualTo("phasing-mismatch");
                        assertThat(e.detail()).contains("200,000.00 short of").contains("12,000,000.00");
                        assertThat(e.facts().get("difference")).isEqualTo(new BigDecimal("-200000.00"));
                    });
        }

        @Test
        void givenPhasingAboveTheAnnualTarget_thenTheMessageSaysOver() {
            List<BigDecimal> months = new ArrayList<>(evenly(12_000_000));
            months.set(0, months.get(0).add(new BigDecimal("0.01")));

            assertThat(rejectionOf(() -> content(12_000_000, months)))
                    .isInstanceOfSatisfying(Rejection.BrokenRule.class,
                            e -> assertThat(e.detail()).contains("0.01 over"));
        }

        @Test
        void givenTheSameKpiTwiceOrAPercentageAbove100_thenEachIsAFieldError() {
            var request = new PlanRequests.PlanTargets(List.of(target(PlanKpi.LISTED_SKUS, 40),
                    target(PlanKpi.LISTED_SKUS, 48), target(PlanKpi.TRADE_SPEND_RATE, 120)), null, null);

            assertThat(rejectionOf(() -> PlanContent.of(request)))
                    .isInstanceOfSatisfying(Rejection.Invalid.class, e -> assertThat(e.errors())
                            .extracting(FieldError::field).containsExactly("targets[1].kpi", "targets[2].value"));
        }

        @Test
        void givenASellThroughTargetWithoutPhasing_orPhasingWithoutATarget_thenPhasingIsAFieldError() {
            var noPhasing = new PlanRequests.PlanTargets(List.of(target(PlanKpi.SELL_THROUGH_VALUE, 1200)), null, null);
            var noTarget = new PlanRequests.PlanTargets(List.of(), evenly(1200), null);

            for (var request : List.of(noPhasing, noTarget)) {
                assertThat(rejectionOf(() -> PlanContent.of(request))).isInstanceOfSatisfying(Rejection.Invalid.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("phasing"));
            }
        }

        @Test
        void targetsInAnyOrderAreTheSamePlan() {
            var one = new PlanRequests.PlanTargets(List.of(target(PlanKpi.LISTED_SKUS, 48), target(PlanKpi.PROMOTIONS, 6)),
                    null, List.of(Department.MARKETING, Department.PURCHASING, Department.MARKETING));
            var other = new PlanRequests.PlanTargets(List.of(target(PlanKpi.PROMOTIONS, 6), target(PlanKpi.LISTED_SKUS, 48)),
                    null, List.of(Department.PURCHASING, Department.MARKETING));

            assertThat(PlanContent.of(one)).isEqualTo(PlanContent.of(other));
        }
    }

    @Nested
    class CoordinatorsItems {

        @Test
        void givenACoordinatorOfTheEast_whenTheyAddAnEastItem_thenItIsAdded() {
            var added = aDraft().addItem(item(Region.EAST), Optional.of(Region.EAST), NOW);

            assertThat(added.version().items()).hasSize(2);
            assertThat(added.event().item().region()).isEqualTo(Region.EAST);
        }

        @Test
        void givenACoordinatorOfTheEast_whenTheyAddASouthernOrNationalItem_thenItIsRefused() {
            for (Region region : Collections.nCopies(1, Region.SOUTH)) {
                assertThat(rejectionOf(() -> aDraft().addItem(item(region), Optional.of(Region.EAST), NOW)))
                        .isInstanceOfSatisfying(Rejection.Forbidden.class,
                                e -> assertThat(e.code()).isEqualTo("outside-your-region"));
            }
            assertThat(rejectionOf(() -> aDraft().addItem(item(null), Optional.of(Region.EAST), NOW)))
                    .isInstanceOfSatisfying(Rejection.Forbidden.class,
                            e -> assertThat(e.detail()).contains("national work"));
        }

        @Test
        void givenAnEastItem_whenACoordinatorMovesItToTheSouth_thenItIsRefused() {
            PlanVersion withEastItem = aDraft().addItem(item(Region.EAST), Optional.empty(), NOW).version();
            ActionItem east = withEastItem.definitions().get(1);
            ActionItem moved = new ActionItem(east.itemId(), east.what(), east.owner(), east.due(), Region.SOUTH,
                    east.servesKpi(), east.servesSwotPoint());

            assertThat(rejectionOf(() -> withEastItem.changeItem(moved, Optional.of(Region.EAST), NOW)))
                    .isInstanceOf(Rejection.Forbidden.class);
            assertThat(withEastItem.changeItem(moved, Optional.empty(), NOW).event().item().region())
                    .as("a national KA manager may").isEqualTo(Region.SOUTH);
        }
    }

    static PlanVersion aDraft() {
        return PlanVersion.draft(UUID.randomUUID(), UUID.randomUUID(), 2027, content(12_000_000, evenly(12_000_000)),
                List.of(item(null)), NORA, NOW).version();
    }

    static PlanVersion anApprovedVersion() {
        return aDraft().submit(NORA, NOW).version().approve(NATE, NOW).version();
    }

    static PlanContent content(long annual, List<BigDecimal> phasing) {
        return PlanContent.of(new PlanRequests.PlanTargets(
                List.of(target(PlanKpi.SELL_THROUGH_VALUE, annual), target(PlanKpi.SHELF_PRICE_INDEX, 98)),
                phasing, List.of(Department.PURCHASING)));
    }

    static List<BigDecimal> evenly(long annual) {
        return Collections.nCopies(12, BigDecimal.valueOf(annual).divide(BigDecimal.valueOf(12)));
    }

    static PlanRequests.TargetInput target(PlanKpi kpi, long value) {
        return new PlanRequests.TargetInput(kpi, BigDecimal.valueOf(value), null);
    }

    static ActionItem item(Region region) {
        return new ActionItem(UUID.randomUUID(), "End-cap display for UHT milk in January", "nora",
                LocalDate.of(2027, 1, 31), region, PlanKpi.SELL_THROUGH_VALUE, null);
    }
}
