package io.kam.accounts.api;

/** What a plan target is compared against when the plan is followed up against results. */
public enum ComparisonBasis {
    /** The same measure in the previous year; the target's baseline is last year's figure. */
    PRIOR_YEAR,
    /** The agreed retail price: an index of 100 means the shelf price equals it, 95 means 5% below. */
    AGREED_RETAIL_PRICE,
    /** The account's sales value in the same period. */
    SALES_VALUE
}
