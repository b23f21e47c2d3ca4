package io.kam.negotiations.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.negotiations.api.NegotiationEvents.AgreementTerms;
import io.kam.negotiations.api.NegotiationEvents.ExpectedAsk;
import io.kam.negotiations.api.NegotiationEvents.GiveRecorded;
import io.kam.negotiations.api.NegotiationEvents.PreparedTerm;
import io.kam.negotiations.api.NegotiationEvents.SalesBasis;

/** Response bodies of the negotiations API; money yuan with scale 2, percentages with scale 2. */
public final class NegotiationViews {

    private NegotiationViews() {
    }

    /** An alias of the account's table: the buyer's name and the canonical kind it maps to. */
    public record AliasView(UUID accountId, String buyerName, TermKind kind, String mappedBy, Instant mappedAt) {
    }

    public record AliasesView(UUID accountId, List<AliasView> aliases) {
    }

    /** A position's annual cost on the preparation's basis, in money and as a share of it. */
    public record PositionCost(BigDecimal annualCost, BigDecimal shareOfSales) {
    }

    /** A prepared term with the cost of each of its positions (last year's null when it has none). */
    public record PreparedTermView(PreparedTerm term, @Nullable PositionCost lastYear, PositionCost opening,
                                   PositionCost target, PositionCost walkAway) {
    }

    /**
     * The latest preparation revision, with totals of each position over its terms and their trade spend % on the
     * basis; {@code approvedBy} is null until approved.
     */
    public record PreparationView(int revision, List<PreparedTermView> terms, BigDecimal concessionBudget,
                                  List<ExpectedAsk> expectedAsks, SalesBasis basis, PositionCost opening,
                                  PositionCost target, PositionCost walkAway, String author,
                                  @Nullable String approvedBy) {
    }

    /**
     * One round of the ledger: how many gives and at what cost (the number matters more than the size), how many
     * of them got something back, how many did not, and the warnings raised in it.
     */
    public record RoundLedger(int round, int gives, BigDecimal cost, int returned, int unreturned,
                              List<ConcessionWarning> warnings) {
    }

    /**
     * The concession ledger (让步) of a negotiation: every give in order, per round and in total, against the
     * concession budget ({@code budgetRemaining} negative when past it).
     */
    public record LedgerView(UUID negotiationId, List<GiveRecorded> gives, List<RoundLedger> rounds, int totalGives,
                             BigDecimal totalCost, int unreturned, BigDecimal concessionBudget,
                             BigDecimal budgetRemaining) {
    }

    /** A negotiation as it stands; {@code version} is its optimistic-lock version (the ETag). */
    public record NegotiationView(UUID id, UUID accountId, int year, NegotiationStatus status,
                                  @Nullable PreparationView preparation, int rounds, int gives,
                                  @Nullable UUID agreementId, @Nullable Integer agreementVersion, String openedBy,
                                  Instant updatedAt, long version) {
    }

    /** One version of an agreement; {@code current} is true for the latest version. */
    public record AgreementView(UUID agreementId, UUID accountId, UUID negotiationId, int version, boolean current,
                                AgreementTerms terms, String recordedBy, @Nullable String amendmentReason) {
    }

    /**
     * A SKU's net-net price under an agreement (per unit, yuan, scale 2): its list price less the on-invoice
     * discount, less the off-invoice rebates (unconditional and the growth rebate at its reached tier), less the
     * other terms' cost allocated per unit by value (list price × their share of sales ÷ 100).
     */
    public record NetNetPrice(String gtin, BigDecimal listPrice, BigDecimal onInvoice, BigDecimal offInvoice,
                              BigDecimal feesPerUnit, BigDecimal netNet) {
    }

    public record NetNetView(UUID agreementId, int version, SalesBasis basis, List<NetNetPrice> skus) {
    }

    /**
     * One chain's agreed trade spend in a year beside its previous year's: the latest version of each year's agreement,
     * each with its basis (figures on different sources are never compared without the source showing);
     * {@code changePoints} is this year's percent less last year's, null without last year's.
     */
    public record ChainTradeSpend(UUID accountId, String accountName, UUID agreementId, int version,
                                  BigDecimal tradeSpendPercent, BigDecimal totalAnnualCost, SalesBasis basis,
                                  @Nullable BigDecimal previousYearPercent, @Nullable SalesBasis previousYearBasis,
                                  @Nullable BigDecimal changePoints) {
    }

    /**
     * The chains side by side for a year, highest trade spend first, with their mean trade spend % (null when there
     * are none) and how many agreements it is the mean of.
     */
    public record ComparisonView(int year, List<ChainTradeSpend> chains, @Nullable BigDecimal averagePercent,
                                 int agreements) {
    }
}
