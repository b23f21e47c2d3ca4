package io.kam.accounts.api;

/**
 * The KPIs (考核指标) an annual business plan (生意计划) sets targets for. Each has a fixed unit and comparison basis,
 * so that every plan, and every plan-versus-actual figure, reads the same way.
 */
public enum PlanKpi {
    SELL_THROUGH_VALUE(KpiUnit.CNY, ComparisonBasis.PRIOR_YEAR),
    SELL_THROUGH_VOLUME(KpiUnit.UNITS, ComparisonBasis.PRIOR_YEAR),
    /** Numeric distribution: SKUs listed by the account. */
    LISTED_SKUS(KpiUnit.SKUS, ComparisonBasis.PRIOR_YEAR),
    /** Numeric distribution: stores carrying the listed SKUs. */
    STORES_CARRYING(KpiUnit.STORES, ComparisonBasis.PRIOR_YEAR),
    PROMOTIONS(KpiUnit.PROMOTIONS, ComparisonBasis.PRIOR_YEAR),
    PROMOTION_SPEND(KpiUnit.CNY, ComparisonBasis.PRIOR_YEAR),
    /** Average shelf price against the agreed retail price (100 = on the agreed price). */
    SHELF_PRICE_INDEX(KpiUnit.INDEX, ComparisonBasis.AGREED_RETAIL_PRICE),
    SECONDARY_DISPLAYS(KpiUnit.DISPLAYS, ComparisonBasis.PRIOR_YEAR),
    NEW_LISTINGS(KpiUnit.SKUS, ComparisonBasis.PRIOR_YEAR),
    /** Trade spend as a percentage of the account's sales. */
    TRADE_SPEND_RATE(KpiUnit.PERCENT_OF_SALES, ComparisonBasis.SALES_VALUE);

    private final KpiUnit unit;
    private final ComparisonBasis basis;

    PlanKpi(KpiUnit unit, ComparisonBasis basis) {
        this.unit = unit;
        this.basis = basis;
    }

    public KpiUnit unit() {
        return unit;
    }

    public ComparisonBasis basis() {
        return basis;
    }
}
