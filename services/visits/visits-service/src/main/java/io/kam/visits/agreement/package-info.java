/**
 * This service's copy of the limits the accounts' signed agreements set on commitments made at visits, built from
 * {@code kam.agreement.signed} and {@code kam.agreement.amended} on {@code kam.negotiations.v1}: per agreement version,
 * its days in force and the agreed value of each term that limits a commitment (discounts, rebates, returns, listing,
 * new-store, promotion, DM and anniversary fees). Coordinators get these limits, never the negotiation behind them.
 */
@NullMarked
package io.kam.visits.agreement;

import org.jspecify.annotations.NullMarked;
