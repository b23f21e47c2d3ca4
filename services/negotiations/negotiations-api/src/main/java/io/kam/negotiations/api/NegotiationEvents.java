package io.kam.negotiations.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.platform.events.DomainEvent;
import io.kam.platform.events.EventCatalog;
import io.kam.platform.events.EventType;

/**
 * The events of the negotiations service, published on {@code kam.negotiations.v1} keyed by account id. Every event of
 * a negotiation names it ({@code negotiationId}); a preparation carries its whole positions and an agreement its whole
 * terms in force, so a consumer (the accounts plans, the visits commitment guard, the promotions defaults, the
 * projection's review) holds them from the events alone.
 * <p>
 * Money is yuan as a decimal with scale 2 ({@code 1500.00}); percentages are percent (0 to 100) with scale 2
 * ({@code 2.50}); both are rounded half up where computed. Dates are days in the market's calendar (Asia/Shanghai).
 */
public final class NegotiationEvents {

    public static final String SERVICE = "negotiations";
    public static final String TOPIC = "kam.negotiations.v1";

    private NegotiationEvents() {
    }

    public sealed interface NegotiationEvent extends DomainEvent
            permits NegotiationOpened, AliasMapped, PreparationSubmitted, PreparationApproved, RoundRecorded,
            GiveRecorded, AgreementSigned, AgreementAmended {
    }

    /**
     * A tier of a conditional growth rebate: once the year's sales reach {@code salesFrom} (yuan, scale 2), the rebate is
     * {@code percent} (scale 2) of the whole sales basis, from the first yuan.
     */
    public record RebateTier(BigDecimal salesFrom, BigDecimal percent) {
    }

    /**
     * A term's value. {@code shape} says which fields are set; the others are null (and {@code tiers} empty):
     * <ul>
     *   <li>{@link ValueShape#PERCENT_OF_SALES}: {@code percent}, 0.00 to 100.00, scale 2;</li>
     *   <li>{@link ValueShape#FIXED_AMOUNT}, {@link ValueShape#PER_STORE}, {@link ValueShape#PER_SKU_LISTED},
     *       {@link ValueShape#PER_SKU_PER_STORE}: {@code amount}, yuan, scale 2, a year or per store / SKU listed;</li>
     *   <li>{@link ValueShape#DAYS}: {@code days}, 0 to 365;</li>
     *   <li>{@link ValueShape#TIERED}: {@code tiers}, at least one, by rising {@code salesFrom} and rising percent.</li>
     * </ul>
     */
    public record TermValue(ValueShape shape, @Nullable BigDecimal percent, @Nullable BigDecimal amount,
                            @Nullable Integer days, List<RebateTier> tiers) {

        public static TermValue percentOfSales(BigDecimal percent) {
            return new TermValue(ValueShape.PERCENT_OF_SALES, percent, null, null, List.of());
        }

        /** A money value of one of the amount shapes. */
        public static TermValue amount(ValueShape shape, BigDecimal amount) {
            return new TermValue(shape, null, amount, null, List.of());
        }

        public static TermValue ofDays(int days) {
            return new TermValue(ValueShape.DAYS, null, null, days, List.of());
        }

        public static TermValue tiered(List<RebateTier> tiers) {
            return new TermValue(ValueShape.TIERED, null, null, null, List.copyOf(tiers));
        }
    }

    /**
     * The sales figure percentage terms and shares are computed on, with where it comes from (shown beside every
     * figure computed on it): {@code annualSales} yuan, scale 2, for the agreement's year, always positive.
     * {@code note} says what was stated or which plan, or is null.
     */
    public record SalesBasis(SalesBasisSource source, BigDecimal annualSales, @Nullable String note) {
    }

    /**
     * One term of a preparation: the service's {@code termId} for it, its canonical {@code kind} and the name the
     * buyer uses ({@code buyerName}, mapped to the kind in the account's alias table), last year's agreed value (null
     * for a term new this year), and our three positions. By annual cost to us on the preparation's basis, opening ≤
     * target ≤ walk-away (walk-away is never better for us than target, target never better than opening). All values
     * have a shape the kind allows; the positions of one term may differ in shape.
     */
    public record PreparedTerm(UUID termId, TermKind kind, String buyerName, @Nullable TermValue lastYear,
                               TermValue opening, TermValue target, TermValue walkAway, @Nullable String note) {
    }

    /**
     * An ask we expect from the buyer: what, of which kind (null when it is no term, a listing say), and what we think
     * it would cost a year (yuan, scale 2; null when unknown).
     */
    public record ExpectedAsk(String description, @Nullable TermKind kind, @Nullable BigDecimal estimatedCost) {
    }

    /** A person at a round: their name, title (or null) and whether they are senior to the usual counterpart. */
    public record Attendee(String name, @Nullable String title, boolean senior) {
    }

    /**
     * What the buyer asked for in a round: the buyer's name for the item, its canonical kind (by the alias table:
     * an unmapped name is refused until it is mapped), the value asked (null when they named none) and a note.
     */
    public record BuyerAsk(String buyerName, TermKind kind, @Nullable TermValue asked, @Nullable String note) {
    }

    /** A claim the counterpart made, tagged with the tactic it is, and who made it (null: the buyer). */
    public record CounterpartClaim(BuyerTactic tactic, String claim, @Nullable String madeBy) {
    }

    /**
     * What the buyer gave for one of our gives: its kind, what it is ("3 new SKUs listed in 120 stores") and what we
     * reckon it is worth a year (yuan, scale 2; null when not valued).
     */
    public record Get(GetKind kind, String description, @Nullable BigDecimal estimatedValue) {
    }

    /**
     * A second national KA manager's override of a give: who ({@code approvedBy}, never the give's
     * {@code proposedBy}), why, and on which grounds (at least one).
     */
    public record GiveOverride(String approvedBy, String reason, List<OverrideGround> grounds) {
    }

    /** Who signed the agreement, for which party. */
    public record Signatory(Party party, String name, @Nullable String title) {
    }

    /**
     * A term in force under an agreement, normalised: its value, its {@code annualCost} (yuan, scale 2) and
     * {@code shareOfSales} (the cost ÷ the basis × 100, scale 2). {@code units} is what a per-store or per-SKU amount is
     * multiplied by (stores, new listings, or new listings × stores; null for the other shapes);
     * {@code appliedPercent} the percent the cost is on the basis (the percentage, the reached tier's percent or 0.00
     * when no tier is reached, or for payment terms days ÷ 365 × the financing rate, scale 2; null for amounts).
     */
    public record AgreedTerm(UUID termId, TermKind kind, String buyerName, TermValue value, BigDecimal annualCost,
                             BigDecimal shareOfSales, @Nullable Long units, @Nullable BigDecimal appliedPercent) {
    }

    /**
     * The content of a signed agreement version, immutable once signed: in force from {@code effectiveFrom} to
     * {@code effectiveTo}, both included; signed on {@code signedOn} by at least one signatory of each party; its
     * terms; the sales basis and the annual financing rate (percent, scale 2) the costs were computed with;
     * {@code totalAnnualCost} the sum of the terms' annual costs (yuan, scale 2); and {@code tradeSpendPercent}, the
     * true trade spend: the total ÷ the basis × 100 (scale 2, computed from the total, not summed from the shares).
     */
    public record AgreementTerms(LocalDate effectiveFrom, LocalDate effectiveTo, LocalDate signedOn,
                                 List<Signatory> signatories, List<AgreedTerm> terms, SalesBasis basis,
                                 BigDecimal financingRatePercent, BigDecimal totalAnnualCost,
                                 BigDecimal tradeSpendPercent) {
    }

    /**
     * A negotiation was opened for an account's year (one per account and year). {@code previousAgreementId} is the
     * agreement in force last year whose terms seed the preparation's last-year values, or null.
     */
    @EventType("kam.negotiation.opened")
    public record NegotiationOpened(UUID accountId, UUID negotiationId, int year, @Nullable UUID previousAgreementId,
                                    String openedBy) implements NegotiationEvent {
    }

    /**
     * The account's alias table maps a name the buyer uses ({@code buyerName}, compared trimmed and case-insensitive)
     * to a canonical kind, replacing the {@code previousKind} (null when it was unmapped). Per account, not per
     * negotiation: {@code negotiationId} is the negotiation it was mapped for, or null.
     */
    @EventType("kam.term-alias.mapped")
    public record AliasMapped(UUID accountId, @Nullable UUID negotiationId, String buyerName, TermKind kind,
                              @Nullable TermKind previousKind, String mappedBy) implements NegotiationEvent {
    }

    /**
     * A preparation (谈判准备) was submitted for approval: revision 1, 2… (a new revision replaces an unapproved one
     * whole). {@code concessionBudget} is the total annual cost (yuan, scale 2) we may give above the opening
     * positions; {@code basis} the sales basis the positions' costs are compared on.
     */
    @EventType("kam.negotiation.preparation-submitted")
    public record PreparationSubmitted(UUID accountId, UUID negotiationId, int revision, List<PreparedTerm> terms,
                                       BigDecimal concessionBudget, List<ExpectedAsk> expectedAsks, SalesBasis basis,
                                       String author) implements NegotiationEvent {
    }

    /** A preparation revision was approved by a second national KA manager ({@code approvedBy} ≠ {@code author}). */
    @EventType("kam.negotiation.preparation-approved")
    public record PreparationApproved(UUID accountId, UUID negotiationId, int revision, String author,
                                      String approvedBy) implements NegotiationEvent {
    }

    /**
     * A round (1, 2…) held on {@code heldOn}: who attended on each side (at least one each; a senior on theirs is
     * {@code senior}), what the buyer asked and what the counterpart claimed. Our gives in the round follow as
     * {@link GiveRecorded}.
     */
    @EventType("kam.negotiation.round-recorded")
    public record RoundRecorded(UUID accountId, UUID negotiationId, int round, LocalDate heldOn,
                                List<Attendee> ourAttendees, List<Attendee> theirAttendees, List<BuyerAsk> asks,
                                List<CounterpartClaim> claims, @Nullable String note, String recordedBy)
            implements NegotiationEvent {
    }

    /**
     * A give (让步) in a round, numbered {@code sequence} 1, 2… across the negotiation: term {@code termId} moves from
     * {@code from} (its position before, the opening at first; null when the give adds a term the preparation did not
     * have) to {@code to}. {@code cost} is what it costs us a year more (cost of {@code to} less cost of {@code from}
     * on the preparation's basis, yuan, scale 2), {@code runningCost} the sum of all gives so far and
     * {@code budgetRemaining} the concession budget less that (negative when past it).
     * <p>
     * Every give is linked to the {@code get} it bought. A give with none ({@code get} null, {@code unreturned} true,
     * for good) or past the walk-away carries the {@code override} of a second national KA manager; without those it
     * is refused. {@code warnings} are what the ledger warns of (empty when none).
     */
    @EventType("kam.negotiation.give-recorded")
    public record GiveRecorded(UUID accountId, UUID negotiationId, UUID giveId, int round, int sequence, UUID termId,
                               TermKind kind, String buyerName, @Nullable TermValue from, TermValue to,
                               BigDecimal cost, BigDecimal runningCost, BigDecimal budgetRemaining, @Nullable Get get,
                               boolean unreturned, @Nullable GiveOverride override, List<ConcessionWarning> warnings,
                               String proposedBy) implements NegotiationEvent {
    }

    /** The agreement was signed: version 1 of {@code agreementId}, the terms in force for the negotiated year. */
    @EventType("kam.agreement.signed")
    public record AgreementSigned(UUID accountId, UUID negotiationId, UUID agreementId, int version,
                                  AgreementTerms agreement, String recordedBy) implements NegotiationEvent {
    }

    /**
     * The agreement was amended: a new signed version ({@code previousVersion} + 1) that replaces the previous one from
     * its {@code effectiveFrom}; the previous version stays as signed.
     */
    @EventType("kam.agreement.amended")
    public record AgreementAmended(UUID accountId, UUID negotiationId, UUID agreementId, int version,
                                   int previousVersion, AgreementTerms agreement, String reason, String recordedBy)
            implements NegotiationEvent {
    }

    public static final EventCatalog<NegotiationEvent> CATALOG = EventCatalog.of(SERVICE, NegotiationEvent.class);
}
