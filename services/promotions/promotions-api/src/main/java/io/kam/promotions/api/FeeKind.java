package io.kam.promotions.api;

/** What a retailer charges for a promotion. */
public enum FeeKind {
    /** For the display or end cap (陈列费). */
    DISPLAY_FEE,
    /** For a place in the DM or flyer (DM费). */
    DM_FEE,
    /** The cost of promoters in store. */
    PROMOTER_COST,
    OTHER
}
