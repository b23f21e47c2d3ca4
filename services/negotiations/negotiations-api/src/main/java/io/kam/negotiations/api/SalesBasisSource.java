package io.kam.negotiations.api;

/**
 * Where the sales figure that percentage terms and shares are computed on comes from. It is always shown beside the
 * figure: a trade-spend percentage on an estimate does not read like one on invoiced sales.
 */
public enum SalesBasisSource {
    /** The account's invoiced sales (sell-in) at list price, for the agreement's year, from the platform's data. */
    INVOICED_SALES,
    /** A figure a national KA manager stated, where the platform has no sell-in data. */
    STATED_ESTIMATE,
    /** The approved business plan's sell-through value target (SELL_THROUGH_VALUE) for the year. */
    PLAN_SELL_THROUGH_TARGET
}
