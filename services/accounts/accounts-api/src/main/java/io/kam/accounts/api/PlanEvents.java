package io.kam.accounts.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.kam.accounts.api.AccountEvents.AccountEvent;
import io.kam.platform.events.EventType;

/**
 * The events of annual business plans (生意计划), published with the other account events on
 * {@code kam.accounts.v1}, keyed by account id. A plan is one per account and year; its versions are numbered
 * from 1. Events that fix a version's content (drafted, approved) carry all of it, so that a consumer needs no
 * other event to know what was approved.
 */
public final class PlanEvents {

    private PlanEvents() {
    }

    /** A target of the plan; unit and comparison basis follow from the KPI. {@code baseline} is last year's figure. */
    public record Target(PlanKpi kpi, BigDecimal value, BigDecimal baseline) {
    }

    /**
     * What an action-plan item commits to. {@code region} is null for national work; the item serves a KPI, a
     * SWOT point (usually an action key point), or both.
     */
    public record ActionItem(UUID itemId, String what, String owner, LocalDate due, Region region, PlanKpi servesKpi,
                             UUID servesSwotPoint) {
    }

    /**
     * A version was started: the first version of a new plan, or a revision of the approved one (then
     * {@code revisionOf} names it).
     *
     * @param phasing the monthly sell-through value targets, January first; null when there is no such target
     */
    @EventType("kam.plan.drafted")
    public record PlanDrafted(UUID accountId, UUID planId, int year, int version, Integer revisionOf, String author,
                              List<Target> targets, List<BigDecimal> phasing, List<Department> dependsOn,
                              List<ActionItem> actionItems) implements AccountEvent {
    }

    /** A draft's targets, phasing or departments changed; carries all three as they now are. */
    @EventType("kam.plan.targets-changed")
    public record PlanTargetsChanged(UUID accountId, UUID planId, int year, int version, List<Target> targets,
                                     List<BigDecimal> phasing, List<Department> dependsOn) implements AccountEvent {
    }

    @EventType("kam.plan.submitted")
    public record PlanSubmitted(UUID accountId, UUID planId, int year, int version, String submittedBy,
                                Instant submittedAt) implements AccountEvent {
    }

    /** A version was approved and is now the plan in force for its year; carries its whole content. */
    @EventType("kam.plan.approved")
    public record PlanApproved(UUID accountId, UUID planId, int year, int version, String author, String approvedBy,
                               Instant approvedAt, List<Target> targets, List<BigDecimal> phasing,
                               List<Department> dependsOn, List<ActionItem> actionItems) implements AccountEvent {
    }

    @EventType("kam.plan.returned")
    public record PlanReturned(UUID accountId, UUID planId, int year, int version, String returnedBy,
                               Instant returnedAt, String comment) implements AccountEvent {
    }

    @EventType("kam.plan.action-added")
    public record ActionItemAdded(UUID accountId, UUID planId, int year, int version, ActionItem item)
            implements AccountEvent {
    }

    @EventType("kam.plan.action-changed")
    public record ActionItemChanged(UUID accountId, UUID planId, int year, int version, ActionItem item)
            implements AccountEvent {
    }

    @EventType("kam.plan.action-removed")
    public record ActionItemRemoved(UUID accountId, UUID planId, int year, int version, UUID itemId)
            implements AccountEvent {
    }

    /**
     * An action item's progress changed. Progress belongs to the item across the plan's versions, so it may change
     * on an approved version too.
     */
    @EventType("kam.plan.action-progressed")
    public record ActionProgressed(UUID accountId, UUID planId, int year, UUID itemId, ActionStatus status,
                                   ActionStatus previousStatus, String note, String by, Instant at)
            implements AccountEvent {
    }
}
