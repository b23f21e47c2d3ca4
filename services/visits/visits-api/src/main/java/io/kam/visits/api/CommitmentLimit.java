package io.kam.visits.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A limit a coordinator's commitment is checked against (不可做出任何政策外的承诺): a term in force under the account's
 * signed agreement, or what a promotion agreed with the retailer allows, in force {@code effectiveFrom} to
 * {@code effectiveTo}, both included. Only the agreed value: never a negotiation's positions, costs or shares.
 *
 * @param limit the agreed percent (0 to 100, scale 2) or yuan (scale 2)
 * @param per   what a yuan limit is for (a year, a store, a SKU listed…); null for a percent
 */
public record CommitmentLimit(LimitKind kind, BigDecimal limit, LimitUnit unit, @Nullable LimitPer per,
                              LimitSource source, LocalDate effectiveFrom, LocalDate effectiveTo) {

    /** Whether an ask in this unit is within the limit. */
    public boolean allows(LimitUnit asked, BigDecimal value) {
        return unit == asked && value.compareTo(limit) <= 0;
    }
}
