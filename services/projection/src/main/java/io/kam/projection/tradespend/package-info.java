/**
 * The review's trade-spend section (贸易条件与费用), projected from {@code kam.negotiations.v1}: every signed version of
 * every agreement with its normalised terms, and each negotiation's preparation, rounds and concession ledger. The
 * section ({@link io.kam.projection.tradespend.TradeSpendSection}) is derived from those rows, the plan's
 * {@code TRADE_SPEND_RATE} target, the sell-through figures and the promotions section when a review is read.
 * Negotiations and terms are confidential: the section is read for national KA managers only.
 */
@NullMarked
package io.kam.projection.tradespend;

import org.jspecify.annotations.NullMarked;
