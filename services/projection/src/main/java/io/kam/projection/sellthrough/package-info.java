/**
 * Retailers' sell-through figures from {@code kam.sellthrough.v1}: net units and sales per account, day, store and
 * GTIN with daily aggregates ({@link io.kam.projection.sellthrough.SellThroughProjector}), the figures a review shows
 * beside its plan ({@link io.kam.projection.sellthrough.SellThroughTotals}), and
 * {@code GET /api/reviews/{accountId}/sell-through} by period and grouping.
 */
@NullMarked
package io.kam.projection.sellthrough;

import org.jspecify.annotations.NullMarked;
