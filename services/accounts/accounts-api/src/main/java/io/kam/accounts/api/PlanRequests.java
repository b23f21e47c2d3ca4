package io.kam.accounts.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Request bodies of the annual business plan API (生意计划). */
public final class PlanRequests {

    private PlanRequests() {
    }

    /**
     * A KPI target. Values are in the KPI's unit ({@link PlanKpi#unit()}), never negative, with at most two decimals;
     * {@code baseline} is the figure the target is compared with (last year's actual for most KPIs).
     */
    public record TargetInput(
            @NotNull PlanKpi kpi,
            @NotNull @PositiveOrZero @Digits(integer = 14, fraction = 2) BigDecimal value,
            @PositiveOrZero @Digits(integer = 14, fraction = 2) BigDecimal baseline) {
    }

    /**
     * The targets of a plan version. {@code phasing} splits the SELL_THROUGH_VALUE target over the twelve months,
     * January first, and must sum to it exactly. {@code dependsOn} names the retailer departments the plan cannot
     * be delivered without; the relationship wall watches them.
     */
    public record PlanTargets(
            @NotNull @Size(max = 20) List<@NotNull @Valid TargetInput> targets,
            @Size(min = 12, max = 12, message = "must have one value per month, January to December")
            List<@NotNull(message = "must not be null") @PositiveOrZero @Digits(integer = 14, fraction = 2) BigDecimal> phasing,
            @Size(max = 6) List<@NotNull Department> dependsOn) {
    }

    /**
     * An action-plan item: what will be done, by whom, by when, and the KPI or SWOT point it serves (at least one).
     * {@code region} is the sales region the item is carried out in; empty for national work.
     */
    public record ActionItemInput(
            @NotBlank @Size(max = 500) String what,
            @NotBlank @Size(max = 100) String owner,
            @NotNull LocalDate due,
            Region region,
            PlanKpi servesKpi,
            UUID servesSwotPoint) {
    }

    /** Starts the plan of an account for a year: version 1, a draft. The fields are those of {@link PlanTargets}. */
    public record CreatePlan(
            @NotNull @Min(2000) @Max(2100) Integer year,
            @NotNull @Size(max = 20) List<@NotNull @Valid TargetInput> targets,
            @Size(min = 12, max = 12, message = "must have one value per month, January to December")
            List<@NotNull(message = "must not be null") @PositiveOrZero @Digits(integer = 14, fraction = 2) BigDecimal> phasing,
            @Size(max = 6) List<@NotNull Department> dependsOn,
            @Size(max = 200) List<@NotNull @Valid ActionItemInput> actionItems) {

        public PlanTargets planTargets() {
            return new PlanTargets(targets, phasing, dependsOn);
        }
    }

    /** Sends a submitted version back to its author, saying why. */
    public record ReturnPlan(@NotBlank @Size(max = 2000) String comment) {
    }

    /** Records how far an action item has come. */
    public record RecordProgress(@NotNull ActionStatus status, @Size(max = 1000) String note) {
    }
}
