package io.kam.visits.api;

import java.math.BigDecimal;
import java.util.List;

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
     * A store check: one line for every SKU listed for the account, display and material, competitors seen. Photos
     * are added afterwards, one request each.
     */
    public record RecordStoreCheck(
            @NotNull @Size(max = 500) List<@NotNull @Valid SkuLine> skus,
            @NotNull @Valid DisplayCheck display,
            @Size(max = 50) List<@NotNull @Valid CompetitorObservation> competitors) {
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
