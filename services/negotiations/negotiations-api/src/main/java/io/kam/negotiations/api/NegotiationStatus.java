package io.kam.negotiations.api;

/** Where a negotiation stands; it follows from its events. */
public enum NegotiationStatus {
    /** Opened; no preparation submitted yet. */
    OPENED,
    /** A preparation revision is waiting for a second national KA manager's approval. */
    PREPARATION_SUBMITTED,
    /** Preparation approved; rounds may be recorded. */
    PREPARED,
    /** At least one round recorded. */
    IN_ROUNDS,
    /** The agreement is signed (and perhaps amended since). */
    SIGNED
}
