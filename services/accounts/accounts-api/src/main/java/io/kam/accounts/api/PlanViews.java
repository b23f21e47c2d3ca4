package io.kam.accounts.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Response bodies of the annual business plan API (生意计划). */
public final class PlanViews {

    private PlanViews() {
    }

    /** One account's plan for one year, as the list of plans shows it. */
    public record PlanSummary(UUID planId, UUID accountId, int year, int latestVersion, PlanStatus latestStatus,
                              Integer inForceVersion) {
    }

    /** A plan and its versions, oldest first; {@code inForceVersion} is the highest approved one. */
    public record PlanOverview(UUID planId, UUID accountId, int year, Integer inForceVersion,
                               List<VersionSummary> versions) {
    }

    public record VersionSummary(int version, PlanStatus status, Integer revisionOf, String author, Instant createdAt,
                                 String submittedBy, Instant submittedAt, String decidedBy, Instant decidedAt,
                                 String returnComment) {
    }

    /** A target with the unit and comparison basis its KPI implies. */
    public record TargetView(PlanKpi kpi, KpiUnit unit, ComparisonBasis basis, BigDecimal value, BigDecimal baseline) {
    }

    /** One month of the sell-through value target. */
    public record MonthTarget(int month, BigDecimal value) {
    }

    /**
     * An action item of a version, with its progress. Progress belongs to the item across the plan's versions.
     *
     * @param overdue past its due date (in the market's time zone) and neither DONE nor CANCELLED
     */
    public record ActionItemView(UUID itemId, String what, String owner, LocalDate due, Region region,
                                 PlanKpi servesKpi, UUID servesSwotPoint, ActionStatus status, boolean overdue,
                                 String progressNote, String progressBy, Instant progressAt, long version) {
    }

    /**
     * One version of a plan, whole. {@code version} in the body and the ETag is the concurrency token of this
     * version (it changes with every edit); {@code number} is the version's place in the plan's history.
     */
    public record PlanVersionView(UUID planId, UUID accountId, int year, int number, PlanStatus status,
                                  boolean inForce, Integer revisionOf, String author, Instant createdAt,
                                  String submittedBy, Instant submittedAt, String decidedBy, Instant decidedAt,
                                  String returnComment, List<TargetView> targets, List<MonthTarget> phasing,
                                  BigDecimal phasingTotal, List<Department> dependsOn,
                                  List<ActionItemView> actionItems, List<KpiActual> actuals, long version) {
    }

    /**
     * The actual of a KPI for the plan's year. Today only {@code TRADE_SPEND_RATE} has one: the true trade spend % of
     * the account's signed agreement in force (from {@code kam.negotiations.v1}), never shown without the source of
     * the sales basis it is computed on ({@code basisSource}: {@code INVOICED_SALES}, {@code STATED_ESTIMATE} or
     * {@code PLAN_SELL_THROUGH_TARGET}). {@code asOf} is the day of the year it is read for (today, clamped into the
     * year), {@code effectiveFrom}/{@code effectiveTo} the days the agreement version it comes from is in force. The
     * same for every version of the year's plan; the agreement's terms are not part of it.
     */
    public record KpiActual(PlanKpi kpi, KpiUnit unit, BigDecimal value, String basisSource, LocalDate asOf,
                            LocalDate effectiveFrom, LocalDate effectiveTo) {
    }

    public enum Change {
        ADDED, REMOVED, CHANGED
    }

    public record TargetChange(PlanKpi kpi, Change change, TargetView from, TargetView to) {
    }

    public record MonthChange(int month, BigDecimal from, BigDecimal to) {
    }

    /** What an item commits to, without its progress. */
    public record ItemDefinition(String what, String owner, LocalDate due, Region region, PlanKpi servesKpi,
                                 UUID servesSwotPoint) {
    }

    /** @param fields the names of the fields that differ, for a CHANGED item */
    public record ItemChange(UUID itemId, Change change, List<String> fields, ItemDefinition from, ItemDefinition to) {
    }

    /** What changed from one version to another; only what differs is listed. */
    public record PlanDiff(UUID planId, int year, int from, int to, List<TargetChange> targets,
                           List<MonthChange> phasing, List<Department> dependsOnAdded,
                           List<Department> dependsOnRemoved, List<ItemChange> actionItems) {
    }

    /**
     * An action item that serves a SWOT point, as the latest version of its year's plan holds it, with its
     * progress: how an action key point (行动关键点) is being carried out.
     */
    public record LinkedActionItem(int year, int version, UUID itemId, String what, String owner, LocalDate due,
                                   Region region, ActionStatus status) {
    }
}
