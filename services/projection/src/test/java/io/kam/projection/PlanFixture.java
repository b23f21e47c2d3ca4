package io.kam.projection;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.ActionStatus;
import io.kam.accounts.api.Department;
import io.kam.accounts.api.PlanEvents.ActionItem;
import io.kam.accounts.api.PlanEvents.ActionProgressed;
import io.kam.accounts.api.PlanEvents.PlanApproved;
import io.kam.accounts.api.PlanEvents.PlanDrafted;
import io.kam.accounts.api.PlanEvents.PlanReturned;
import io.kam.accounts.api.PlanEvents.PlanSubmitted;
import io.kam.accounts.api.PlanEvents.PlanTargetsChanged;
import io.kam.accounts.api.PlanEvents.Target;
import io.kam.accounts.api.PlanKpi;
import io.kam.accounts.api.Region;

/**
 * One account's annual business plan for a year, and the plan events the accounts service would publish for it:
 * Nora drafts and submits, Nate approves or returns. The sell-through value target is phased evenly over the months.
 */
public final class PlanFixture {

    public static final String AUTHOR = "nora";
    public static final String APPROVER = "nate";
    public static final List<Department> DEPENDS_ON =
            List.of(Department.STORE_OPERATIONS, Department.PURCHASING, Department.MARKETING);

    private final UUID accountId;
    private final UUID planId = UUID.randomUUID();
    private final int year;
    private final List<Department> dependsOn;

    private PlanFixture(UUID accountId, int year, List<Department> dependsOn) {
        this.accountId = accountId;
        this.year = year;
        this.dependsOn = dependsOn;
    }

    public static PlanFixture aPlan(UUID accountId, int year) {
        return new PlanFixture(accountId, year, DEPENDS_ON);
    }

    public PlanFixture dependingOn(Department... departments) {
        return new PlanFixture(accountId, year, List.of(departments));
    }

    public static Target target(PlanKpi kpi, long value, long baseline) {
        return new Target(kpi, BigDecimal.valueOf(value), BigDecimal.valueOf(baseline));
    }

    /** Twelve million yuan of sell-through, 48 SKUs listed. */
    public static List<Target> someTargets() {
        return List.of(target(PlanKpi.SELL_THROUGH_VALUE, 12_000_000, 10_500_000), target(PlanKpi.LISTED_SKUS, 48, 41));
    }

    public static ActionItem anItem(String what, LocalDate due) {
        return new ActionItem(UUID.randomUUID(), what, AUTHOR, due, Region.EAST, PlanKpi.SELL_THROUGH_VALUE, null);
    }

    public PlanDrafted drafted(int version, List<Target> targets, List<ActionItem> items) {
        return new PlanDrafted(accountId, planId, year, version, version == 1 ? null : version - 1, AUTHOR, targets,
                phasing(targets), dependsOn, items);
    }

    public PlanTargetsChanged targetsChanged(int version, List<Target> targets) {
        return new PlanTargetsChanged(accountId, planId, year, version, targets, phasing(targets), dependsOn);
    }

    public PlanSubmitted submitted(int version, Instant at) {
        return new PlanSubmitted(accountId, planId, year, version, AUTHOR, at);
    }

    public PlanReturned returned(int version, Instant at, String comment) {
        return new PlanReturned(accountId, planId, year, version, APPROVER, at, comment);
    }

    public PlanApproved approved(int version, Instant at, List<Target> targets, List<ActionItem> items) {
        return new PlanApproved(accountId, planId, year, version, AUTHOR, APPROVER, at, targets, phasing(targets),
                dependsOn, items);
    }

    public ActionProgressed progressed(ActionItem item, ActionStatus from, ActionStatus to, Instant at) {
        return new ActionProgressed(accountId, planId, year, item.itemId(), to, from, "reported", item.owner(), at);
    }

    /** The sell-through value target spread evenly over the twelve months; null when there is no such target. */
    private static @Nullable List<BigDecimal> phasing(List<Target> targets) {
        return targets.stream().filter(t -> t.kpi() == PlanKpi.SELL_THROUGH_VALUE).findFirst()
                .map(t -> Collections.nCopies(12, t.value().divide(BigDecimal.valueOf(12)))).orElse(null);
    }
}
