package io.kam.projection.review;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.Region;
import io.kam.projection.review.ReviewViews.Review;

/**
 * Whom a review is read for, and so what of it they get.
 *
 * @param terms       whether the trade-spend section and the TRADE_SPEND_RATE actual are read (national KA managers)
 * @param region      a coordinator's region: the review as seen from it; null for everyone else
 * @param integration a machine client without the manager role: no heat, wall, SWOT, origin or execution
 * @param retailer    an integration bound to the retailer: the retailer's audience besides
 */
record Audience(boolean terms, @Nullable Region region, boolean integration, boolean retailer) {

    Review of(Review review) {
        Review seen = region == null ? review : review.seenFrom(region);
        return !integration ? seen : retailer ? seen.forRetailer() : seen.forIntegration();
    }
}
