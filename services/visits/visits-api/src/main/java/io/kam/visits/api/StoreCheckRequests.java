package io.kam.visits.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of store checks. */
public final class StoreCheckRequests {

    private StoreCheckRequests() {
    }

    /**
     * A store check: one line for every SKU listed for the account, display and material, competitors seen, and the
     * execution of every promotion running in the store that day ({@code GET /api/visits/stores/{id}/promotions});
     * {@code promotions} may be left out where none runs. Photos are added afterwards, one request each; a photo
     * added for a promotion is the evidence of its execution.
     */
    public record RecordStoreCheck(
            @NotNull @Size(max = 500) List<@NotNull @Valid SkuLine> skus,
            @NotNull @Valid DisplayCheck display,
            @Size(max = 50) List<@NotNull @Valid CompetitorObservation> competitors,
            @Size(max = 50) List<@NotNull @Valid PromotionExecution> promotions) {

        /** A check of a store where no promotion runs. */
        public RecordStoreCheck(List<SkuLine> skus, DisplayCheck display, List<CompetitorObservation> competitors) {
            this(skus, display, competitors, null);
        }
    }

    /**
     * What was found of one promotion running in the store. The promoted prices are read from the check's SKU lines;
     * each element is answered when the promotion's mechanics call for it and left out (null) otherwise.
     *
     * @param displayBuilt       whether its display (end cap, floor stack) is built: for {@code FEATURE_DISPLAY}
     * @param posMaterialPresent whether its DM, flyer or POS material is there: for {@code DM_FLYER},
     *                           {@code GIFT_WITH_PURCHASE} or {@code LOTTERY}
     * @param promoterPresent    whether its promoter is there: for {@code IN_STORE_PROMOTERS} or {@code SAMPLING}
     */
    public record PromotionExecution(
            @NotNull UUID promotionId,
            Boolean displayBuilt,
            Boolean posMaterialPresent,
            Boolean promoterPresent) {
    }

    /**
     * What was found for one listed SKU.
     *
     * @param shelfPrice the price on the shelf label in yuan; required when on shelf, absent otherwise
     * @param facings    facings on the shelf: at least 1 when on shelf, 0 otherwise
     */
    public record SkuLine(
            @NotBlank String gtin,
            boolean onShelf,
            @DecimalMin(value = "0.00", inclusive = false, message = "must be a positive price in yuan")
            @Digits(integer = 6, fraction = 2, message = "must have at most 6 digits before the point and 2 after")
            BigDecimal shelfPrice,
            @Min(0) @Max(999) int facings,
            boolean outOfStock) {
    }
}
