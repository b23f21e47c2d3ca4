package io.kam.negotiations.negotiation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.kam.negotiations.api.NegotiationEvents.SalesBasis;
import io.kam.negotiations.api.NegotiationRequests.SalesBasisInput;
import io.kam.negotiations.replica.AccountFacts;
import io.kam.negotiations.replica.AccountFacts.PlanTargets;
import io.kam.negotiations.terms.Counts;

/**
 * What terms are costed on (ADR 0012): the sales basis a manager chose, read against what the platform knows, and the
 * account's counts of stores and new listings over a period, with the financing rate of payment terms.
 */
@Component
class Costing {

    private final AccountFacts facts;
    private final BigDecimal financingRate;

    Costing(AccountFacts facts, @Value("${kam.negotiations.financing-rate-percent:4.35}") BigDecimal financingRate) {
        this.facts = facts;
        this.financingRate = financingRate.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * The basis as stated: an estimate carries its figure; the plan's target is read from the year's approved plan;
     * invoiced sales are refused while the platform has no sell-in data. Refusals are 422 on {@code field}.
     */
    SalesBasis basis(UUID accountId, int year, SalesBasisInput in, String field) {
        String note = in.note() == null || in.note().isBlank() ? null : in.note().strip();
        return switch (in.source()) {
            case STATED_ESTIMATE -> {
                if (in.annualSales() == null) {
                    throw Refusals.unprocessable("basis-without-sales", field + ".annualSales",
                            "a stated estimate needs its annual sales (yuan)");
                }
                yield new SalesBasis(in.source(), in.annualSales().setScale(2, RoundingMode.HALF_UP), note);
            }
            case PLAN_SELL_THROUGH_TARGET -> {
                if (in.annualSales() != null) {
                    throw Refusals.unprocessable("basis-sales-given", field + ".annualSales",
                            "the plan's sell-through target is read from the approved plan; leave annualSales out");
                }
                PlanTargets plan = facts.plan(accountId, year).filter(p -> p.sellThroughValue() != null
                        && p.sellThroughValue().signum() > 0).orElseThrow(() -> Refusals.unprocessable(
                        "no-plan-target", field + ".source", "the account has no approved " + year
                                + " plan with a sell-through value target; state an estimate instead"));
                yield new SalesBasis(in.source(), plan.sellThroughValue().setScale(2, RoundingMode.HALF_UP),
                        note != null ? note : "approved " + year + " plan, version " + plan.version());
            }
            case INVOICED_SALES -> throw Refusals.unprocessable("no-sell-in-data", field + ".source",
                    "the platform has no invoiced (sell-in) sales for the account; state an estimate or use the"
                            + " plan's sell-through target");
        };
    }

    /** The counts of the period on this basis: stores open and opening in it, SKUs newly listed (plan or actual). */
    Counts counts(UUID accountId, LocalDate from, LocalDate to, SalesBasis basis) {
        long listed = facts.listingsDuring(accountId, from, to);
        long planned = facts.plan(accountId, from.getYear()).map(PlanTargets::newListings).map(Integer::longValue)
                .orElse(0L);
        return new Counts(basis, facts.storesOpenDuring(accountId, from, to),
                facts.storesOpeningDuring(accountId, from, to), Math.max(listed, planned), financingRate);
    }

    /** The counts of a whole year: what a preparation's positions are compared on. */
    Counts year(UUID accountId, int year, SalesBasis basis) {
        return counts(accountId, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), basis);
    }
}
