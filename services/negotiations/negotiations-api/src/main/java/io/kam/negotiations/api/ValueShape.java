package io.kam.negotiations.api;

/**
 * The shape of a term's value, and so what its annual cost is computed from (see {@link NegotiationEvents.TermValue}
 * for the fields each shape fills, and docs/decisions/0012-trade-spend-normalisation.md for the computation).
 */
public enum ValueShape {
    /** {@code percent} of the sales basis: cost = basis × percent ÷ 100. */
    PERCENT_OF_SALES,
    /** {@code amount} yuan a year: cost = amount. */
    FIXED_AMOUNT,
    /** {@code amount} yuan for each store counted: cost = amount × stores. */
    PER_STORE,
    /** {@code amount} yuan for each SKU newly listed in the year: cost = amount × new listings. */
    PER_SKU_LISTED,
    /** {@code amount} yuan for each new listing in each store: cost = amount × new listings × stores. */
    PER_SKU_PER_STORE,
    /** {@code days} of credit: cost = basis × days ÷ 365 × the financing rate ÷ 100. */
    DAYS,
    /** {@code tiers}: the percent of the highest tier the forecast sales reach, on the whole basis. */
    TIERED
}
