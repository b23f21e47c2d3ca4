package io.kam.visits.api;

/**
 * What a coordinator may promise a customer at a visit: a price discount (折扣), free goods (搭赠), a display fee
 * (陈列费), a listing fee (进场费), promotion support (促销支持), a promoter (促销员), accepting returns (退货), a
 * delivery arrangement (送货安排), staff training (培训), POS material (物料). Each account's commitment policy
 * says which of them it allows; anything else is outside policy (不可做出任何政策外的承诺).
 * <p>
 * A commitment may state its amount in the unit of its type ({@link #unit()}): a discount or a returns allowance in
 * percent ({@code discountPercent}), a fee or support in yuan ({@code amount}), free goods in units ({@code units});
 * delivery, training and POS material have none. A commitment with an amount is checked against the limits in force
 * ({@link LimitKind}) instead of the policy's types.
 */
public enum CommitmentType {
    PRICE_DISCOUNT(LimitUnit.PERCENT), FREE_GOODS(LimitUnit.UNITS), DISPLAY_FEE(LimitUnit.YUAN),
    LISTING_FEE(LimitUnit.YUAN), PROMOTION_SUPPORT(LimitUnit.YUAN), PROMOTER(LimitUnit.YUAN),
    RETURNS(LimitUnit.PERCENT), DELIVERY(null), TRAINING(null), POS_MATERIAL(null);

    private final LimitUnit unit;

    CommitmentType(LimitUnit unit) {
        this.unit = unit;
    }

    /** The unit an amount of this type is stated in; null when the type takes none. */
    public LimitUnit unit() {
        return unit;
    }
}
