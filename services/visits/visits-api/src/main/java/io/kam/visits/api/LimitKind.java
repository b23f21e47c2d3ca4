package io.kam.visits.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * The limits a commitment's amount is checked against, and the commitment types each limits. The first eight are terms
 * of the account's signed agreement (the negotiations contract's term kinds of the same name); the {@code PROMOTION_…}
 * ones come from a promotion agreed with the retailer and running at the store (or, for a head-office visit, at any of
 * the account's stores) on the visit's day: the deepest cut of its promoted prices off the regular ones, and its fees by
 * kind. Free goods have no limit in either: an amount of free goods always waits for a national KA manager.
 */
public enum LimitKind {
    /** The agreement's discount off the invoice price (票面折扣), percent. */
    ON_INVOICE_DISCOUNT(CommitmentType.PRICE_DISCOUNT),
    /** The agreement's unconditional rebate (无条件返利), percent; a sum is no store limit. */
    OFF_INVOICE_REBATE(CommitmentType.PRICE_DISCOUNT),
    /** The agreement's returns allowance (退货), percent. */
    RETURNS_ALLOWANCE(CommitmentType.RETURNS),
    /** The agreement's listing fee (上架费), yuan per SKU listed, per store or per SKU in each store. */
    LISTING_FEE(CommitmentType.LISTING_FEE),
    /** The agreement's new-store fee (新店费), yuan per store. */
    NEW_STORE_FEE(CommitmentType.LISTING_FEE),
    /** The agreement's promotion fee (促销费), yuan a year or per store (a percent of sales is shown, no store limit). */
    PROMOTION_FEE(CommitmentType.DISPLAY_FEE, CommitmentType.PROMOTION_SUPPORT),
    /** The agreement's DM / flyer fee (DM费), yuan a year or per store. */
    DM_FEE(CommitmentType.PROMOTION_SUPPORT),
    /** The agreement's anniversary fee (周年庆), yuan a year or per store. */
    ANNIVERSARY_FEE(CommitmentType.PROMOTION_SUPPORT),
    /** The deepest agreed price cut of a running promotion's SKUs, percent off the regular price. */
    PROMOTION_DISCOUNT(CommitmentType.PRICE_DISCOUNT),
    /** A running promotion's display fee, yuan for the promotion or per store. */
    PROMOTION_DISPLAY_FEE(CommitmentType.DISPLAY_FEE),
    /** A running promotion's DM fee, yuan for the promotion or per store. */
    PROMOTION_DM_FEE(CommitmentType.PROMOTION_SUPPORT),
    /** A running promotion's promoter cost, yuan for the promotion or per store. */
    PROMOTION_PROMOTER_COST(CommitmentType.PROMOTER),
    /** A running promotion's other fee, yuan for the promotion or per store. */
    PROMOTION_OTHER_FEE(CommitmentType.PROMOTION_SUPPORT);

    private final Set<CommitmentType> limits;

    LimitKind(CommitmentType first, CommitmentType... more) {
        this.limits = Set.copyOf(EnumSet.of(first, more));
    }

    /** Whether a commitment of the type is checked against limits of this kind. */
    public boolean limits(CommitmentType type) {
        return limits.contains(type);
    }
}
