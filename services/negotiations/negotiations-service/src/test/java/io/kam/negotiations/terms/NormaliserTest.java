package io.kam.negotiations.terms;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.negotiations.api.NegotiationEvents.AgreementTerms;
import io.kam.negotiations.api.NegotiationEvents.RebateTier;
import io.kam.negotiations.api.NegotiationEvents.SalesBasis;
import io.kam.negotiations.api.NegotiationEvents.Signatory;
import io.kam.negotiations.api.NegotiationEvents.TermValue;
import io.kam.negotiations.api.NegotiationViews.NetNetPrice;
import io.kam.negotiations.api.Party;
import io.kam.negotiations.api.SalesBasisSource;
import io.kam.negotiations.api.TermKind;
import io.kam.negotiations.api.ValueShape;

/** The normalisation of ADR 0012, kind by kind, on its worked example: a stated 48,000,000 yuan, financing at 4.35 %. */
class NormaliserTest {

    /** 120 stores open in the year, 6 of them opening in it, 12 new listings. */
    static final Counts COUNTS = new Counts(new SalesBasis(SalesBasisSource.STATED_ESTIMATE,
            new BigDecimal("48000000.00"), null), 120, 6, 12, new BigDecimal("4.35"));

    static BigDecimal cost(TermKind kind, TermValue value) {
        return Normaliser.cost(kind, value, COUNTS).annualCost();
    }

    static TermValue percent(String p) {
        return TermValue.percentOfSales(new BigDecimal(p));
    }

    static TermValue amount(ValueShape shape, String a) {
        return TermValue.amount(shape, new BigDecimal(a));
    }

    @Test
    void givenAnOnInvoiceDiscountOf3Percent_whenCosted_thenItIs1440000OnTheBasis() {
        TermCost cost = Normaliser.cost(TermKind.ON_INVOICE_DISCOUNT, percent("3.00"), COUNTS);
        assertThat(cost.annualCost()).isEqualByComparingTo("1440000.00");
        assertThat(cost.appliedPercent()).isEqualByComparingTo("3.00");
        assertThat(cost.units()).isNull();
    }

    @Test
    void givenAFixedAnniversaryFee_whenCosted_thenItIsTheSumWhateverTheBasis() {
        assertThat(cost(TermKind.ANNIVERSARY_FEE, amount(ValueShape.FIXED_AMOUNT, "120000.00")))
                .isEqualByComparingTo("120000.00");
    }

    @Test
    void givenAListingFeeOf5000PerSku_whenTwelveSkusAreNewlyListed_thenItCosts60000With12Units() {
        TermCost cost = Normaliser.cost(TermKind.LISTING_FEE, amount(ValueShape.PER_SKU_LISTED, "5000.00"), COUNTS);
        assertThat(cost.annualCost()).isEqualByComparingTo("60000.00");
        assertThat(cost.units()).isEqualTo(12);
    }

    @Test
    void givenANewStoreFeeOf8000_whenSixStoresOpenInTheYear_thenOnlyThoseSixArePaidFor() {
        TermCost cost = Normaliser.cost(TermKind.NEW_STORE_FEE, amount(ValueShape.PER_STORE, "8000.00"), COUNTS);
        assertThat(cost.annualCost()).isEqualByComparingTo("48000.00");
        assertThat(cost.units()).isEqualTo(6);
    }

    @Test
    void givenADmFeeOf500PerStore_whenCosted_thenEveryStoreOpenInTheYearIsPaidFor() {
        TermCost cost = Normaliser.cost(TermKind.DM_FEE, amount(ValueShape.PER_STORE, "500.00"), COUNTS);
        assertThat(cost.annualCost()).isEqualByComparingTo("60000.00");
        assertThat(cost.units()).isEqualTo(120);
    }

    @Test
    void givenAListingFeePerSkuPerStore_whenCosted_thenNewListingsTimesStores() {
        TermCost cost = Normaliser.cost(TermKind.LISTING_FEE, amount(ValueShape.PER_SKU_PER_STORE, "10.00"), COUNTS);
        assertThat(cost.annualCost()).isEqualByComparingTo("14400.00");
        assertThat(cost.units()).isEqualTo(1440);
    }

    @Test
    void givenPaymentTermsOf60Days_whenCostedAt4Point35Percent_thenTheFinancingIs343232Point88() {
        TermCost cost = Normaliser.cost(TermKind.PAYMENT_TERMS, TermValue.ofDays(60), COUNTS);
        assertThat(cost.annualCost()).isEqualByComparingTo("343232.88");
        assertThat(cost.appliedPercent()).isEqualByComparingTo("0.72");
    }

    @Test
    void givenAGrowthRebateWithTiersAt45And50Million_whenTheBasisIs48Million_thenTheFirstTierAppliesFromTheFirstYuan() {
        TermValue tiers = TermValue.tiered(List.of(new RebateTier(new BigDecimal("45000000.00"), new BigDecimal("1.00")),
                new RebateTier(new BigDecimal("50000000.00"), new BigDecimal("2.00"))));
        TermCost reached = Normaliser.cost(TermKind.GROWTH_REBATE, tiers, COUNTS);
        assertThat(reached.annualCost()).isEqualByComparingTo("480000.00");
        assertThat(reached.appliedPercent()).isEqualByComparingTo("1.00");

        TermValue unreached = TermValue.tiered(List.of(new RebateTier(new BigDecimal("50000000.00"),
                new BigDecimal("2.00"))));
        assertThat(cost(TermKind.GROWTH_REBATE, unreached)).isEqualByComparingTo("0.00");
    }

    @Test
    void givenTheWorkedExample_whenNormalised_thenTheTrueTradeSpendIs7Point69FromTheTotalNotTheSumOfShares() {
        List<Term> terms = List.of(
                term(TermKind.ON_INVOICE_DISCOUNT, "票面折扣", percent("3.00")),
                term(TermKind.OFF_INVOICE_REBATE, "bonus", percent("2.50")),
                term(TermKind.GROWTH_REBATE, "年度返利", TermValue.tiered(List.of(
                        new RebateTier(new BigDecimal("45000000.00"), new BigDecimal("1.00")),
                        new RebateTier(new BigDecimal("50000000.00"), new BigDecimal("2.00"))))),
                term(TermKind.LISTING_FEE, "新品进场费", amount(ValueShape.PER_SKU_LISTED, "5000.00")),
                term(TermKind.NEW_STORE_FEE, "新店赞助", amount(ValueShape.PER_STORE, "8000.00")),
                term(TermKind.ANNIVERSARY_FEE, "周年庆", amount(ValueShape.FIXED_AMOUNT, "120000.00")),
                term(TermKind.PAYMENT_TERMS, "账期", TermValue.ofDays(60)));
        AgreementTerms agreement = Normaliser.agreement(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31),
                LocalDate.of(2026, 12, 20), List.of(new Signatory(Party.SUPPLIER, "Nora Lin", null),
                        new Signatory(Party.RETAILER, "Zhao Min", null)), terms, COUNTS);

        assertThat(agreement.totalAnnualCost()).isEqualByComparingTo("3691232.88");
        assertThat(agreement.tradeSpendPercent()).isEqualByComparingTo("7.69");
        assertThat(agreement.terms().stream().map(t -> t.shareOfSales()).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("7.70");
        assertThat(agreement.financingRatePercent()).isEqualByComparingTo("4.35");
        assertThat(agreement.basis().source()).isEqualTo(SalesBasisSource.STATED_ESTIMATE);
    }

    @Test
    void givenTheWorkedExample_whenASkuListsAt100_thenItsNetNetTakesOffEachGroupByValue() {
        List<Term> terms = List.of(
                term(TermKind.ON_INVOICE_DISCOUNT, "票面折扣", percent("3.00")),
                term(TermKind.OFF_INVOICE_REBATE, "bonus", percent("2.50")),
                term(TermKind.ANNIVERSARY_FEE, "周年庆", amount(ValueShape.FIXED_AMOUNT, "120000.00")));
        AgreementTerms agreement = Normaliser.agreement(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31),
                LocalDate.of(2026, 12, 20), List.of(), terms, COUNTS);

        NetNetPrice price = Normaliser.netNet("06901234567892", new BigDecimal("100.00"), agreement);

        assertThat(price.onInvoice()).isEqualByComparingTo("3.00");
        assertThat(price.offInvoice()).isEqualByComparingTo("2.50");
        assertThat(price.feesPerUnit()).isEqualByComparingTo("0.25");
        assertThat(price.netNet()).isEqualByComparingTo("94.25");
    }

    private static Term term(TermKind kind, String name, TermValue value) {
        return new Term(UUID.randomUUID(), kind, name, value);
    }
}
