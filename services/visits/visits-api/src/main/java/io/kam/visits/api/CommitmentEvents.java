package io.kam.visits.api;

import java.math.BigDecimal;
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

    /**
     * A commitment within the account's policy, a promise from the moment the visit was logged. One with an amount (in
     * the unit of its type: {@code discountPercent}, {@code amount} or {@code units}; the others null) was within the
     * limit {@code allowedBy}; one without (and every event written before amounts existed) has none of the four.
     */
    @EventType("kam.commitment.recorded")
    public record CommitmentRecorded(UUID accountId, UUID commitmentId, UUID visitId, UUID storeId, Region region,
                                     CommitmentType type, String description, String madeBy,
                                     BigDecimal discountPercent, BigDecimal amount, Long units,
                                     CommitmentLimit allowedBy)
            implements VisitEvents.VisitEvent {

        /** A commitment without an amount, allowed by the policy's types. */
        public CommitmentRecorded(UUID accountId, UUID commitmentId, UUID visitId, UUID storeId, Region region,
                                  CommitmentType type, String description, String madeBy) {
            this(accountId, commitmentId, visitId, storeId, region, type, description, madeBy, null, null, null, null);
        }
    }

    /**
     * A commitment outside the account's policy: no promise until a national KA manager approves it. One with an amount
     * is held because it {@code exceeded} every limit in force for it, or no limit was in force; one without (and every
     * event written before amounts existed) was outside the policy's types ({@code allowed}), and its amount fields and
     * {@code exceeded} are null.
     */
    @EventType("kam.commitment.flagged")
    public record CommitmentFlagged(UUID accountId, UUID commitmentId, UUID visitId, UUID storeId, Region region,
                                    CommitmentType type, String description, String madeBy, List<CommitmentType> allowed,
                                    BigDecimal discountPercent, BigDecimal amount, Long units, LimitExceeded exceeded)
            implements VisitEvents.VisitEvent {

        /** A commitment without an amount, outside the policy's types. */
        public CommitmentFlagged(UUID accountId, UUID commitmentId, UUID visitId, UUID storeId, Region region,
                                 CommitmentType type, String description, String madeBy, List<CommitmentType> allowed) {
            this(accountId, commitmentId, visitId, storeId, region, type, description, madeBy, allowed, null, null, null,
                    null);
        }
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
