package io.kam.projection.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.DevelopmentStage;
import io.kam.accounts.api.KpiUnit;
import io.kam.accounts.api.PlanKpi;
import io.kam.accounts.api.Region;
import io.kam.projection.review.ReviewViews.Classification;
import io.kam.projection.review.ReviewViews.TimelineEntry;
import io.kam.visits.api.ComplaintType;

/** What changed in an account's review between two instants: what a KA manager reads before a review meeting. */
final class ChangeViews {

    private ChangeViews() {
    }

    /**
     * The changes, each section null (or empty) when nothing changed in it. Both reviews are read as the caller sees
     * them, so nothing here is more than the caller may see in either review.
     *
     * @param eventsRecorded  how many events of the account the platform recorded after {@code from} up to {@code to}
     * @param plan            the plan in force then and now, when another year or version came into force
     * @param kpis            the plan's KPIs whose target or actual moved (the plans' KPIs, in KPI order)
     * @param sellThrough     the year-to-date sales of the review's sell-through section, then and now
     * @param restatements    the restatements of sell-through figures recorded in between, with their amounts
     * @param classification  tier and role, when either changed
     * @param stage           the development stage, when it changed
     * @param heat            the latest purchase-heat score, when it changed
     * @param complaints      complaints opened and closed in between (null for integrations: our field work)
     * @param timeline        the timeline entries added in between (classification, stage, plan submitted, returned,
     *                        approved)
     */
    record Changes(UUID accountId, Instant from, Instant to, long eventsRecorded, @Nullable PlanChange plan,
                   List<KpiChange> kpis, @Nullable FigureChange sellThrough, List<Restatement> restatements,
                   @Nullable Change<Classification> classification, @Nullable Change<DevelopmentStage> stage,
                   @Nullable Change<Integer> heat, @Nullable Complaints complaints, List<TimelineEntry> timeline) {
    }

    /** A value then and now. */
    record Change<T>(@Nullable T from, @Nullable T to) {
    }

    /** The plan in force then and now; null on a side where none was. */
    record PlanChange(@Nullable PlanRef from, @Nullable PlanRef to) {
    }

    record PlanRef(int year, int version, @Nullable Instant approvedAt) {
    }

    /**
     * A plan KPI then and now.
     *
     * @param actualDelta actual now minus actual then; null unless both are known
     */
    record KpiChange(PlanKpi kpi, KpiUnit unit, @Nullable BigDecimal targetFrom, @Nullable BigDecimal targetTo,
                     @Nullable BigDecimal actualFrom, @Nullable BigDecimal actualTo,
                     @Nullable BigDecimal actualDelta) {
    }

    /** An amount then and now; delta null unless both are known. */
    record FigureChange(@Nullable BigDecimal from, @Nullable BigDecimal to, @Nullable BigDecimal delta) {
    }

    /**
     * A restatement the platform recorded in between: the chunk of one day's figures the retailer restated.
     *
     * @param lines how many (store, GTIN) figures it restated
     */
    record Restatement(Instant recordedAt, String batchId, LocalDate day, String currency, long deltaUnits,
                       BigDecimal deltaSales, int lines) {
    }

    record Complaints(List<OpenedComplaint> opened, List<ClosedComplaint> closed) {
    }

    record OpenedComplaint(UUID complaintId, Instant recordedAt, ComplaintType type, Region region, UUID storeId) {
    }

    record ClosedComplaint(UUID complaintId, Instant recordedAt, Region region, String reason) {
    }
}
