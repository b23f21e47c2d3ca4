package io.kam.promotions.api;

/**
 * Where a promotion stands. {@code DRAFT → PROPOSED → APPROVED → AGREED → RUNNING → ENDED → EVALUATED}; a proposed
 * promotion may be {@code RETURNED} to its author (who edits it, and it is a draft again), and any promotion that has
 * not ended may be {@code CANCELLED}. Running and ended follow the market's calendar.
 */
public enum PromotionStatus {
    DRAFT, PROPOSED, RETURNED, APPROVED, AGREED, RUNNING, ENDED, EVALUATED, CANCELLED;

    /** Whether the terms may still be edited. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }

    /** Whether the promotion holds its SKUs in its stores for its period (clashes are checked against it). */
    public boolean holdsItsSlots() {
        return this != CANCELLED;
    }

    /** Whether the retailer has confirmed it: the promotions a retailer's integration may read. */
    public boolean agreed() {
        return this == AGREED || this == RUNNING || this == ENDED || this == EVALUATED;
    }
}
