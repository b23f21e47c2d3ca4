package io.kam.projection.review;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.Department;
import io.kam.accounts.api.PlanEvents.ActionItem;
import io.kam.accounts.api.PlanEvents.ActionProgressed;
import io.kam.accounts.api.PlanEvents.PlanApproved;
import io.kam.accounts.api.PlanEvents.PlanDrafted;
import io.kam.accounts.api.PlanEvents.Target;
import io.kam.accounts.api.PlanStatus;
import io.kam.platform.events.UndecodableEventException;

/**
 * Writes plan versions, their content and action progress. Every version is kept, drafts included; the reader picks
 * the approved one in force. An approved version never changes: draft events that name it afterwards leave it as
 * approved, and its content is what {@code kam.plan.approved} carried. Content is replaced as a whole, so an event
 * applied twice leaves the same rows.
 */
@Component
class PlanProjection {

    static final int MONTHS = 12;
    private static final String KEY = "account_id = :accountId and year = :year and version = :version";

    private final JdbcClient jdbc;

    PlanProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A plan version: the plan of an account's year, numbered from 1. */
    record Version(UUID accountId, int year, int version) {

        Map<String, Object> params() {
            return Map.of("accountId", accountId, "year", year, "version", version);
        }
    }

    void drafted(Version v, PlanDrafted e) {
        if (status(v, e.planId(), PlanStatus.DRAFT, e.author())) {
            replaceTerms(v, e.targets(), e.phasing(), e.dependsOn());
            replaceItems(v, e.actionItems());
        }
    }

    void termsChanged(Version v, UUID planId, @Nullable List<Target> targets, @Nullable List<BigDecimal> phasing,
                      @Nullable List<Department> dependsOn) {
        if (draft(v, planId)) {
            replaceTerms(v, targets, phasing, dependsOn);
        }
    }

    /** A submission or a return: the version's status changes, unless it was approved already. */
    void moved(Version v, UUID planId, PlanStatus status) {
        status(v, planId, status, null);
    }

    void approved(Version v, PlanApproved e) {
        jdbc.sql("""
                        insert into review_plan_version (account_id, year, version, plan_id, status, author, approved_by, approved_at)
                        values (:accountId, :year, :version, :planId, 'APPROVED', :author, :approvedBy, :approvedAt)
                        on conflict (account_id, year, version) do update set plan_id = excluded.plan_id,
                            status = excluded.status, author = excluded.author, approved_by = excluded.approved_by,
                            approved_at = excluded.approved_at""")
                .params(v.params()).param("planId", e.planId()).param("author", e.author())
                .param("approvedBy", e.approvedBy()).param("approvedAt", utc(e.approvedAt())).update();
        replaceTerms(v, e.targets(), e.phasing(), e.dependsOn());
        replaceItems(v, e.actionItems());
    }

    void itemPut(Version v, UUID planId, ActionItem item) {
        if (draft(v, planId)) {
            putItem(v, item);
        }
    }

    void itemRemoved(Version v, UUID planId, UUID itemId) {
        if (draft(v, planId)) {
            jdbc.sql("delete from review_plan_item where " + KEY + " and item_id = :itemId")
                    .params(v.params()).param("itemId", itemId).update();
        }
    }

    /** Progress belongs to the item across versions; the latest report by its own time wins, whatever the order. */
    void progressed(ActionProgressed e) {
        jdbc.sql("""
                        insert into review_action_progress (account_id, item_id, status, note, progressed_by, progressed_at)
                        values (:accountId, :itemId, :status, :note, :by, :at)
                        on conflict (account_id, item_id) do update set status = excluded.status, note = excluded.note,
                            progressed_by = excluded.progressed_by, progressed_at = excluded.progressed_at
                        where excluded.progressed_at >= review_action_progress.progressed_at""")
                .param("accountId", e.accountId()).param("itemId", e.itemId()).param("status", e.status().name())
                .param("note", e.note()).param("by", e.by()).param("at", utc(e.at())).update();
    }

    /** Sets the version's status unless it is approved; true when the version is not approved. */
    private boolean status(Version v, UUID planId, PlanStatus status, @Nullable String author) {
        jdbc.sql("""
                        insert into review_plan_version (account_id, year, version, plan_id, status, author)
                        values (:accountId, :year, :version, :planId, :status, :author)
                        on conflict (account_id, year, version) do update set plan_id = excluded.plan_id,
                            status = excluded.status, author = coalesce(excluded.author, review_plan_version.author)
                        where review_plan_version.status <> 'APPROVED'""")
                .params(v.params()).param("planId", planId).param("status", status.name()).param("author", author)
                .update();
        return draft(v, planId);
    }

    /** Makes sure the version is known; true when it is not approved, so that its content may still change. */
    private boolean draft(Version v, UUID planId) {
        jdbc.sql("""
                        insert into review_plan_version (account_id, year, version, plan_id, status)
                        values (:accountId, :year, :version, :planId, 'DRAFT') on conflict do nothing""")
                .params(v.params()).param("planId", planId).update();
        return !jdbc.sql("select status = 'APPROVED' from review_plan_version where " + KEY)
                .params(v.params()).query(Boolean.class).single();
    }

    private void replaceTerms(Version v, @Nullable List<Target> targets, @Nullable List<BigDecimal> phasing,
                              @Nullable List<Department> dependsOn) {
        for (String table : List.of("review_plan_target", "review_plan_month", "review_plan_dependency")) {
            jdbc.sql("delete from " + table + " where " + KEY).params(v.params()).update();
        }
        for (Target target : nonNull(targets)) {
            jdbc.sql("""
                            insert into review_plan_target (account_id, year, version, kpi, target, baseline)
                            values (:accountId, :year, :version, :kpi, :target, :baseline)
                            on conflict (account_id, year, version, kpi) do update set target = excluded.target,
                                baseline = excluded.baseline""")
                    .params(v.params()).param("kpi", target.kpi().name()).param("target", target.value())
                    .param("baseline", target.baseline()).update();
        }
        List<BigDecimal> months = nonNull(phasing);
        if (months.size() > MONTHS) {
            throw new UndecodableEventException("the phasing has " + months.size() + " months, a year has " + MONTHS);
        }
        for (int i = 0; i < months.size(); i++) {
            if (months.get(i) != null) {
                jdbc.sql("""
                                insert into review_plan_month (account_id, year, version, month, target)
                                values (:accountId, :year, :version, :month, :target)""")
                        .params(v.params()).param("month", i + 1).param("target", months.get(i)).update();
            }
        }
        for (Department department : nonNull(dependsOn)) {
            jdbc.sql("""
                            insert into review_plan_dependency (account_id, year, version, department)
                            values (:accountId, :year, :version, :department) on conflict do nothing""")
                    .params(v.params()).param("department", department.name()).update();
        }
    }

    private void replaceItems(Version v, @Nullable List<ActionItem> items) {
        jdbc.sql("delete from review_plan_item where " + KEY).params(v.params()).update();
        nonNull(items).forEach(item -> putItem(v, item));
    }

    private void putItem(Version v, ActionItem item) {
        jdbc.sql("""
                        insert into review_plan_item (account_id, year, version, item_id, what, owner, due, region,
                            serves_kpi, serves_swot_point)
                        values (:accountId, :year, :version, :itemId, :what, :owner, :due, :region, :servesKpi,
                            :servesSwotPoint)
                        on conflict (account_id, year, version, item_id) do update set what = excluded.what,
                            owner = excluded.owner, due = excluded.due, region = excluded.region,
                            serves_kpi = excluded.serves_kpi, serves_swot_point = excluded.serves_swot_point""")
                .params(v.params()).param("itemId", item.itemId()).param("what", item.what()).param("owner", item.owner())
                .param("due", item.due()).param("region", name(item.region())).param("servesKpi", name(item.servesKpi()))
                .param("servesSwotPoint", item.servesSwotPoint()).update();
    }

    private static <T> List<T> nonNull(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }

    private static @Nullable String name(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
