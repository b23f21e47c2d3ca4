package io.kam.promotions.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.promotions.api.FeeBasis;
import io.kam.promotions.api.FeeKind;
import io.kam.promotions.api.Mechanic;
import io.kam.promotions.api.PromotionEvents.Fee;
import io.kam.promotions.api.PromotionEvents.Forecast;
import io.kam.promotions.api.PromotionEvents.Period;
import io.kam.promotions.api.PromotionEvents.PromotedSku;
import io.kam.promotions.api.PromotionEvents.Terms;
import io.kam.promotions.evaluation.Evaluation.Cost;
import io.kam.promotions.evaluation.Evaluation.Result;
import io.kam.promotions.evaluation.Evaluation.Series;

/**
 * The evaluation's arithmetic on figures worked out by hand. Two stores, one week of UHT milk at 19.90 instead of
 * 23.00, a display fee of 1,500 per store, list price 15.00 and unit cost 9.00.
 *
 * <pre>
 * store A: 10 a day in the 8 weeks before → baseline 10/day, 70 over the week; 20 a day in store → 140 (2,786.00);
 *          8 a day in the 2 weeks after → dip 140 − 112 = 28
 * store B: 5 a day before, but 30 a day on the 7 days another promotion ran, left out → baseline 5/day, 35;
 *          12 a day in store → 84 (1,671.60); 5 a day after → no dip
 * total:   baseline 105, actual 224, incremental 119, dip 28, net 91, uplift 91 / 105 = 86.67 %
 *          gross profit 91 × (15.00 − 9.00) = 546.00
 *          investment: fees 2 × 1,500 = 3,000.00 + discount 3.10 × 224 = 694.40 → 3,694.40
 *          ROI 546 / 3,694.40 = 0.1478; cost per incremental unit 3,694.40 / 91 = 40.60
 * </pre>
 */
class EvaluationTest {

    private static final LocalDate FROM = LocalDate.of(2027, 3, 1);
    private static final Period IN_STORE = new Period(FROM, FROM.plusDays(6));
    private static final String MILK = "06901234567892";
    private static final String MILK_1L = "06901234567908";
    private static final UUID STORE_A = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    private static final UUID STORE_B = UUID.fromString("00000000-0000-4000-8000-00000000000b");
    private static final Cost MILK_COST = new Cost("UHT milk", new BigDecimal("15.00"), new BigDecimal("9.00"));

    private static Terms terms(boolean retailerFundsDiscount) {
        return new Terms("Spring dairy week", List.of(Mechanic.PRICE_DISCOUNT),
                List.of(new PromotedSku(MILK, "UHT milk", new BigDecimal("23.00"), new BigDecimal("19.90"))),
                List.of(STORE_A, STORE_B), IN_STORE, new Period(FROM.minusDays(14), FROM.minusDays(1)),
                List.of(new Fee(FeeKind.DISPLAY_FEE, new BigDecimal("1500.00"), FeeBasis.PER_STORE, null)), null,
                new Forecast(100, 100), retailerFundsDiscount, null);
    }

    private static void fill(Map<LocalDate, Long> units, LocalDate from, int days, long each) {
        for (int i = 0; i < days; i++) {
            units.put(from.plusDays(i), each);
        }
    }

    private static Series storeA() {
        Map<LocalDate, Long> units = new HashMap<>();
        fill(units, FROM.minusDays(56), 56, 10);
        fill(units, FROM, 7, 20);
        fill(units, FROM.plusDays(7), 14, 8);
        return new Series(STORE_A, units, new BigDecimal("2786.00"), Set.of());
    }

    private static Series storeB() {
        Map<LocalDate, Long> units = new HashMap<>();
        fill(units, FROM.minusDays(56), 56, 5);
        fill(units, FROM.minusDays(28), 7, 30);
        Set<LocalDate> other = new HashSet<>();
        for (int i = 28; i > 21; i--) {
            other.add(FROM.minusDays(i));
        }
        fill(units, FROM, 7, 12);
        fill(units, FROM.plusDays(7), 14, 5);
        return new Series(STORE_B, units, new BigDecimal("1671.60"), other);
    }

    private static Result evaluate(Map<String, Cost> costs, BigDecimal settledFees, boolean retailerFunds,
                                   Map<String, List<Series>> others) {
        return Evaluation.evaluate(terms(retailerFunds), Map.of(MILK, List.of(storeA(), storeB())), others, costs,
                settledFees, 8, 2);
    }

    @Test
    void givenTwoStoresWhenEvaluatedThenEachStoreAndTheTotalMatchTheFiguresWorkedOutByHand() {
        Result result = evaluate(Map.of(MILK, MILK_COST), null, false, Map.of());

        var a = result.lines().get(0);
        assertThat(a.storeId()).isEqualTo(STORE_A);
        assertThat(a.baselineDailyUnits()).isEqualByComparingTo("10");
        assertThat(a.outcome().baselineUnits()).isEqualByComparingTo("70");
        assertThat(a.outcome().actualUnits()).isEqualTo(140);
        assertThat(a.outcome().dipUnits()).isEqualByComparingTo("28");
        assertThat(a.outcome().netIncrementalUnits()).isEqualByComparingTo("42");
        var b = result.lines().get(1);
        assertThat(b.baselineDailyUnits()).isEqualByComparingTo("5");
        assertThat(b.outcome().dipUnits()).isEqualByComparingTo("0");
        assertThat(b.outcome().netIncrementalUnits()).isEqualByComparingTo("49");

        var total = result.total();
        assertThat(total.baselineUnits()).isEqualByComparingTo("105");
        assertThat(total.actualUnits()).isEqualTo(224);
        assertThat(total.actualSales()).isEqualByComparingTo("4457.60");
        assertThat(total.incrementalUnits()).isEqualByComparingTo("119");
        assertThat(total.dipUnits()).isEqualByComparingTo("28");
        assertThat(total.netIncrementalUnits()).isEqualByComparingTo("91");
        assertThat(total.upliftPercent()).isEqualByComparingTo("86.67");
        assertThat(total.incrementalGrossProfit()).isEqualByComparingTo("546.00");
        assertThat(result.skus()).singleElement().satisfies(sku -> assertThat(sku.outcome()).isEqualTo(total));
    }

    @Test
    void givenPlannedFeesWhenEvaluatedThenTheInvestmentIsTheFeesAndTheFundedDiscountOnTheActualUnits() {
        Result result = evaluate(Map.of(MILK, MILK_COST), null, false, Map.of());

        assertThat(result.investment().fees()).isEqualByComparingTo("3000.00");
        assertThat(result.investment().feesSettled()).isFalse();
        assertThat(result.investment().discount()).isEqualByComparingTo("694.40");
        assertThat(result.investment().total()).isEqualByComparingTo("3694.40");
        assertThat(result.roi()).isEqualByComparingTo("0.1478");
        assertThat(result.costPerIncrementalUnit()).isEqualByComparingTo("40.60");
        assertThat(result.missingCosts()).isEmpty();
    }

    @Test
    void givenSettledFeesWhenEvaluatedThenTheyReplaceThePlannedOnes() {
        Result result = evaluate(Map.of(MILK, MILK_COST), new BigDecimal("2000"), false, Map.of());

        assertThat(result.investment().fees()).isEqualByComparingTo("2000.00");
        assertThat(result.investment().feesSettled()).isTrue();
        assertThat(result.investment().total()).isEqualByComparingTo("2694.40");
        assertThat(result.roi()).isEqualByComparingTo("0.2026"); // 546 / 2,694.40 = 0.20264
        assertThat(result.costPerIncrementalUnit()).isEqualByComparingTo("29.61"); // 2,694.40 / 91 = 29.609
    }

    @Test
    void givenTheRetailerFundsTheDiscountWhenEvaluatedThenOnlyTheFeesAreInvested() {
        Result result = evaluate(Map.of(MILK, MILK_COST), null, true, Map.of());

        assertThat(result.investment().discount()).isEqualByComparingTo("0.00");
        assertThat(result.investment().total()).isEqualByComparingTo("3000.00");
        assertThat(result.roi()).isEqualByComparingTo("0.1820"); // 546 / 3,000
    }

    @Test
    void givenNoCostForThePromotedSkuWhenEvaluatedThenProfitAndRoiAreUnknownAndTheSkuIsNamed() {
        Result result = evaluate(Map.of(), null, false, Map.of());

        assertThat(result.total().incrementalGrossProfit()).isNull();
        assertThat(result.roi()).isNull();
        assertThat(result.missingCosts()).containsExactly(MILK);
        assertThat(result.costPerIncrementalUnit()).isEqualByComparingTo("40.60"); // the investment is still known
    }

    @Test
    void givenAnotherSkuOfTheCategoryWhenItSoldLessDuringThePromotionThenItIsReportedAsCannibalised() {
        Map<LocalDate, Long> units = new HashMap<>();
        fill(units, FROM.minusDays(56), 56, 6);
        fill(units, FROM, 7, 4);
        var others = Map.of(MILK_1L, List.of(new Series(STORE_A, units, new BigDecimal("119.60"), Set.of()),
                new Series(STORE_B, Map.of(), BigDecimal.ZERO, Set.of())));
        var costs = Map.of(MILK, MILK_COST, MILK_1L, new Cost("UHT milk", new BigDecimal("8.00"), new BigDecimal("5.00")));

        Result result = evaluate(costs, null, false, others);

        assertThat(result.cannibalisation()).singleElement().satisfies(c -> {
            assertThat(c.gtin()).isEqualTo(MILK_1L);
            assertThat(c.category()).isEqualTo("UHT milk");
            assertThat(c.baselineUnits()).isEqualByComparingTo("42"); // 6 × 7
            assertThat(c.actualUnits()).isEqualTo(28);
            assertThat(c.lostUnits()).isEqualByComparingTo("14");
        });
    }

    @Test
    void givenFeesOnEveryBasisWhenNotSettledThenTheyArePricedOnTheActualVolume() {
        Terms terms = new Terms("Fees", List.of(Mechanic.DM_FLYER),
                terms(false).skus(), List.of(STORE_A, STORE_B), IN_STORE, IN_STORE,
                List.of(new Fee(FeeKind.DM_FEE, new BigDecimal("800.00"), FeeBasis.FIXED, null),
                        new Fee(FeeKind.DISPLAY_FEE, new BigDecimal("100.00"), FeeBasis.PER_STORE, null),
                        new Fee(FeeKind.PROMOTER_COST, new BigDecimal("0.50"), FeeBasis.PER_UNIT_SOLD, null),
                        new Fee(FeeKind.OTHER, new BigDecimal("2.5"), FeeBasis.OFF_INVOICE_PERCENT, null)),
                null, new Forecast(0, 0), false, null);

        // 800 + 2 × 100 + 0.50 × 224 + 2.5 % × 4,457.60 = 800 + 200 + 112 + 111.44
        assertThat(Evaluation.plannedFees(terms, 224, new BigDecimal("4457.60"))).isEqualByComparingTo("1223.44");
    }
}
