package io.kam.prospects.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.kam.accounts.api.Address;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Request bodies of the prospects API. */
public final class ProspectRequests {

    private ProspectRequests() {
    }

    /** The corporate information (团体客户信息要素); every field optional. */
    public record Profile(
            @Size(max = 2000) String operations,
            @Size(max = 2000) String marketSituation,
            @PositiveOrZero @Digits(integer = 14, fraction = 2) BigDecimal estimatedAnnualVolume,
            @Size(max = 2000) String financialStatus,
            @Size(max = 500) String creditStanding,
            @Size(max = 2000) String organisationAndPurchasing,
            @Size(max = 2000) String pastDealings,
            @Size(max = 2000) String developmentAssessment) {
    }

    /**
     * A prospect as found. A REFERRAL names the referring account, which must be a known account; other sources
     * name none. {@code taxId} is the unified social credit code (统一社会信用代码), 18 characters.
     */
    public record ProspectInput(
            @NotBlank @Size(max = 120) String companyName,
            @NotNull RetailFormat channel,
            @NotNull @Valid Address address,
            @NotNull Region region,
            @Pattern(regexp = "[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}",
                    message = "must be an 18-character unified social credit code") String taxId,
            @NotNull ProspectSource source,
            UUID referringAccountId,
            @Size(max = 120) String competitor,
            CompetitorLoyalty competitorLoyalty,
            @Size(max = 100) String owner,
            @Valid Profile profile) {
    }

    /** Ratings by criterion key, each on that criterion's scale (0..scaleMax). Unnamed criteria keep their rating. */
    public record Ratings(@NotEmpty Map<@NotBlank String, @NotNull @Min(0) Integer> ratings) {
    }

    /** Moves a prospect on in the pipeline: to SCREENED or DEVELOPING (conversion and dropping have their own). */
    public record MoveStage(@NotNull ProspectStage stage) {
    }

    public record NextAction(@NotBlank @Size(max = 500) String action, @NotNull LocalDate due) {
    }

    public record Drop(@NotNull DropReason reason, @NotBlank @Size(max = 2000) String note) {
    }

    /**
     * Converts the prospect. Below the qualifying score only a national KA manager may convert, with an
     * {@code overrideReason}.
     */
    public record Convert(@Size(max = 2000) String overrideReason) {
    }

    public record CriterionInput(
            @NotBlank @Size(max = 40) @Pattern(regexp = "[a-z][a-z0-9-]*", message = "must be lower-case letters, digits and '-'") String key,
            @NotBlank @Size(max = 120) String name,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal weight,
            @NotNull @Min(1) @Max(10) Integer scaleMax) {
    }

    /** A territory's screening criteria: weights in percent summing to 100, and the score that qualifies. */
    public record CriteriaInput(
            @NotEmpty @Size(max = 20) List<@NotNull @Valid CriterionInput> criteria,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal qualifyingScore) {
    }
}
