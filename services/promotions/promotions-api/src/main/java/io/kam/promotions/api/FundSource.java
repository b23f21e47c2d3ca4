package io.kam.promotions.api;

/** Where a fund's budget came from. */
public enum FundSource {
    /** The approved business plan's promotion-spend target; a newer approved plan updates it. */
    PLAN,
    /** A national KA manager set it; plans no longer change it. */
    MANAGER
}
