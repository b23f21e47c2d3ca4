package io.kam.negotiations.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * The canonical kinds of trade term (贸易条件). Whatever the buyer calls an item (bonus, gift, sponsorship, subsidy,
 * relaunch, anniversary…), it is one of these through the account's alias table, and its annual cost is computed by
 * the shape of its value. Each kind allows the shapes listed with it; any other is refused. Percentages are of the
 * sales basis (the account's annual sales at list price, before any term; see
 * {@link NegotiationEvents.SalesBasis}).
 */
public enum TermKind {
    /** Discount off the invoice price (票面折扣), a percentage of sales. */
    ON_INVOICE_DISCOUNT(ValueShape.PERCENT_OF_SALES),
    /** Unconditional rebate paid off the invoice (无条件返利), a percentage of sales or a fixed sum. */
    OFF_INVOICE_REBATE(ValueShape.PERCENT_OF_SALES, ValueShape.FIXED_AMOUNT),
    /** Conditional growth rebate (有条件返利) by tiers of the year's sales. */
    GROWTH_REBATE(ValueShape.TIERED),
    /** Listing fee (上架费、进场费) per SKU listed, per store, or per SKU in each store. */
    LISTING_FEE(ValueShape.PER_SKU_LISTED, ValueShape.PER_STORE, ValueShape.PER_SKU_PER_STORE),
    /** Promotion fee (促销费) agreed for the year: a sum, a sum per store or a percentage of sales. */
    PROMOTION_FEE(ValueShape.FIXED_AMOUNT, ValueShape.PER_STORE, ValueShape.PERCENT_OF_SALES),
    /** New-store fee (新店费) for each store the account opens in the year. */
    NEW_STORE_FEE(ValueShape.PER_STORE),
    /** Anniversary fee (周年庆): a sum, or a sum per open store. */
    ANNIVERSARY_FEE(ValueShape.FIXED_AMOUNT, ValueShape.PER_STORE),
    /** DM / flyer insertion fee (DM费): a sum, or a sum per store. */
    DM_FEE(ValueShape.FIXED_AMOUNT, ValueShape.PER_STORE),
    /** Logistics / distribution-centre fee (物流费、配送费): a percentage of sales or a sum. */
    LOGISTICS_FEE(ValueShape.PERCENT_OF_SALES, ValueShape.FIXED_AMOUNT),
    /** Payment terms (账期) in days: their cost is the financing of the sales for that long. */
    PAYMENT_TERMS(ValueShape.DAYS),
    /** Returns allowance (退货), a percentage of sales. */
    RETURNS_ALLOWANCE(ValueShape.PERCENT_OF_SALES),
    /** Anything else the buyer charges, in any money shape. */
    OTHER(ValueShape.PERCENT_OF_SALES, ValueShape.FIXED_AMOUNT, ValueShape.PER_STORE, ValueShape.PER_SKU_LISTED,
            ValueShape.PER_SKU_PER_STORE);

    private final Set<ValueShape> shapes;

    TermKind(ValueShape first, ValueShape... more) {
        this.shapes = Set.copyOf(EnumSet.of(first, more));
    }

    /** The value shapes a term of this kind may take. */
    public Set<ValueShape> shapes() {
        return shapes;
    }

    public boolean allows(ValueShape shape) {
        return shapes.contains(shape);
    }
}
