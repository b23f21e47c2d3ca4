package io.kam.visits.api;

/**
 * A complaint's life (嫌货人才是买货人): {@code OPEN} when logged, {@code INVESTIGATING} while examined from the
 * customer's side, then {@code RESOLVED} with a resolution, or {@code CLOSED} with a reason and without one (withdrawn,
 * unfounded). Open and investigating complaints may be closed; resolved and closed ones are final.
 */
public enum ComplaintStatus {
    OPEN, INVESTIGATING, RESOLVED, CLOSED
}
