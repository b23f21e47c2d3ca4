package io.kam.promotions.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Request bodies of the promotions API. */
public final class PromotionRequests {

    private PromotionRequests() {
    }

    /** A period's first and last day, both included; the last must not come before the first. */
    public record PeriodInput(@NotNull LocalDate from, @NotNull LocalDate to) {
    }

    /**
     * A promoted SKU: its GTIN (8, 12, 13 or 14 digits with a valid check digit), its category, the regular shelf
     * price, and either the promoted shelf price or the discount depth in percent (exactly one of the two).
     */
    public record SkuInput(@NotBlank String gtin, @NotBlank @Size(max = 60) String category,
                           @NotNull @Positive @Digits(integer = 8, fraction = 2) BigDecimal regularPrice,
                           @Positive @Digits(integer = 8, fraction = 2) @Nullable BigDecimal promotedPrice,
                           @DecimalMin("0.01") @DecimalMax("99.99") @Digits(integer = 2, fraction = 2)
                           @Nullable BigDecimal discountPercent) {
    }

    /**
     * Where it runs: the account's stores named one by one, or every open store of the account in a region and/or of
     * a format. Naming stores and a region or format at once is refused.
     */
    public record StoresInput(@Size(max = 5000) @Nullable List<@NotNull UUID> storeIds, @Nullable Region region,
                              @Nullable RetailFormat format) {
    }

    public record FeeInput(@NotNull FeeKind kind,
                           @NotNull @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal amount,
                           @NotNull FeeBasis basis, @Size(max = 200) @Nullable String note) {
    }

    public record ForecastInput(@PositiveOrZero long baselineUnits, @PositiveOrZero long upliftUnits) {
    }

    /**
     * A promotion's terms. Without a forecast, one is proposed from history: the account's sell-through in the stores
     * and the past evaluated promotions of these SKUs.
     */
    public record TermsInput(
            @NotBlank @Size(max = 120) String name,
            @NotEmpty @Size(max = 8) List<@NotNull Mechanic> mechanics,
            @NotEmpty @Size(max = 200) List<@NotNull @Valid SkuInput> skus,
            @NotNull @Valid StoresInput stores,
            @NotNull @Valid PeriodInput inStore,
            @NotNull @Valid PeriodInput sellIn,
            @Size(max = 20) @Nullable List<@NotNull @Valid FeeInput> fees,
            @Nullable UUID fundId,
            @Valid @Nullable ForecastInput forecast,
            boolean retailerFundsDiscount,
            @Size(max = 2000) @Nullable String note) {
    }

    public record DraftPromotion(@NotNull UUID accountId, @NotNull @Valid TermsInput terms) {
    }

    public record Return(@NotBlank @Size(max = 1000) String reason) {
    }

    /** The retailer's confirmation: who confirmed it on their side, on which day, and their reference. */
    public record Agree(@NotBlank @Size(max = 120) String confirmedBy, @NotNull LocalDate confirmedOn,
                        @NotBlank @Size(max = 120) String reference) {
    }

    /** Approval; {@code overrideReason} lets the promotion overdraw its fund, and is refused when it would not. */
    public record Approve(@Size(max = 1000) @Nullable String overrideReason) {
    }

    /** A fund's budget for an account's year, for one category or (no category) for all. */
    public record SetFund(@NotNull UUID accountId, @Min(2000) @Max(2100) int year,
                          @Size(max = 60) @Nullable String category,
                          @NotNull @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal amount) {
    }

    /** New terms for an agreed promotion that has not started, and why they change. */
    public record Revise(@NotNull @Valid TermsInput terms, @NotBlank @Size(max = 1000) String reason) {
    }

    /** A fee the retailer charged: its kind, the amount paid in yuan, and a note (the invoice, say). */
    public record SettledFeeInput(@NotNull FeeKind kind,
                                  @NotNull @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal amount,
                                  @Size(max = 200) @Nullable String note) {
    }

    /** Every fee the retailer charged for an ended promotion (none: it charged nothing). */
    public record SettleFees(@NotNull @Size(max = 20) List<@NotNull @Valid SettledFeeInput> fees) {
    }

    /** A SKU's category, its list price to the account and its unit cost, in yuan. */
    public record SetProductCost(@NotBlank @Size(max = 60) String category,
                                 @NotNull @Positive @Digits(integer = 8, fraction = 2) BigDecimal listPrice,
                                 @NotNull @PositiveOrZero @Digits(integer = 8, fraction = 2) BigDecimal unitCost) {
    }

    /** An account's promotion settings: the fewest days between two promotions of one SKU in a store (0: none). */
    public record SetSettings(@Min(0) @Max(365) int minimumGapDays) {
    }

    public record Cancel(@NotBlank @Size(max = 1000) String reason) {
    }
}
