package io.kam.promotions.promotion;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.kam.promotions.api.PromotionEvents.Fee;
import io.kam.promotions.api.PromotionEvents.PromotedSku;
import io.kam.promotions.api.PromotionEvents.Terms;
import io.kam.promotions.api.PromotionViews.PlannedSpend;

/**
 * The planned spend of a promotion's terms, as {@link PlannedSpend} defines it, and the fees on any volume (the
 * evaluation prices the planned fees on what was actually sold).
 */
public final class Spend {

    private Spend() {
    }

    static PlannedSpend planned(Terms terms) {
        BigDecimal units = BigDecimal.valueOf(terms.forecast().baselineUnits() + terms.forecast().upliftUnits());
        BigDecimal skus = BigDecimal.valueOf(terms.skus().size());
        BigDecimal meanDiscount = terms.skus().stream().map(s -> s.regularPrice().subtract(s.promotedPrice()))
                .reduce(BigDecimal.ZERO, BigDecimal::add).divide(skus, 10, RoundingMode.HALF_UP);
        BigDecimal fees = fees(terms, units, units.multiply(meanPromotedPrice(terms)));
        BigDecimal discount = terms.retailerFundsDiscount() ? BigDecimal.ZERO : meanDiscount.multiply(units);
        fees = fees.setScale(2, RoundingMode.HALF_UP);
        discount = discount.setScale(2, RoundingMode.HALF_UP);
        return new PlannedSpend(fees, discount, fees.add(discount));
    }

    /** The SKUs' mean promoted price, the forecast's price per unit. */
    public static BigDecimal meanPromotedPrice(Terms terms) {
        return terms.skus().stream().map(PromotedSku::promotedPrice).reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(terms.skus().size()), 10, RoundingMode.HALF_UP);
    }

    /**
     * The terms' fees, unrounded, on a volume: fixed once, per store times the stores, per unit times {@code units},
     * off-invoice percent of {@code promotedSales}.
     */
    public static BigDecimal fees(Terms terms, BigDecimal units, BigDecimal promotedSales) {
        BigDecimal fees = BigDecimal.ZERO;
        for (Fee fee : terms.fees()) {
            fees = fees.add(switch (fee.basis()) {
                case FIXED -> fee.amount();
                case PER_STORE -> fee.amount().multiply(BigDecimal.valueOf(terms.storeIds().size()));
                case PER_UNIT_SOLD -> fee.amount().multiply(units);
                case OFF_INVOICE_PERCENT -> fee.amount().movePointLeft(2).multiply(promotedSales);
            });
        }
        return fees;
    }
}
