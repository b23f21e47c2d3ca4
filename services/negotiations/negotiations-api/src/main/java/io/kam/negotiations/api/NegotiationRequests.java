package io.kam.negotiations.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Request bodies of the negotiations API. Money is yuan with at most 2 decimals, percentages percent with at most 2.
 * What a bean constraint cannot say (a shape's fields, the positions' order, an unmapped buyer name) the service
 * refuses with 422 and the field, nothing written.
 */
public final class NegotiationRequests {

    private NegotiationRequests() {
    }

    /** Opens the negotiation of an account's year; one per account and year (a second is a 409). */
    public record OpenNegotiation(@NotNull UUID accountId, @Min(2000) @Max(2100) int year) {
    }

    /** Maps a name the buyer uses to a canonical kind in the account's alias table (a new mapping replaces the old). */
    public record MapAlias(@NotNull UUID accountId, @NotBlank @Size(max = 120) String buyerName,
                           @NotNull TermKind kind, @Nullable UUID negotiationId) {
    }

    public record RebateTierInput(@NotNull @PositiveOrZero @Digits(integer = 14, fraction = 2) BigDecimal salesFrom,
                                  @NotNull @DecimalMin("0.00") @DecimalMax("100.00") @Digits(integer = 3, fraction = 2)
                                  BigDecimal percent) {
    }

    /**
     * A term's value: the {@code shape} and exactly the fields it needs (see {@link NegotiationEvents.TermValue});
     * a field the shape does not use is refused.
     */
    public record TermValueInput(
            @NotNull ValueShape shape,
            @DecimalMin("0.00") @DecimalMax("100.00") @Digits(integer = 3, fraction = 2) @Nullable BigDecimal percent,
            @PositiveOrZero @Digits(integer = 12, fraction = 2) @Nullable BigDecimal amount,
            @Min(0) @Max(365) @Nullable Integer days,
            @Size(max = 10) @Nullable List<@NotNull @Valid RebateTierInput> tiers) {
    }

    /** The sales basis; {@code annualSales} is required for a stated estimate and refused otherwise (the service reads it). */
    public record SalesBasisInput(@NotNull SalesBasisSource source,
                                  @Positive @Digits(integer = 14, fraction = 2) @Nullable BigDecimal annualSales,
                                  @Size(max = 200) @Nullable String note) {
    }

    /** One term's positions, named as the buyer names it (the name must be mapped in the account's alias table). */
    public record PreparedTermInput(@NotBlank @Size(max = 120) String buyerName,
                                    @Valid @Nullable TermValueInput lastYear,
                                    @NotNull @Valid TermValueInput opening,
                                    @NotNull @Valid TermValueInput target,
                                    @NotNull @Valid TermValueInput walkAway,
                                    @Size(max = 500) @Nullable String note) {
    }

    public record ExpectedAskInput(@NotBlank @Size(max = 500) String description, @Nullable TermKind kind,
                                   @PositiveOrZero @Digits(integer = 12, fraction = 2) @Nullable BigDecimal estimatedCost) {
    }

    /**
     * A preparation (a new revision while unapproved). Walk-away better for us than target, or target better than
     * opening, is a 422 naming the term.
     */
    public record SubmitPreparation(
            @NotEmpty @Size(max = 60) List<@NotNull @Valid PreparedTermInput> terms,
            @NotNull @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal concessionBudget,
            @Size(max = 50) @Nullable List<@NotNull @Valid ExpectedAskInput> expectedAsks,
            @NotNull @Valid SalesBasisInput basis) {
    }

    /** Approves the named revision (the one the approver read); its author may not. */
    public record ApprovePreparation(@Positive int revision) {
    }

    public record AttendeeInput(@NotBlank @Size(max = 120) String name, @Size(max = 120) @Nullable String title,
                                boolean senior) {
    }

    public record BuyerAskInput(@NotBlank @Size(max = 120) String buyerName, @Valid @Nullable TermValueInput asked,
                                @Size(max = 500) @Nullable String note) {
    }

    public record ClaimInput(@NotNull BuyerTactic tactic, @NotBlank @Size(max = 1000) String claim,
                             @Size(max = 120) @Nullable String madeBy) {
    }

    /** A round, after the preparation is approved; {@code heldOn} may not be in the future. */
    public record RecordRound(@NotNull LocalDate heldOn,
                              @NotEmpty @Size(max = 20) List<@NotNull @Valid AttendeeInput> ourAttendees,
                              @NotEmpty @Size(max = 20) List<@NotNull @Valid AttendeeInput> theirAttendees,
                              @Size(max = 50) @Nullable List<@NotNull @Valid BuyerAskInput> asks,
                              @Size(max = 50) @Nullable List<@NotNull @Valid ClaimInput> claims,
                              @Size(max = 2000) @Nullable String note) {
    }

    public record GetInput(@NotNull GetKind kind, @NotBlank @Size(max = 500) String description,
                           @PositiveOrZero @Digits(integer = 12, fraction = 2) @Nullable BigDecimal estimatedValue) {
    }

    /**
     * A give in a recorded round: the prepared term ({@code termId}), or a new one by the buyer's name (exactly one of
     * the two), moved to {@code to}, with the get it bought. Without a get, or past the walk-away, it is refused
     * (422 {@code give-needs-a-get} / {@code beyond-walk-away}) and must come as an {@link OverrideGive}.
     */
    public record RecordGive(@Positive int round, @Nullable UUID termId, @Size(max = 120) @Nullable String buyerName,
                             @NotNull @Valid TermValueInput to, @Valid @Nullable GetInput get) {
    }

    /**
     * A give recorded by a second national KA manager (the caller) on behalf of {@code proposedBy}, who may not be the
     * caller, with the reason; the grounds follow from the give.
     */
    public record OverrideGive(@NotNull @Valid RecordGive give, @NotBlank @Size(max = 120) String proposedBy,
                               @NotBlank @Size(max = 1000) String reason) {
    }

    public record SignatoryInput(@NotNull Party party, @NotBlank @Size(max = 120) String name,
                                 @Size(max = 120) @Nullable String title) {
    }

    /**
     * A term as the signed document states it, by the buyer's name. A value worse for us than the ledger's position of
     * the term would be an unrecorded give, and is refused.
     */
    public record AgreedTermInput(@NotBlank @Size(max = 120) String buyerName,
                                  @NotNull @Valid TermValueInput value) {
    }

    /**
     * The signed agreement: its dates (to not before from), the signatories (at least one per party), the terms
     * in force, and the basis (null: the preparation's).
     */
    public record SignAgreement(@NotNull LocalDate effectiveFrom, @NotNull LocalDate effectiveTo,
                                @NotNull LocalDate signedOn,
                                @NotEmpty @Size(max = 10) List<@NotNull @Valid SignatoryInput> signatories,
                                @NotEmpty @Size(max = 60) List<@NotNull @Valid AgreedTermInput> terms,
                                @Valid @Nullable SalesBasisInput basis) {
    }

    /** A new version of a signed agreement: the whole terms again, and why they change. */
    public record AmendAgreement(@NotNull LocalDate effectiveFrom, @NotNull LocalDate effectiveTo,
                                 @NotNull LocalDate signedOn,
                                 @NotEmpty @Size(max = 10) List<@NotNull @Valid SignatoryInput> signatories,
                                 @NotEmpty @Size(max = 60) List<@NotNull @Valid AgreedTermInput> terms,
                                 @Valid @Nullable SalesBasisInput basis,
                                 @NotBlank @Size(max = 1000) String reason) {
    }

    /** A SKU at our list price (yuan a unit, before any term). */
    public record SkuListPrice(@NotBlank @Size(max = 20) String gtin,
                               @NotNull @Positive @Digits(integer = 10, fraction = 2) BigDecimal listPrice) {
    }

    /** The SKUs whose net-net price under an agreement is asked for. */
    public record NetNetQuery(@NotEmpty @Size(max = 500) List<@NotNull @Valid SkuListPrice> skus) {
    }
}
