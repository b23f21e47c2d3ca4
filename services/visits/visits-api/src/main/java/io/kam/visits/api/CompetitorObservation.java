package io.kam.visits.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A competitor's product seen in the store, its price and what promotion it ran.
 *
 * @param brand     the competitor's brand
 * @param product   the product, as written on the pack
 * @param price     its shelf price in yuan; null when none was shown
 * @param promotion the promotion running on it, in words; null when none
 */
public record CompetitorObservation(
        @NotBlank @Size(max = 100) String brand,
        @NotBlank @Size(max = 200) String product,
        @DecimalMin(value = "0.00", inclusive = false, message = "must be a positive price in yuan")
        @Digits(integer = 6, fraction = 2, message = "must have at most 6 digits before the point and 2 after") BigDecimal price,
        @Size(max = 500) String promotion) {
}
