package io.kam.accounts.api;

/** The unit a plan target is set in. */
public enum KpiUnit {
    /** Money, in yuan (CNY). */
    CNY,
    /** Consumer units sold. */
    UNITS,
    /** Distinct SKUs. */
    SKUS,
    /** Stores. */
    STORES,
    /** Promotions run. */
    PROMOTIONS,
    /** An index where 100 is the reference price. */
    INDEX,
    /** Secondary display placements (end caps, islands, stacks). */
    DISPLAYS,
    /** Percent of sales value. */
    PERCENT_OF_SALES
}
