package io.kam.visits.api;

/**
 * What a yuan limit is for: a year ({@code YEAR}, a sum agreed for the year), each store ({@code STORE}), each SKU newly
 * listed ({@code SKU_LISTED}), each new listing in each store ({@code SKU_PER_STORE}), or the whole promotion
 * ({@code PROMOTION}).
 */
public enum LimitPer {
    YEAR, STORE, SKU_LISTED, SKU_PER_STORE, PROMOTION
}
