package io.kam.visits.api;

/** What the coordinator brings (三准备之资料): the recent sales record, the price list, the catalogue, samples, business cards. */
public enum Material {
    RECENT_SALES_RECORD, PRICE_LIST, CATALOGUE, SAMPLES, BUSINESS_CARDS
}
