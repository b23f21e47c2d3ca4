package io.kam.promotions.promotion;

import java.util.List;

import io.kam.negotiations.api.ValueShape;
import io.kam.promotions.api.FeeBasis;
import io.kam.promotions.api.FeeKind;
import io.kam.promotions.api.PromotionEvents.AgreementRef;
import io.kam.promotions.api.PromotionEvents.Fee;
import io.kam.promotions.replica.AgreedPromotionFees.AgreedFee;
import io.kam.promotions.replica.AgreedPromotionFees.InForce;

/**
 * The default fees of a promotion whose terms name none: what the promotion fees (促销费) of the account's agreement
 * in force on its first in-store day charge a single promotion. The agreement's figures are annual, and its annual
 * cost (ADR 0012) already counts each of them once a year, so a promotion takes only what belongs to it:
 * <ul>
 *   <li>a percentage of sales is charged on every sale, the promotion's included: the promotion's fee is that
 *       percentage of its promoted sales ({@link FeeBasis#OFF_INVOICE_PERCENT}, kind {@link FeeKind#OTHER});</li>
 *   <li>a sum a year ({@link ValueShape#FIXED_AMOUNT}) and a sum per store a year ({@link ValueShape#PER_STORE}: the
 *       amount × the account's stores, once a year) are the agreement's pot that the year's promotions draw on: they
 *       are not charged on a promotion, which would charge them again with every promotion (a store in four
 *       promotions would pay its yearly fee four times).</li>
 * </ul>
 * The terms name the agreement version the defaults came from, even when its promotion fees are all annual sums (then
 * the promotion draws on them and carries no fee of its own).
 */
final class AgreedFeeDefaults {

    record Defaults(List<Fee> fees, AgreementRef from) {
    }

    private AgreedFeeDefaults() {
    }

    static Defaults of(InForce agreement) {
        List<Fee> fees = agreement.fees().stream()
                .filter(fee -> fee.shape() == ValueShape.PERCENT_OF_SALES)
                .map(AgreedFeeDefaults::ofPromotedSales)
                .toList();
        return new Defaults(fees, new AgreementRef(agreement.agreementId(), agreement.version()));
    }

    private static Fee ofPromotedSales(AgreedFee agreed) {
        return new Fee(FeeKind.OTHER, agreed.percent().setScale(2, java.math.RoundingMode.HALF_UP),
                FeeBasis.OFF_INVOICE_PERCENT, "agreed promotion fee (" + agreed.buyerName() + "): "
                        + agreed.percent().toPlainString() + " % of sales");
    }
}
