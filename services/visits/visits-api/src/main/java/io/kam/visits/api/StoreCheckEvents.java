package io.kam.visits.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.Region;
import io.kam.platform.events.EventType;

/** Store execution (终端执行): the account's listed SKUs with their agreed retail prices, and store checks. */
public final class StoreCheckEvents {

    private StoreCheckEvents() {
    }

    /** A SKU was listed for the account, at an agreed retail price in yuan. */
    @EventType("kam.sku.listed")
    public record SkuListed(UUID accountId, String gtin, String name, BigDecimal agreedRetailPrice)
            implements VisitEvents.VisitEvent {
    }

    /** A listed SKU's name or agreed retail price changed. */
    @EventType("kam.sku.changed")
    public record SkuChanged(UUID accountId, String gtin, String name, BigDecimal agreedRetailPrice,
                             BigDecimal previousAgreedRetailPrice) implements VisitEvents.VisitEvent {
    }

    /** The SKU is no longer listed for the account; later store checks leave it out. */
    @EventType("kam.sku.delisted")
    public record SkuDelisted(UUID accountId, String gtin) implements VisitEvents.VisitEvent {
    }

    /**
     * A store check (终端检查) was recorded at a visit, with its execution-compliance score from 0 to 100 (one
     * decimal) and the parts it is made of.
     */
    @EventType("kam.storecheck.recorded")
    public record StoreCheckRecorded(UUID accountId, UUID checkId, UUID visitId, UUID storeId, Region region,
                                     String checkedBy, Instant checkedAt, BigDecimal score, ScoreParts parts,
                                     List<SkuCheck> skus, DisplayCheck display,
                                     List<CompetitorObservation> competitors) implements VisitEvents.VisitEvent {
    }

    /**
     * How a promotion running in the store was executed (促销执行), as found at a store check there: the promoted price
     * on the shelf per promoted SKU, and each execution element its mechanics call for. An element the promotion does
     * not call for is null; {@code executed} is true when every check passed, and {@code deviations} name the ones
     * that did not (codes: {@code price:<gtin>}, {@code display}, {@code pos-material}, {@code promoter},
     * {@code photo}).
     *
     * @param photoId the photo of the execution, from the check's photos; null when none was taken
     */
    @EventType("kam.promotion-execution.checked")
    public record PromotionExecutionChecked(UUID accountId, UUID checkId, UUID visitId, UUID storeId, Region region,
                                            UUID promotionId, int promotionRevision, String checkedBy,
                                            Instant checkedAt, List<PromotedPriceCheck> prices,
                                            @Nullable Boolean displayBuilt, @Nullable Boolean posMaterialPresent,
                                            @Nullable Boolean promoterPresent, @Nullable UUID photoId,
                                            boolean executed, List<String> deviations)
            implements VisitEvents.VisitEvent {
    }

    /** One promoted SKU's shelf price against its promoted price; {@code shelfPrice} is null when it was not found. */
    public record PromotedPriceCheck(String gtin, BigDecimal promotedPrice, @Nullable BigDecimal shelfPrice,
                                     boolean correct) {
    }

    /** A photo was added to a store check as evidence; its content stays in the visits service. */
    @EventType("kam.storecheck.photo-added")
    public record StoreCheckPhotoAdded(UUID accountId, UUID checkId, UUID photoId, UUID visitId, UUID storeId,
                                       Region region, String contentType, long size, String sha256)
            implements VisitEvents.VisitEvent {
    }
}
