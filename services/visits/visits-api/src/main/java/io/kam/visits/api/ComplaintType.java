package io.kam.visits.api;

/** What a complaint or objection (异议) is about: product quality, a price found too high, delivery, service. */
public enum ComplaintType {
    PRODUCT_QUALITY, PRICE_TOO_HIGH, DELIVERY, SERVICE
}
