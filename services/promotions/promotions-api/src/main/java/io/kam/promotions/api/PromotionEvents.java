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
            PromotionAgreed, PromotionStarted, PromotionEnded, PromotionCancelled, FundSet {
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
     * in, resolved when the terms were set (explicitly, or from a region and format).
     */
    public record Terms(String name, List<Mechanic> mechanics, List<PromotedSku> skus, List<UUID> storeIds,
                        Period inStore, Period sellIn, List<Fee> fees, @Nullable UUID fundId, Forecast forecast,
                        boolean retailerFundsDiscount, @Nullable String note) {
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
