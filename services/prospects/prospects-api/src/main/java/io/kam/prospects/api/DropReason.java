package io.kam.prospects.api;

/** Why a prospect was dropped; a note in free text goes with it. */
public enum DropReason {
    /** Scored below the territory's qualifying score, and no one argued otherwise. */
    NOT_QUALIFIED,
    /** Bound to a competitor beyond what we can offer. */
    LOYAL_TO_COMPETITOR,
    /** Financial or credit standing too weak. */
    CREDIT_RISK,
    /** Volume too small to serve profitably. */
    TOO_SMALL,
    /** Stopped answering. */
    NO_RESPONSE,
    /** Said no. */
    DECLINED,
    /** Went out of business or was taken over. */
    CEASED_TRADING,
    /** The same company is worked under another prospect or account. */
    DUPLICATE,
    OTHER
}
