package io.kam.visits.commitment;

import static io.kam.platform.testing.Rejections.rejectionOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.Region;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
import io.kam.visits.api.CommitmentEvents.CommitmentApproved;
import io.kam.visits.api.CommitmentEvents.CommitmentFlagged;
import io.kam.visits.api.CommitmentEvents.CommitmentRecorded;
import io.kam.visits.api.CommitmentEvents.CommitmentRejected;
import io.kam.visits.api.CommitmentStatus;
import io.kam.visits.api.CommitmentType;

/** The commitment guard (不可做出任何政策外的承诺): given an account's policy, when a commitment is made, then this. */
class CommitmentTest {

    private static final Instant NOW = Instant.parse("2030-03-04T03:00:00Z");
    private static final UUID ACCOUNT = UUID.randomUUID();
    private static final CommitmentPolicy POS_AND_TRAINING = CommitmentPolicy.of(ACCOUNT,
            Set.of(CommitmentType.TRAINING, CommitmentType.POS_MATERIAL), 0L);
    private static final Actor NORA = new Actor("nora", Set.of(Actor.NATIONAL_KA_MANAGER));
    private static final Actor NATE = new Actor("nate", Set.of(Actor.NATIONAL_KA_MANAGER));

    @Test
    void givenAPolicyAllowingPosMaterial_whenACoordinatorPromisesHangingFlags_thenItIsRecordedAsAPromise() {
        var made = make(CommitmentType.POS_MATERIAL, POS_AND_TRAINING, "eric");

        assertThat(made.commitment().status()).isEqualTo(CommitmentStatus.RECORDED);
        assertThat(made.commitment().status().isPromise()).isTrue();
        assertThat(made.event()).isInstanceOfSatisfying(CommitmentRecorded.class,
                e -> assertThat(e.description()).isEqualTo("Two hanging flags by Friday"));
    }

    @Test
    void givenAPolicyWithoutDiscounts_whenADiscountIsPromised_thenItIsFlaggedAndNoPromise() {
        var made = make(CommitmentType.PRICE_DISCOUNT, POS_AND_TRAINING, "eric");

        assertThat(made.commitment().status()).isEqualTo(CommitmentStatus.FLAGGED);
        assertThat(made.commitment().status().isPromise()).isFalse();
        assertThat(made.event()).isInstanceOfSatisfying(CommitmentFlagged.class, e -> assertThat(e.allowed())
                .as("the flag says what the policy allows").containsExactly(CommitmentType.TRAINING, CommitmentType.POS_MATERIAL));
    }

    @Test
    void givenAnAccountWithoutPolicy_whenAnythingIsPromised_thenItIsFlagged() {
        for (CommitmentType type : CommitmentType.values()) {
            assertThat(make(type, CommitmentPolicy.none(ACCOUNT), "eric").commitment().status())
                    .isEqualTo(CommitmentStatus.FLAGGED);
        }
    }

    @Test
    void givenAFlaggedCommitment_whenAManagerApprovesIt_thenItBecomesAPromise() {
        Commitment flagged = make(CommitmentType.DISPLAY_FEE, POS_AND_TRAINING, "eric").commitment();

        var approved = flagged.approve("  within the spring budget ", NORA, NOW);

        assertThat(approved.commitment().status()).isEqualTo(CommitmentStatus.APPROVED);
        assertThat(approved.commitment().status().isPromise()).isTrue();
        assertThat(approved.commitment().decidedBy()).isEqualTo("nora");
        assertThat(approved.event()).isInstanceOfSatisfying(CommitmentApproved.class,
                e -> assertThat(e.note()).isEqualTo("within the spring budget"));
    }

    @Test
    void givenAFlaggedCommitment_whenAManagerRejectsIt_thenItStaysNoPromiseWithTheReason() {
        Commitment flagged = make(CommitmentType.PRICE_DISCOUNT, POS_AND_TRAINING, "eric").commitment();

        var rejected = flagged.reject("Discounts belong to the annual negotiation", NORA, NOW);

        assertThat(rejected.commitment().status()).isEqualTo(CommitmentStatus.REJECTED);
        assertThat(rejected.commitment().status().isPromise()).isFalse();
        assertThat(rejected.event()).isInstanceOf(CommitmentRejected.class);
    }

    @Test
    void givenAManagersOwnFlaggedCommitment_whenTheyApproveIt_thenAnotherManagerMust() {
        Commitment flagged = make(CommitmentType.LISTING_FEE, POS_AND_TRAINING, "nora").commitment();

        assertThat(rejectionOf(() -> flagged.approve(null, NORA, NOW))).isInstanceOfSatisfying(Rejection.Forbidden.class,
                e -> assertThat(e.code()).isEqualTo("own-commitment"));
        assertThat(flagged.approve(null, NATE, NOW).commitment().status()).isEqualTo(CommitmentStatus.APPROVED);
    }

    @Test
    void givenARecordedOrDecidedCommitment_whenSomeoneDecidesOnIt_thenItIsAConflict() {
        Commitment recorded = make(CommitmentType.TRAINING, POS_AND_TRAINING, "eric").commitment();
        Commitment approved = make(CommitmentType.FREE_GOODS, POS_AND_TRAINING, "eric").commitment()
                .approve(null, NORA, NOW).commitment();

        assertThat(rejectionOf(() -> recorded.approve(null, NORA, NOW))).isInstanceOf(Rejection.Conflict.class);
        assertThat(rejectionOf(() -> approved.reject("changed my mind", NATE, NOW))).isInstanceOf(Rejection.Conflict.class);
    }

    private static Commitment.Judged make(CommitmentType type, CommitmentPolicy policy, String by) {
        return Commitment.make(UUID.randomUUID(), ACCOUNT, UUID.randomUUID(), Region.EAST, type,
                " Two hanging flags by Friday ", policy, by, NOW);
    }
}
