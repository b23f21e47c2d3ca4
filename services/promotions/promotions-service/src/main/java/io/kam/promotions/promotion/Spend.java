package io.kam.promotions.promotion;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.kam.promotions.api.PromotionEvents.Fee;
import io.kam.promotions.api.PromotionEvents.PromotedSku;
import io.kam.promotions.api.PromotionEvents.Terms;
import io.kam.promotions.api.PromotionViews.PlannedSpend;

/** The planned spend of a promotion's terms, as {@link PlannedSpend} defines it. */
final class Spend {

    private Spend() {
    }

    static PlannedSpend planned(Terms terms) {
        BigDecimal units = BigDecimal.valueOf(terms.forecast().baselineUnits() + terms.forecast().upliftUnits());
        BigDecimal skus = BigDecimal.valueOf(terms.skus().size());
        BigDecimal meanPromotedPrice = terms.skus().stream().map(PromotedSku::promotedPrice)
                .reduce(BigDecimal.ZERO, BigDecimal::add).divide(skus, 10, RoundingMode.HALF_UP);
        BigDecimal meanDiscount = terms.skus().stream().map(s -> s.regularPrice().subtract(s.promotedPrice()))
                .reduce(BigDecimal.ZERO, BigDecimal::add).divide(skus, 10, RoundingMode.HALF_UP);
        BigDecimal fees = BigDecimal.ZERO;
        for (Fee fee : terms.fees()) {
            fees = fees.add(switch (fee.basis()) {
                case FIXED -> fee.amount();
                case PER_STORE -> fee.amount().multiply(BigDecimal.valueOf(terms.storeIds().size()));
                case PER_UNIT_SOLD -> fee.amount().multiply(units);
                case OFF_INVOICE_PERCENT -> fee.amount().movePointLeft(2).multiply(units).multiply(meanPromotedPrice);
            });
        }
        BigDecimal discount = terms.retailerFundsDiscount() ? BigDecimal.ZERO : meanDiscount.multiply(units);
        fees = fees.setScale(2, RoundingMode.HALF_UP);
        discount = discount.setScale(2, RoundingMode.HALF_UP);
        return new PlannedSpend(fees, discount, fees.add(discount));
    }
}
