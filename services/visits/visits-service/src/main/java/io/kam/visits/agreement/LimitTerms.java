package io.kam.visits.agreement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.kam.negotiations.api.NegotiationEvents.AgreedTerm;
import io.kam.negotiations.api.TermKind;
import io.kam.negotiations.api.ValueShape;
import io.kam.platform.events.UndecodableEventException;
import io.kam.visits.api.LimitKind;
import io.kam.visits.api.LimitPer;
import io.kam.visits.api.LimitUnit;

/**
 * Which terms of an agreement limit a commitment made at a visit, and how: a percentage of sales is a limit in percent
 * on a discount, rebate or returns allowance (and is shown, comparing with no yuan, for a promotion fee); a sum is a limit
 * in yuan for the year, a store, a SKU listed or a listing in each store. Growth rebates, payment terms, logistics and
 * other fees, and an unconditional rebate as a sum, limit nothing a coordinator promises in a store. A term of a shape
 * its kind does not allow, or without a valid figure, breaks the contract: the version cannot be recorded.
 */
final class LimitTerms {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private LimitTerms() {
    }

    /** A limit as recorded: of a kind, in a unit, for what ({@code per}, null for a percent), with its value. */
    record Limit(LimitKind kind, LimitUnit unit, @Nullable LimitPer per, BigDecimal value) {

        String digest() {
            return kind + ":" + unit + ":" + per + ":" + value.stripTrailingZeros().toPlainString();
        }
    }

    static List<Limit> of(String type, UUID agreementId, int version, @Nullable List<AgreedTerm> terms) {
        List<Limit> limits = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (AgreedTerm term : terms == null ? List.<AgreedTerm>of() : terms) {
            LimitKind kind = kindOf(term.kind());
            if (kind == null) {
                continue;
            }
            ValueShape shape = term.value() == null ? null : term.value().shape();
            if (shape == null || !term.kind().allows(shape)) {
                problems.add(term.kind() + " term " + term.termId() + " has the shape " + shape + ", which its kind "
                        + "cannot take");
                continue;
            }
            boolean percent = shape == ValueShape.PERCENT_OF_SALES;
            BigDecimal value = percent ? term.value().percent() : term.value().amount();
            if (value == null || value.signum() < 0 || percent && value.compareTo(HUNDRED) > 0) {
                problems.add(term.kind() + " term " + term.termId() + " (" + shape + ") has no valid "
                        + (percent ? "percent from 0 to 100" : "amount"));
                continue;
            }
            if (term.kind() == TermKind.OFF_INVOICE_REBATE && !percent) {
                continue;
            }
            limits.add(new Limit(kind, percent ? LimitUnit.PERCENT : LimitUnit.YUAN, per(shape), value));
        }
        if (!problems.isEmpty()) {
            throw refused(type, agreementId, version, String.join("; ", problems));
        }
        return limits;
    }

    static String digest(java.time.LocalDate from, java.time.LocalDate to, List<Limit> limits) {
        return from + ".." + to + "|" + limits.stream().map(Limit::digest).collect(Collectors.joining(","));
    }

    static UndecodableEventException refused(String type, UUID agreementId, int version, String why) {
        return new UndecodableEventException(type + " cannot record version " + version + " of agreement "
                + agreementId + ": " + why);
    }

    private static @Nullable LimitKind kindOf(TermKind kind) {
        return switch (kind) {
            case ON_INVOICE_DISCOUNT -> LimitKind.ON_INVOICE_DISCOUNT;
            case OFF_INVOICE_REBATE -> LimitKind.OFF_INVOICE_REBATE;
            case RETURNS_ALLOWANCE -> LimitKind.RETURNS_ALLOWANCE;
            case LISTING_FEE -> LimitKind.LISTING_FEE;
            case NEW_STORE_FEE -> LimitKind.NEW_STORE_FEE;
            case PROMOTION_FEE -> LimitKind.PROMOTION_FEE;
            case DM_FEE -> LimitKind.DM_FEE;
            case ANNIVERSARY_FEE -> LimitKind.ANNIVERSARY_FEE;
            case GROWTH_REBATE, PAYMENT_TERMS, LOGISTICS_FEE, OTHER -> null;
        };
    }

    private static @Nullable LimitPer per(ValueShape shape) {
        return switch (shape) {
            case FIXED_AMOUNT -> LimitPer.YEAR;
            case PER_STORE -> LimitPer.STORE;
            case PER_SKU_LISTED -> LimitPer.SKU_LISTED;
            case PER_SKU_PER_STORE -> LimitPer.SKU_PER_STORE;
            case PERCENT_OF_SALES, DAYS, TIERED -> null;
        };
    }
}
