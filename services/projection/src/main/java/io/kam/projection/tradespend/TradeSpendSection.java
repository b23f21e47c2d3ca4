package io.kam.projection.tradespend;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.negotiations.api.ConcessionWarning;
import io.kam.negotiations.api.NegotiationEvents.SalesBasis;
import io.kam.negotiations.api.NegotiationEvents.TermValue;
import io.kam.negotiations.api.SalesBasisSource;
import io.kam.negotiations.api.TermKind;

/**
 * The review's trade-spend section (贸易条件与费用), for national KA managers only: negotiations and terms are
 * confidential, so coordinators and integrations get none of it. Every cost share and trade-spend percentage has its
 * sales basis (source and amount) beside it (ADR 0012).
 *
 * @param year            the review's year: the shown plan's, else the year asked (by default the current one)
 * @param on              the day whose agreements are shown: today in the current year, 31 December for a past year,
 *                        1 January for a year to come
 * @param agreement       the agreement version in force on {@code on}, its terms by canonical kind; null when none is
 * @param tradeSpend      that agreement's true trade spend % against the shown plan's {@code TRADE_SPEND_RATE}
 *                        target; null without an agreement in force
 * @param lastYear        the agreement in force on the same day a year earlier (31 December of the year before);
 *                        null when none was
 * @param nationalAverage the mean true trade spend % of every account's agreement in force on {@code on}; null when
 *                        no account has one
 * @param accrued         the spend accrued from 1 January to {@code on} (today at the latest); null for a year to come
 * @param lastNegotiation the ledger summary of the account's latest negotiation (the highest year); null before any
 * @param asOf            when the latest negotiations event of the account happened; null before the first
 * @param eventsApplied   how many negotiations events of the account the section reflects
 */
public record TradeSpendSection(int year, LocalDate on, @Nullable Agreement agreement, @Nullable TradeSpend tradeSpend,
                                @Nullable LastYear lastYear, @Nullable NationalAverage nationalAverage,
                                @Nullable Accrued accrued, @Nullable Ledger lastNegotiation, @Nullable Instant asOf,
                                long eventsApplied) {

    /**
     * A signed agreement version, as signed.
     *
     * @param amendmentReason why it was amended; null for version 1
     * @param byKind          its terms grouped by canonical kind, in {@link TermKind} order
     */
    public record Agreement(UUID agreementId, int version, UUID negotiationId, LocalDate effectiveFrom,
                            LocalDate effectiveTo, LocalDate signedOn, @Nullable String amendmentReason,
                            SalesBasis basis, BigDecimal financingRatePercent, List<KindCost> byKind,
                            BigDecimal totalAnnualCost, BigDecimal tradeSpendPercent) {
    }

    /**
     * The terms of one canonical kind, whatever the buyer calls them.
     *
     * @param annualCost   the sum of the terms' annual costs
     * @param shareOfSales that sum ÷ the basis × 100, two decimals, half up (not the sum of the terms' rounded shares)
     */
    public record KindCost(TermKind kind, BigDecimal annualCost, BigDecimal shareOfSales, SalesBasis basis,
                           List<Term> terms) {
    }

    /** A term in force, normalised as the agreement carries it (ADR 0012). */
    public record Term(UUID termId, TermKind kind, String buyerName, TermValue value, BigDecimal annualCost, BigDecimal shareOfSales,
                       @Nullable Long units, @Nullable BigDecimal appliedPercent) {
    }

    /**
     * @param percent       the agreement's true trade spend %
     * @param target        the shown plan's {@code TRADE_SPEND_RATE} target (percent of sales); null without one
     * @param againstTarget percent − target, in percentage points (positive: we spend more than planned); null
     *                      without a target
     */
    public record TradeSpend(BigDecimal percent, BigDecimal totalAnnualCost, SalesBasis basis,
                             @Nullable BigDecimal target, @Nullable BigDecimal againstTarget) {
    }

    /**
     * Last year's agreement.
     *
     * @param change this year's trade spend % − last year's, in percentage points; null without an agreement now
     */
    public record LastYear(int year, UUID agreementId, int version, BigDecimal tradeSpendPercent,
                           BigDecimal totalAnnualCost, SalesBasis basis, @Nullable BigDecimal change) {
    }

    /**
     * The chains' national average: the mean of the true trade spend % of every account's agreement in force on
     * {@code on} (this account's included), two decimals, half up; {@code bySource} how many of those agreements are
     * on each kind of basis, as figures on estimates are only as good as the estimates.
     */
    public record NationalAverage(LocalDate on, BigDecimal tradeSpendPercent, long accounts,
                                  Map<SalesBasisSource, Long> bySource) {
    }

    /**
     * The spend accrued this year to date (ADR 0012's separate figure). Percentage terms (every term with an applied
     * percent: percentages, the reached tier of a growth rebate, payment terms' financing) accrue on the sell-through
     * value of each day under the version in force that day; fixed fees (sums, per store and per SKU amounts) count in
     * full as the agreement in force on {@code to} has them; promotions as the promotions section counts them.
     *
     * @param sellThroughSales the sell-through value from {@code from} to {@code to}: the basis of the percentage terms
     * @param percentageTerms  what the percentage terms accrued on it
     * @param fixedFees        the agreed annual amounts of the fixed fees, whole
     * @param promotions       the year's promotion spend: evaluated investment plus spend committed on approved
     *                         promotions not evaluated yet
     * @param total            percentageTerms + fixedFees + promotions
     * @param byKind           the terms' part by canonical kind, in {@link TermKind} order
     */
    public record Accrued(LocalDate from, LocalDate to, BigDecimal sellThroughSales, BigDecimal percentageTerms,
                          BigDecimal fixedFees, BigDecimal promotions, BigDecimal promotionsEvaluated,
                          BigDecimal promotionsCommitted, BigDecimal total, List<KindAccrued> byKind) {
    }

    /** How a kind of term accrues: on the sell-through to date, or as agreed (a fixed fee in full). */
    public enum Accrual { ON_SELL_THROUGH, AS_AGREED }

    public record KindAccrued(TermKind kind, Accrual accrual, BigDecimal accrued) {
    }

    /**
     * The concession ledger (让步) of a negotiation, summed up.
     *
     * @param preparationRevision the latest preparation revision submitted; null before
     * @param preparationApproved whether that revision is approved
     * @param concessionBudget    the latest preparation's budget; null before
     * @param expectedAsks        how many asks it expected of the buyer; null before
     * @param asks                the buyer's asks over every round
     * @param gives               our gives (concessions)
     * @param givesCost           their cost a year, summed
     * @param gets                gives that got something in return
     * @param getsValue           what those gets are reckoned to be worth a year (those valued)
     * @param unreturnedGives     gives with nothing in return (each overridden by a second manager), flagged for good
     * @param unreturnedCost      their cost
     * @param overriddenGives     gives a second manager overrode (unreturned or past the walk-away)
     * @param budgetRemaining     the concession budget less the gives' cost (negative when past it); null before a
     *                            preparation
     * @param warnings            every warning with how many gives carry it, zeros included
     * @param agreementId         the agreement it ended in; null while unsigned
     * @param perRound            each round, in order: the number of concessions matters more than their size
     */
    public record Ledger(UUID negotiationId, @Nullable Integer year, @Nullable String openedBy,
                         @Nullable Integer preparationRevision, boolean preparationApproved,
                         @Nullable String approvedBy, @Nullable BigDecimal concessionBudget,
                         @Nullable Integer expectedAsks, int rounds, long asks, long claims, long gives,
                         BigDecimal givesCost, long gets, BigDecimal getsValue, long unreturnedGives,
                         BigDecimal unreturnedCost, long overriddenGives, @Nullable BigDecimal budgetRemaining,
                         Map<ConcessionWarning, Long> warnings, @Nullable UUID agreementId, List<Round> perRound) {
    }

    /**
     * One round of the ledger.
     *
     * @param heldOn        null when only its gives are known
     * @param seniorPresent whether someone senior sat on their side
     * @param largestGive   the costliest give of the round; null without gives
     */
    public record Round(int round, @Nullable LocalDate heldOn, int asks, int claims, boolean seniorPresent, long gives,
                        BigDecimal givesCost, @Nullable BigDecimal largestGive, long gets, long unreturnedGives,
                        Map<ConcessionWarning, Long> warnings) {
    }
}
