package io.kam.visits.api;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What national KA managers set: frequency standards, region coordinators, listed SKUs, commitment policies. */
public final class SettingRequests {

    private SettingRequests() {
    }

    /** The frequency standard for one account tier and store format. */
    public record SetStandard(@NotNull VisitFrequency frequency) {
    }

    /** The coordinator of a region, by their login name. */
    public record AssignCoordinator(
            @NotBlank @Size(max = 64)
            @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "must be a login name: letters, digits, '.', '_', '@' and '-'")
            String coordinator) {
    }

    /** A SKU listed for an account, at its agreed retail price in yuan. */
    public record ListSku(
            @NotBlank @Size(max = 200) String name,
            @NotNull @DecimalMin(value = "0.00", inclusive = false, message = "must be a positive price in yuan")
            @Digits(integer = 6, fraction = 2, message = "must have at most 6 digits before the point and 2 after")
            BigDecimal agreedRetailPrice) {
    }

    /** The commitment types a coordinator may promise the account; an empty list allows none. */
    public record SetCommitmentPolicy(@NotNull @Size(max = 10) List<@NotNull CommitmentType> allowed) {
    }
}
