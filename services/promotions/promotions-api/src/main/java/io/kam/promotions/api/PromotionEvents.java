package io.kam.promotions.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.platform.events.DomainEvent;
import io.kam.platform.events.EventCatalog;
import io.kam.platform.events.EventType;

/**
 * The events of the promotions service, published on {@code kam.promotions.v1} keyed by account id. A drafted or
 * changed promotion carries its whole terms, so that a consumer (the visits service, the projection) holds every
 * promotion from the events alone; the other events name the promotion and the revision they apply to.
 */
public final class PromotionEvents {

    public static final String SERVICE = "promotions";
    public static final String TOPIC = "kam.promotions.v1";

    private PromotionEvents() {
    }

    public sealed interface PromotionEvent extends DomainEvent
            permits PromotionDrafted, PromotionChanged, PromotionProposed, PromotionReturned, PromotionApproved,
            PromotionAgreed, PromotionRevised, PromotionStarted, PromotionEnded, PromotionCancelled, FeesSettled,
            PromotionEvaluated, FundSet, ProductCostSet, PromotionSettingsChanged {
    }

    /** The first and last day, both included, in the market's calendar. */
    public record Period(LocalDate from, LocalDate to) {

        public boolean overlaps(Period other) {
            return !from.isAfter(other.to) && !other.from.isAfter(to);
        }

        public long days() {
            return to.toEpochDay() - from.toEpochDay() + 1;
        }
    }

    /**
     * A promoted SKU: its GTIN (14 digits), its category (for overlap warnings and cannibalisation), the regular shelf
     * price and the promoted one.
     */
    public record PromotedSku(String gtin, String category, BigDecimal regularPrice, BigDecimal promotedPrice) {
    }

    /** A retailer's fee: the amount is money, or a percentage for {@link FeeBasis#OFF_INVOICE_PERCENT}. */
    public record Fee(FeeKind kind, BigDecimal amount, FeeBasis basis, @Nullable String note) {
    }

    /** The expected volume over the in-store period: baseline units, and the uplift the promotion should add. */
    public record Forecast(long baselineUnits, long upliftUnits) {
    }

    /**
     * What is promoted, where, when and at what cost. {@code storeIds} are the account's stores the promotion runs
     * in, resolved when the terms were set (explicitly, or from a region and format). {@code defaultFeesFrom} is the
     * agreement whose promotion fees became the fees, when the terms were set without fees; null when the fees are the
     * manager's own (or none was in force).
     */
    public record Terms(String name, List<Mechanic> mechanics, List<PromotedSku> skus, List<UUID> storeIds,
                        Period inStore, Period sellIn, List<Fee> fees, @Nullable UUID fundId, Forecast forecast,
                        boolean retailerFundsDiscount, @Nullable String note, @Nullable AgreementRef defaultFeesFrom) {

        /** Terms whose fees are the manager's own: no default came from an agreement. */
        public Terms(String name, List<Mechanic> mechanics, List<PromotedSku> skus, List<UUID> storeIds,
                     Period inStore, Period sellIn, List<Fee> fees, @Nullable UUID fundId, Forecast forecast,
                     boolean retailerFundsDiscount, @Nullable String note) {
            this(name, mechanics, skus, storeIds, inStore, sellIn, fees, fundId, forecast, retailerFundsDiscount, note,
                    null);
        }
    }

    /**
     * The account's signed trade-terms agreement (kam.negotiations.v1) whose promotion fees were the default fees of
     * terms set without fees: agreement {@code agreementId} at {@code version}, the version in force on the first
     * in-store day. The fees it gave are in {@code Terms.fees} (an agreed percentage of sales, as an off-invoice
     * percentage of the promoted sales); an annual sum or sum per store is the agreement's own annual cost, which the
     * promotion draws on and is not charged again (see docs/architecture.md, Promotions).
     */
    public record AgreementRef(UUID agreementId, int version) {
    }

    /** A promotion the platform cannot refuse but a reviewer should see: a same-category overlap, a too-short gap. */
    public record Warning(String code, String detail, UUID otherPromotionId) {
    }

    @EventType("kam.promotion.drafted")
    public record PromotionDrafted(UUID accountId, UUID promotionId, int revision, Terms terms, String author)
            implements PromotionEvent {
    }

    /** A draft's terms were edited (by its author or another manager: the last editor may not approve it). */
    @EventType("kam.promotion.changed")
    public record PromotionChanged(UUID accountId, UUID promotionId, int revision, Terms terms, String editor)
            implements PromotionEvent {
    }

    /** Put forward for internal approval, with the warnings found then. */
    @EventType("kam.promotion.proposed")
    public record PromotionProposed(UUID accountId, UUID promotionId, int revision, String proposedBy,
                                    List<Warning> warnings) implements PromotionEvent {
    }

    /** Sent back to be reworked; it is editable again. */
    @EventType("kam.promotion.returned")
    public record PromotionReturned(UUID accountId, UUID promotionId, int revision, String reason, String returnedBy)
            implements PromotionEvent {
    }

    /**
     * Approved internally by a manager who neither authored nor edited it (four eyes). Approval commits the planned
     * spend on the fund it draws on (none when the account has no fund for the year); {@code overrideReason} says why
     * the approver let it overdraw the fund, and is null when it did not.
     */
    @EventType("kam.promotion.approved")
    public record PromotionApproved(UUID accountId, UUID promotionId, int revision, String approvedBy,
                                    @Nullable UUID fundId, BigDecimal committedSpend, @Nullable String overrideReason)
            implements PromotionEvent {
    }

    /** The retailer confirmed it: who on their side, on which day, under which reference. From here it is fixed. */
    @EventType("kam.promotion.agreed")
    public record PromotionAgreed(UUID accountId, UUID promotionId, int revision, String confirmedBy,
                                  LocalDate confirmedOn, String reference, String recordedBy) implements PromotionEvent {
    }

    /**
     * An agreed promotion's terms changed before it ran: a new revision, a draft again. It needs approval (four eyes)
     * and the retailer's agreement anew; until then it does not run, and its approval no longer commits spend.
     */
    @EventType("kam.promotion.revised")
    public record PromotionRevised(UUID accountId, UUID promotionId, int revision, int previousRevision, Terms terms,
                                   String reason, String editor) implements PromotionEvent {
    }

    /** Its in-store period began. */
    @EventType("kam.promotion.started")
    public record PromotionStarted(UUID accountId, UUID promotionId, int revision, LocalDate on)
            implements PromotionEvent {
    }

    /** Its in-store period is over. */
    @EventType("kam.promotion.ended")
    public record PromotionEnded(UUID accountId, UUID promotionId, int revision, LocalDate on)
            implements PromotionEvent {
    }

    @EventType("kam.promotion.cancelled")
    public record PromotionCancelled(UUID accountId, UUID promotionId, int revision, PromotionStatus from,
                                     String reason, String cancelledBy) implements PromotionEvent {
    }

    /** A fee as the retailer settled it after the promotion: what was actually paid. */
    public record SettledFee(FeeKind kind, BigDecimal amount, @Nullable String note) {
    }

    /**
     * The fees the retailer actually charged for an ended promotion, replacing any settled before; {@code total} is
     * their sum. The actual spend of the evaluation counts these instead of the planned fees.
     */
    @EventType("kam.promotion.fees-settled")
    public record FeesSettled(UUID accountId, UUID promotionId, int revision, List<SettledFee> fees, BigDecimal total,
                              String settledBy) implements PromotionEvent {
    }

    /** Why a promotion was evaluated (again). */
    public enum EvaluationTrigger {
        /** Its in-store period and the post-promotion weeks are over. */
        ENDED,
        /** A sell-through restatement changed figures of its period, pre-period or post-promotion weeks. */
        RESTATED,
        /** Its settled fees changed. */
        FEES_SETTLED,
        /** The list price or unit cost of one of its SKUs changed. */
        COSTS_CHANGED
    }

    /**
     * Units of one SKU (or of all, in the total) over the in-store period, across the promotion's stores.
     * {@code baselineUnits} is the baseline daily units times the period's days; {@code incrementalUnits} the actual
     * less that; {@code dipUnits} what the post-promotion weeks sold below the baseline (never negative);
     * {@code netIncrementalUnits} the incremental less the dip. {@code upliftPercent} is the net incremental ÷ the
     * baseline × 100, 2 decimals (null on a zero baseline); {@code incrementalGrossProfit} the net incremental units
     * times (list price − unit cost), to the cent, null while a cost is missing.
     */
    public record Outcome(BigDecimal baselineUnits, long actualUnits, BigDecimal actualSales, BigDecimal incrementalUnits,
                          BigDecimal dipUnits, BigDecimal netIncrementalUnits, @Nullable BigDecimal upliftPercent,
                          @Nullable BigDecimal incrementalGrossProfit) {
    }

    public record SkuOutcome(String gtin, Outcome outcome) {
    }

    /**
     * A non-promoted SKU of the account in a promoted category, in the promotion's stores over its period:
     * {@code lostUnits} is its baseline less what it sold, positive when the promotion took sales from it.
     */
    public record Cannibalisation(String gtin, String category, BigDecimal baselineUnits, long actualUnits,
                                  BigDecimal lostUnits) {
    }

    /**
     * What the promotion cost: the fees (settled, else planned: {@code feesSettled} says which) and the discount the
     * manufacturer funded (discount per unit × actual promoted units; zero when the retailer funds it).
     */
    public record Investment(BigDecimal fees, boolean feesSettled, BigDecimal discount, BigDecimal total) {
    }

    /**
     * The post-event evaluation (赢利性增长) over the service's sell-through, numbered from 1 and one higher each
     * time it runs again. {@code roi} is the incremental gross profit ÷ the investment (4 decimals),
     * {@code costPerIncrementalUnit} the investment ÷ the net incremental units (to the cent); both null when they
     * cannot be computed (a cost is missing, nothing was invested, no unit was gained). {@code missingCosts} lists the
     * promoted GTINs without a list price and unit cost.
     */
    @EventType("kam.promotion.evaluated")
    public record PromotionEvaluated(UUID accountId, UUID promotionId, int revision, int evaluation,
                                     EvaluationTrigger trigger, Period inStore, int baselineWeeks, int dipWeeks,
                                     List<SkuOutcome> skus, Outcome total, List<Cannibalisation> cannibalisation,
                                     Investment investment, @Nullable BigDecimal roi,
                                     @Nullable BigDecimal costPerIncrementalUnit, List<String> missingCosts)
            implements PromotionEvent {
    }

    /**
     * A SKU's category, its list price to the account (net of standing trade terms, per unit, in yuan) and its unit
     * cost: the figures the evaluation's gross profit is computed from, and the category its cannibalisation is looked
     * for in; set by a national KA manager.
     */
    @EventType("kam.product-cost.set")
    public record ProductCostSet(UUID accountId, String gtin, String category, BigDecimal listPrice, BigDecimal unitCost,
                                 String setBy)
            implements PromotionEvent {
    }

    /**
     * The account's promotion settings: the fewest days between the end of one promotion of a SKU in a store and the
     * start of the next (0: no minimum), below which a proposal carries a warning.
     */
    @EventType("kam.promotion-settings.changed")
    public record PromotionSettingsChanged(UUID accountId, int minimumGapDays, String setBy) implements PromotionEvent {
    }

    /**
     * An account's promotion fund (促销费用) for a year, for one category or (null) for all: its budget, seeded from the
     * approved business plan's promotion-spend target, or set by a national KA manager (who then owns it).
     */
    @EventType("kam.fund.set")
    public record FundSet(UUID accountId, UUID fundId, int year, @Nullable String category, BigDecimal amount,
                          FundSource source, String setBy) implements PromotionEvent {
    }

    public static final EventCatalog<PromotionEvent> CATALOG = EventCatalog.of(SERVICE, PromotionEvent.class);
}
