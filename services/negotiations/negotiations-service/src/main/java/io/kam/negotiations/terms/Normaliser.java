package io.kam.negotiations.terms;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import io.kam.negotiations.api.NegotiationEvents.AgreedTerm;
import io.kam.negotiations.api.NegotiationEvents.AgreementTerms;
import io.kam.negotiations.api.NegotiationEvents.Signatory;
import io.kam.negotiations.api.NegotiationViews.NetNetPrice;
import io.kam.negotiations.api.NegotiationEvents.RebateTier;
import io.kam.negotiations.api.NegotiationEvents.TermValue;
import io.kam.negotiations.api.TermKind;
import io.kam.negotiations.api.ValueShape;

/**
 * Puts every term on one scale, as ADR 0012 decides: its annual cost on the sales basis, its share of that basis, and
 * the true trade spend of a set of terms (their total cost ÷ the basis, computed from the total). Every figure is
 * rounded half up to two places, once, at the end of its own computation.
 */
public final class Normaliser {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal DAYS_A_YEAR = BigDecimal.valueOf(365);

    private Normaliser() {
    }

    /** The annual cost of a term of this kind at this value, costed on these counts. */
    public static TermCost cost(TermKind kind, TermValue value, Counts counts) {
        BigDecimal basis = counts.basis().annualSales();
        return switch (value.shape()) {
            case PERCENT_OF_SALES -> new TermCost(money(basis.multiply(value.percent()).divide(HUNDRED)), null,
                    value.percent().setScale(2, RoundingMode.HALF_UP));
            case FIXED_AMOUNT -> new TermCost(money(value.amount()), null, null);
            case PER_STORE -> {
                long stores = kind == TermKind.NEW_STORE_FEE ? counts.storesOpening() : counts.storesOpen();
                yield new TermCost(money(value.amount().multiply(BigDecimal.valueOf(stores))), stores, null);
            }
            case PER_SKU_LISTED -> new TermCost(money(value.amount().multiply(BigDecimal.valueOf(counts.newListings()))),
                    counts.newListings(), null);
            case PER_SKU_PER_STORE -> {
                long units = counts.newListings() * counts.storesOpen();
                yield new TermCost(money(value.amount().multiply(BigDecimal.valueOf(units))), units, null);
            }
            case DAYS -> {
                BigDecimal days = BigDecimal.valueOf(value.days());
                BigDecimal rate = counts.financingRatePercent();
                yield new TermCost(money(basis.multiply(days).multiply(rate).divide(DAYS_A_YEAR.multiply(HUNDRED), 10,
                        RoundingMode.HALF_UP)), null, days.multiply(rate).divide(DAYS_A_YEAR, 2, RoundingMode.HALF_UP));
            }
            case TIERED -> {
                BigDecimal percent = reachedTier(value.tiers(), basis);
                yield new TermCost(money(basis.multiply(percent).divide(HUNDRED)), null,
                        percent.setScale(2, RoundingMode.HALF_UP));
            }
        };
    }

    /** The percent of the highest tier whose threshold the sales reach; 0 when they reach none. */
    static BigDecimal reachedTier(List<RebateTier> tiers, BigDecimal sales) {
        BigDecimal reached = BigDecimal.ZERO;
        for (RebateTier tier : tiers) {
            if (sales.compareTo(tier.salesFrom()) >= 0) {
                reached = tier.percent();
            }
        }
        return reached;
    }

    /** A cost's share of the basis, percent, scale 2. */
    public static BigDecimal share(BigDecimal cost, BigDecimal basis) {
        return cost.multiply(HUNDRED).divide(basis, 2, RoundingMode.HALF_UP);
    }

    /** The total of the terms' (rounded) annual costs. */
    public static BigDecimal total(List<AgreedTerm> terms) {
        return terms.stream().map(AgreedTerm::annualCost).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    /** A term as it is in force: its value, cost, share of the basis and what they were computed with. */
    public static AgreedTerm agreed(Term term, Counts counts) {
        TermCost cost = cost(term.kind(), term.value(), counts);
        return new AgreedTerm(term.termId(), term.kind(), term.buyerName(), term.value(), cost.annualCost(),
                share(cost.annualCost(), counts.basis().annualSales()), cost.units(), cost.appliedPercent());
    }

    /**
     * The content of an agreement version: the terms in force with their costs on these counts, their total and the
     * true trade spend (the total ÷ the basis × 100, not the sum of the rounded shares).
     */
    public static AgreementTerms agreement(LocalDate from, LocalDate to, LocalDate signedOn, List<Signatory> signatories,
                                           List<Term> terms, Counts counts) {
        List<AgreedTerm> agreed = terms.stream().map(t -> agreed(t, counts)).toList();
        BigDecimal total = total(agreed);
        return new AgreementTerms(from, to, signedOn, List.copyOf(signatories), agreed, counts.basis(),
                counts.financingRatePercent().setScale(2, RoundingMode.HALF_UP), total,
                share(total, counts.basis().annualSales()));
    }

    /**
     * A SKU's net-net price under the agreement: the list price less the on-invoice discount, less the off-invoice
     * rebates (unconditional, and the growth rebate at its reached tier), less the other terms allocated per unit by
     * value (the list price × their cost ÷ the basis).
     */
    public static NetNetPrice netNet(String gtin, BigDecimal listPrice, AgreementTerms agreement) {
        BigDecimal basis = agreement.basis().annualSales();
        BigDecimal onInvoice = BigDecimal.ZERO;
        BigDecimal offInvoice = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        for (AgreedTerm term : agreement.terms()) {
            switch (term.kind()) {
                case ON_INVOICE_DISCOUNT -> onInvoice = onInvoice.add(term.annualCost());
                case OFF_INVOICE_REBATE, GROWTH_REBATE -> offInvoice = offInvoice.add(term.annualCost());
                default -> fees = fees.add(term.annualCost());
            }
        }
        BigDecimal on = perUnit(listPrice, onInvoice, basis);
        BigDecimal off = perUnit(listPrice, offInvoice, basis);
        BigDecimal perUnitFees = perUnit(listPrice, fees, basis);
        return new NetNetPrice(gtin, money(listPrice), on, off, perUnitFees,
                money(listPrice).subtract(on).subtract(off).subtract(perUnitFees));
    }

    private static BigDecimal perUnit(BigDecimal listPrice, BigDecimal cost, BigDecimal basis) {
        return listPrice.multiply(cost).divide(basis, 2, RoundingMode.HALF_UP);
    }

    /** Whether a shape's cost depends on the counts of the period (stores, listings) rather than the basis alone. */
    public static boolean counted(ValueShape shape) {
        return shape == ValueShape.PER_STORE || shape == ValueShape.PER_SKU_LISTED
                || shape == ValueShape.PER_SKU_PER_STORE;
    }

    static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
