/**
 * The business review of each account, projected from {@code kam.accounts.v1}: header, classification, stage,
 * open stores by region, contacts by department and level, the timeline of classification, stage and plan changes,
 * the approved business plan in force with the progress of its action items, purchase heat, the relationship wall
 * with its weak spots, SWOT counts, and for an account converted from a prospect its origin (read from the prospect
 * pipeline's tables, {@link io.kam.projection.prospect}); its execution, promotions, trade-spend and sell-through
 * sections come from the features that project them ({@link io.kam.projection.visit},
 * {@link io.kam.projection.promotion}, {@link io.kam.projection.tradespend}, {@link io.kam.projection.sellthrough}).
 * Served at {@code /api/reviews}, to the callers who may see the account ({@link io.kam.projection.scope}); rebuilt,
 * with every other read model, from the six topics ({@link io.kam.projection.rebuild}).
 */
@NullMarked
package io.kam.projection.review;

import org.jspecify.annotations.NullMarked;
