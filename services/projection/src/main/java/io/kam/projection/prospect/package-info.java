/**
 * The prospect pipeline, projected from {@code kam.prospects.v1}: prospects by stage, region and source, conversion
 * rates and time in stage ({@code GET /api/reviews/pipeline}), and the origin of an account converted from a prospect,
 * with its referral chain, for the account's review.
 */
@NullMarked
package io.kam.projection.prospect;

import org.jspecify.annotations.NullMarked;
