package io.kam.visits.api;

import java.util.List;
import java.util.UUID;

import io.kam.accounts.api.Region;
import io.kam.platform.events.EventType;

/**
 * Commitments made to customers at visits, checked against the account's commitment policy (不可做出任何政策外的承诺),
 * and the policy itself.
 */
public final class CommitmentEvents {

    private CommitmentEvents() {
    }

    /** A commitment within the account's policy, a promise from the moment the visit was logged. */
    @EventType("kam.commitment.recorded")
    public record CommitmentRecorded(UUID accountId, UUID commitmentId, UUID visitId, UUID storeId, Region region,
                                     CommitmentType type, String description, String madeBy)
            implements VisitEvents.VisitEvent {
    }

    /** A commitment outside the account's policy: no promise until a national KA manager approves it. */
    @EventType("kam.commitment.flagged")
    public record CommitmentFlagged(UUID accountId, UUID commitmentId, UUID visitId, UUID storeId, Region region,
                                    CommitmentType type, String description, String madeBy, List<CommitmentType> allowed)
            implements VisitEvents.VisitEvent {
    }

    /** A national KA manager approved a flagged commitment: it is a promise now. */
    @EventType("kam.commitment.approved")
    public record CommitmentApproved(UUID accountId, UUID commitmentId, UUID visitId, UUID storeId, Region region,
                                     CommitmentType type, String approvedBy, String note)
            implements VisitEvents.VisitEvent {
    }

    /** A national KA manager rejected a flagged commitment: it is no promise, and the customer must be told. */
    @EventType("kam.commitment.rejected")
    public record CommitmentRejected(UUID accountId, UUID commitmentId, UUID visitId, UUID storeId, Region region,
                                     CommitmentType type, String rejectedBy, String reason)
            implements VisitEvents.VisitEvent {
    }

    /** The commitment types a coordinator may promise the account changed (whole new list and the one before). */
    @EventType("kam.commitment-policy.changed")
    public record CommitmentPolicyChanged(UUID accountId, List<CommitmentType> allowed, List<CommitmentType> previous)
            implements VisitEvents.VisitEvent {
    }
}
