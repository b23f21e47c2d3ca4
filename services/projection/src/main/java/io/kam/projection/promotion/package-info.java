/**
 * The review's promotions section (促销), projected from {@code kam.promotions.v1}: each promotion at its latest
 * revision (terms, approval, agreement, calendar, cancellation), its evaluation with the highest number, and the
 * account's funds per year; with the execution store checks find ({@link io.kam.projection.visit.PromotionExecution},
 * from {@code kam.visits.v1}). The section ({@link io.kam.projection.promotion.PromotionSection}) and the actuals of the
 * plan's {@code PROMOTION_SPEND} and {@code PROMOTIONS} KPIs are derived from those rows when a review is read.
 */
@NullMarked
package io.kam.projection.promotion;

import org.jspecify.annotations.NullMarked;
