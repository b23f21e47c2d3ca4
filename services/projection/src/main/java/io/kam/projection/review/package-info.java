/**
 * The business review of each account, projected from {@code kam.accounts.v1}: header, classification, stage,
 * open stores by region, contacts by department and level, and the timeline of classification and stage changes.
 * Served at {@code /api/reviews}; rebuilt from the topic at {@code /api/reviews/rebuild}.
 */
@NullMarked
package io.kam.projection.review;

import org.jspecify.annotations.NullMarked;
