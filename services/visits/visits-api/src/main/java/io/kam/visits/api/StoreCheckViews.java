package io.kam.visits.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.kam.accounts.api.Region;

/** Response bodies of store checks. */
public final class StoreCheckViews {

    private StoreCheckViews() {
    }

    /** A store check; {@code promotions} is the execution of each promotion that was running in the store then. */
    public record StoreCheckView(UUID id, UUID visitId, UUID accountId, UUID storeId, Region region, String checkedBy,
                                 Instant checkedAt, BigDecimal score, ScoreParts parts, List<SkuCheck> skus,
                                 DisplayCheck display, List<CompetitorObservation> competitors,
                                 List<PhotoView> photos, List<ExecutionViews.PromotionExecutionView> promotions) {
    }

    /** A photo's metadata; {@code href} serves its content to whoever may see the check. */
    public record PhotoView(UUID id, String contentType, long size, String sha256, String addedBy, Instant addedAt,
                            String href) {
    }
}
