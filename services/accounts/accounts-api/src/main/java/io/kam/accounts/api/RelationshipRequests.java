package io.kam.accounts.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of relationship management: SWOT, purchase heat, the relationship wall and important dates. */
public final class RelationshipRequests {

    private RelationshipRequests() {
    }

    /**
     * A point of the SWOT analysis (S.W.O.T 分析), or an action key point (行动关键点). Only a key point draws on
     * other points ({@code basedOn}): existing strengths, weaknesses, opportunities or threats of the same account.
     */
    public record SwotPointDetails(
            @NotNull SwotKind kind,
            @NotBlank @Size(max = 500) String text,
            @Size(max = 2000) String note,
            @Size(max = 50) List<@NotNull UUID> basedOn) {
    }

    /** One factor of purchase heat (购买热度), rated from 0 to {@link HeatFactor#MAX_RATING}, with the reason. */
    public record FactorRating(
            @NotNull HeatFactor factor,
            @NotNull @Min(0) @Max(HeatFactor.MAX_RATING) Integer rating,
            @Size(max = 1000) String note) {
    }

    /** A purchase-heat assessment: every one of the five factors, exactly once. */
    public record AssessHeat(@NotNull List<@NotNull @Valid FactorRating> factors) {
    }

    /**
     * One cell of the relationship wall (围墙准则): how strong our tie with a department is at a level, from 0 (none)
     * to {@link RelationshipWall#MAX_STRENGTH}, and when we last met; no {@code lastContact} means never.
     */
    public record WallCellDetails(
            @NotNull @Min(0) @Max(RelationshipWall.MAX_STRENGTH) Integer strength,
            LocalDate lastContact,
            @Size(max = 1000) String note) {
    }

    /**
     * An important date: a contact's birthday ({@code contactId} required), the company's anniversary or the
     * anniversary of our cooperation (no contact). {@code date} is the original date, not in the future; the title
     * defaults to one made from the contact's or the account's name.
     */
    public record ImportantDateDetails(
            @NotNull ImportantDateType type,
            @NotNull LocalDate date,
            UUID contactId,
            @Size(max = 200) String title,
            @Size(max = 2000) String note) {
    }
}
