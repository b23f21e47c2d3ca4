package io.kam.promotions.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.promotions.api.PromotionEvents.Cannibalisation;
import io.kam.promotions.api.PromotionEvents.Investment;
import io.kam.promotions.api.PromotionEvents.Outcome;
import io.kam.promotions.api.PromotionEvents.Period;
import io.kam.promotions.api.PromotionEvents.PromotedSku;
import io.kam.promotions.api.PromotionEvents.SkuOutcome;
import io.kam.promotions.api.PromotionEvents.Terms;
import io.kam.promotions.promotion.Spend;

/**
 * A promotion's outcome over the sell-through, worked out per store × SKU with {@link Baseline} and summed.
 *
 * <p>Per store and promoted SKU: baseline units = the baseline daily units × the in-store days; incremental = actual
 * − baseline; dip = what the {@code dipWeeks} after the period sold below the baseline, never negative; net
 * incremental = incremental − dip. A SKU's outcome sums its stores; its incremental gross profit is its net
 * incremental units × (list price − unit cost), rounded half up to the cent, and the total's is the sum of the SKUs'
 * (null while any cost is missing). Uplift % = net incremental ÷ baseline × 100, 2 decimals half-even.
 *
 * <p>Investment: the fees settled, or else the planned fees on the actual volume (fixed once, per store times the
 * stores, per unit times the actual promoted units, off-invoice percent of the actual promoted sales), plus the
 * discount the manufacturer funds: each SKU's regular less promoted price times its actual units (none when the
 * retailer funds it); each rounded half up to the cent. ROI = incremental gross profit ÷ investment, 4 decimals half
 * up; cost per incremental unit = investment ÷ net incremental units, half up to the cent.
 */
public final class Evaluation {

    private Evaluation() {
    }

    /** One store's daily units of one SKU, its sales value over the in-store period, and the days to leave out. */
    public record Series(UUID storeId, Map<LocalDate, Long> units, BigDecimal periodSales, Set<LocalDate> excluded) {
    }

    /** A SKU's category, list price to the account and unit cost. */
    public record Cost(String category, BigDecimal listPrice, BigDecimal unitCost) {

        BigDecimal margin() {
            return listPrice.subtract(unitCost);
        }
    }

    /** One store's outcome for one promoted SKU. */
    public record StoreLine(UUID storeId, String gtin, BigDecimal baselineDailyUnits, Outcome outcome) {
    }

    /** Everything the evaluation found; {@code lines} holds each store × SKU, in the terms' order. */
    public record Result(List<StoreLine> lines, List<SkuOutcome> skus, Outcome total,
                         List<Cannibalisation> cannibalisation, Investment investment, @Nullable BigDecimal roi,
                         @Nullable BigDecimal costPerIncrementalUnit, List<String> missingCosts) {
    }

    /**
     * Evaluates the terms. {@code promoted} holds, per promoted GTIN, a series per store of the terms (a store
     * without figures has an empty one); {@code others} the same for the account's non-promoted GTINs of the promoted
     * categories; {@code costs} the costs known for any of them; {@code settledFees} the settled total, or null.
     */
    public static Result evaluate(Terms terms, Map<String, List<Series>> promoted, Map<String, List<Series>> others,
                                  Map<String, Cost> costs, @Nullable BigDecimal settledFees, int baselineWeeks,
                                  int dipWeeks) {
        Period in = terms.inStore();
        Period dip = new Period(in.to().plusDays(1), in.to().plusDays(7L * dipWeeks));
        List<StoreLine> lines = new ArrayList<>();
        List<SkuOutcome> skus = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Sum total = new Sum();
        @Nullable BigDecimal profit = BigDecimal.ZERO;
        BigDecimal discount = BigDecimal.ZERO;
        for (PromotedSku sku : terms.skus()) {
            Cost cost = costs.get(sku.gtin());
            if (cost == null) {
                missing.add(sku.gtin());
            }
            Sum ofSku = new Sum();
            for (Series series : promoted.getOrDefault(sku.gtin(), List.of())) {
                Sum ofStore = new Sum();
                BigDecimal daily = ofStore.add(series, in, dip, baselineWeeks);
                ofSku.add(ofStore);
                lines.add(new StoreLine(series.storeId(), sku.gtin(), daily,
                        ofStore.outcome(cost == null ? null : grossProfit(ofStore.net(), cost))));
            }
            @Nullable BigDecimal skuProfit = cost == null ? null : grossProfit(ofSku.net(), cost);
            skus.add(new SkuOutcome(sku.gtin(), ofSku.outcome(skuProfit)));
            total.add(ofSku);
            profit = skuProfit == null || profit == null ? null : profit.add(skuProfit);
            if (!terms.retailerFundsDiscount()) {
                discount = discount.add(sku.regularPrice().subtract(sku.promotedPrice())
                        .multiply(BigDecimal.valueOf(ofSku.actual)));
            }
        }
        BigDecimal fees = (settledFees != null ? settledFees : plannedFees(terms, total.actual, total.sales))
                .setScale(2, RoundingMode.HALF_UP);
        discount = discount.setScale(2, RoundingMode.HALF_UP);
        Investment investment = new Investment(fees, settledFees != null, discount, fees.add(discount));
        Outcome outcome = total.outcome(profit);
        BigDecimal roi = profit == null || investment.total().signum() == 0 ? null
                : profit.divide(investment.total(), 4, RoundingMode.HALF_UP);
        BigDecimal perUnit = outcome.netIncrementalUnits().signum() <= 0 ? null
                : investment.total().divide(outcome.netIncrementalUnits(), 2, RoundingMode.HALF_UP);
        return new Result(lines, skus, outcome, cannibalisation(others, costs, in, baselineWeeks), investment, roi,
                perUnit, List.copyOf(missing));
    }

    /** The planned fees, priced on what was actually sold. */
    static BigDecimal plannedFees(Terms terms, long units, BigDecimal sales) {
        return Spend.fees(terms, BigDecimal.valueOf(units), sales);
    }

    private static BigDecimal grossProfit(BigDecimal netUnits, Cost cost) {
        return netUnits.multiply(cost.margin()).setScale(2, RoundingMode.HALF_UP);
    }

    private static List<Cannibalisation> cannibalisation(Map<String, List<Series>> others, Map<String, Cost> costs,
                                                         Period in, int baselineWeeks) {
        List<Cannibalisation> found = new ArrayList<>();
        for (var entry : new TreeMap<>(others).entrySet()) {
            Cost cost = costs.get(entry.getKey());
            if (cost == null) {
                continue;
            }
            BigDecimal baseline = BigDecimal.ZERO.setScale(Baseline.SCALE);
            long actual = 0;
            for (Series series : entry.getValue()) {
                baseline = baseline.add(Baseline.dailyUnits(series.units(), series.excluded(), in, baselineWeeks)
                        .multiply(BigDecimal.valueOf(in.days())));
                actual += Baseline.total(series.units(), in);
            }
            found.add(new Cannibalisation(entry.getKey(), cost.category(), baseline, actual,
                    baseline.subtract(BigDecimal.valueOf(actual))));
        }
        return List.copyOf(found);
    }

    /** Units summed over stores (and SKUs). */
    private static final class Sum {
        BigDecimal baseline = BigDecimal.ZERO.setScale(Baseline.SCALE);
        long actual;
        BigDecimal sales = BigDecimal.ZERO.setScale(Baseline.SCALE);
        BigDecimal dip = BigDecimal.ZERO.setScale(Baseline.SCALE);

        /** Adds one store's series; returns its baseline daily units. */
        BigDecimal add(Series series, Period in, Period after, int baselineWeeks) {
            BigDecimal daily = Baseline.dailyUnits(series.units(), series.excluded(), in, baselineWeeks);
            baseline = daily.multiply(BigDecimal.valueOf(in.days()));
            actual = Baseline.total(series.units(), in);
            sales = series.periodSales().setScale(Baseline.SCALE, RoundingMode.HALF_UP);
            dip = daily.multiply(BigDecimal.valueOf(after.days()))
                    .subtract(BigDecimal.valueOf(Baseline.total(series.units(), after)))
                    .max(BigDecimal.ZERO.setScale(Baseline.SCALE));
            return daily;
        }

        void add(Sum other) {
            baseline = baseline.add(other.baseline);
            actual += other.actual;
            sales = sales.add(other.sales);
            dip = dip.add(other.dip);
        }

        BigDecimal incremental() {
            return BigDecimal.valueOf(actual).subtract(baseline);
        }

        BigDecimal net() {
            return incremental().subtract(dip);
        }

        Outcome outcome(@Nullable BigDecimal grossProfit) {
            BigDecimal net = net();
            BigDecimal uplift = baseline.signum() == 0 ? null
                    : net.multiply(BigDecimal.valueOf(100)).divide(baseline, MathContext.DECIMAL128)
                            .setScale(2, RoundingMode.HALF_EVEN);
            return new Outcome(baseline, actual, sales, incremental(), dip, net, uplift, grossProfit);
        }
    }
}
