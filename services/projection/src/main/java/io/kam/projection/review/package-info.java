/**
 * The business review of each account, projected from {@code kam.accounts.v1}: header, classification, stage,
 * open stores by region, contacts by department and level, the timeline of classification, stage and plan changes,
 * the approved business plan in force with the progress of its action items, purchase heat, the relationship wall
 * with its weak spots, and SWOT counts.
 * Served at {@code /api/reviews}; rebuilt from the topic at {@code /api/reviews/rebuild}.
 */
@NullMarked
package io.kam.projection.review;

import org.jspecify.annotations.NullMarked;
