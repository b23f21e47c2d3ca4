package io.kam.visits.api;

/**
 * A commitment within the account's policy is {@code RECORDED} as a promise when the visit is logged. One outside
 * it is {@code FLAGGED} and is no promise until a national KA manager {@code APPROVED} it, or {@code REJECTED} it.
 */
public enum CommitmentStatus {
    RECORDED, FLAGGED, APPROVED, REJECTED;

    /** Whether the customer holds it as a promise. */
    public boolean isPromise() {
        return this == RECORDED || this == APPROVED;
    }
}
