package io.kam.visits.commitment;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

import io.kam.visits.api.LimitUnit;
import io.kam.visits.api.VisitRequests.CommitmentMade;

/** What a commitment asks, in the unit of its type: percent off, yuan, or units of free goods. */
public record Amount(LimitUnit unit, BigDecimal value) {

    /** The amount the commitment states; null when it states none (the request's content was checked before). */
    public static @Nullable Amount of(CommitmentMade made) {
        if (made.discountPercent() != null) {
            return new Amount(LimitUnit.PERCENT, made.discountPercent());
        }
        if (made.amount() != null) {
            return new Amount(LimitUnit.YUAN, made.amount());
        }
        if (made.units() != null) {
            return new Amount(LimitUnit.UNITS, BigDecimal.valueOf(made.units()));
        }
        return null;
    }

    @Nullable BigDecimal percent() {
        return unit == LimitUnit.PERCENT ? value : null;
    }

    @Nullable BigDecimal yuan() {
        return unit == LimitUnit.YUAN ? value : null;
    }

    @Nullable Long units() {
        return unit == LimitUnit.UNITS ? value.longValueExact() : null;
    }

    @Override
    public String toString() {
        return value.toPlainString() + " " + unit;
    }
}
