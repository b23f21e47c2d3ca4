package io.kam.negotiations.terms;

import java.math.BigDecimal;

import io.kam.negotiations.api.NegotiationEvents.SalesBasis;

/**
 * What the terms of one period are costed on: the sales basis; the account's stores open during the period and those
 * that open in it; the SKUs newly listed in it (the plan's target, or those listed so far when more); and the annual
 * financing rate (percent) payment terms are costed at.
 */
public record Counts(SalesBasis basis, long storesOpen, long storesOpening, long newListings,
                     BigDecimal financingRatePercent) {
}
