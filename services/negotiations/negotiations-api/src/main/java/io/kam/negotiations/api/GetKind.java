package io.kam.negotiations.api;

/** What the buyer gave in return for one of our gives (every concession must get something in return). */
public enum GetKind {
    /** New SKUs listed. */
    LISTING,
    /** More or better shelf space. */
    SHELF_SPACE,
    /** Secondary displays, end caps (陈列). */
    DISPLAY,
    /** Promotion slots or DM pages. */
    PROMOTION_SLOT,
    /** A volume or growth commitment. */
    VOLUME_COMMITMENT,
    /** A better value of another term (shorter payment terms, say). */
    TERM_CONCESSION,
    OTHER
}
