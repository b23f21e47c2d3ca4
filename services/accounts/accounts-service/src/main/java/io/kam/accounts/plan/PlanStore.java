package io.kam.accounts.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import io.kam.accounts.api.PlanEvents.ActionItem;
import io.kam.accounts.api.PlanEvents.Target;
import io.kam.accounts.plan.PlanRows.ItemRow;
import io.kam.accounts.plan.PlanRows.PhaseRow;
import io.kam.accounts.plan.PlanRows.PlanRow;
import io.kam.accounts.plan.PlanRows.ProgressRow;
import io.kam.accounts.plan.PlanRows.TargetRow;
import io.kam.accounts.plan.PlanRows.VersionRow;
import io.kam.platform.domain.Rejection;

/**
 * Loads and saves plan versions whole: the version row, its targets, phasing and action items. Callers hold the
 * account lock, so a version is never saved by two transactions at once; its row version still guards against
 * edits based on what a caller saw earlier (If-Match).
 */
@Component
class PlanStore {

    private final PlanRows.Plans plans;
    private final PlanRows.Versions versions;
    private final PlanRows.Targets targets;
    private final PlanRows.Phases phases;
    private final PlanRows.Items items;
    private final PlanRows.Progress progress;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    PlanStore(PlanRows.Plans plans, PlanRows.Versions versions, PlanRows.Targets targets, PlanRows.Phases phases,
              PlanRows.Items items, PlanRows.Progress progress, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.versions = versions;
        this.targets = targets;
        this.phases = phases;
        this.items = items;
        this.progress = progress;
    }

    Optional<PlanRow> plan(UUID accountId, int year) {
        return plans.findByAccountIdAndYear(accountId, year);
    }

    PlanRow requirePlan(UUID accountId, int year) {
        return plan(accountId, year).orElseThrow(() -> new Rejection.NotFound("Plan for " + year + " of account",
                accountId).refused());
    }

    List<PlanRow> plans(UUID accountId) {
        return plans.findByAccountIdOrderByYearDesc(accountId);
    }

    List<VersionRow> versions(UUID planId) {
        return versions.findByPlanIdOrderByNumber(planId);
    }

    Optional<Integer> inForce(UUID planId) {
        return versions.findInForce(planId).map(VersionRow::number);
    }

    PlanVersion version(PlanRow plan, int number) {
        return versions.findByPlanIdAndNumber(plan.id(), number).map(row -> assemble(plan, row))
                .orElseThrow(() -> new Rejection.NotFound("Version " + number + " of the " + plan.year() + " plan",
                        plan.accountId()).refused());
    }

    PlanVersion latest(PlanRow plan) {
        return assemble(plan, versions.findLatest(plan.id()).orElseThrow());
    }

    PlanRow create(PlanRow plan) {
        return plans.save(plan);
    }

    /** Saves a new version with everything it holds. */
    PlanVersion insert(PlanVersion version) {
        VersionRow row = versions.save(row(version));
        saveEditors(version, List.of());
        saveContent(version);
        List<PlanItem> saved = version.items().stream()
                .map(item -> item(items.save(itemRow(version.id(), item)))).toList();
        return copy(version, row.version(), saved);
    }

    /** Saves the version's header and, when they changed, its content and items; bumps its row version. */
    PlanVersion update(PlanVersion before, PlanVersion after) {
        VersionRow row = versions.update(row(after));
        saveEditors(after, before.editors());
        if (!before.content().equals(after.content())) {
            targets.deleteByVersionId(after.id());
            phases.deleteByVersionId(after.id());
            saveContent(after);
        }
        List<PlanItem> saved = new ArrayList<>();
        Map<UUID, PlanItem> old = before.items().stream()
                .collect(Collectors.toMap(i -> i.definition().itemId(), Function.identity()));
        for (PlanItem item : after.items()) {
            PlanItem previous = old.remove(item.definition().itemId());
            if (previous == null) {
                saved.add(item(items.save(itemRow(after.id(), item))));
            } else if (!previous.equals(item)) {
                saved.add(item(items.update(itemRow(after.id(), item))));
            } else {
                saved.add(item);
            }
        }
        old.values().forEach(gone -> items.deleteById(rowId(after.id(), gone.definition().itemId())));
        return copy(after, row.version(), saved);
    }

    /** The latest progress of each item of the plan that has any, by item id. */
    Map<UUID, ProgressRow> progress(UUID planId) {
        return progress.findLatestOfPlan(planId).stream().collect(Collectors.toMap(ProgressRow::itemId, p -> p));
    }

    void record(ProgressRow change) {
        progress.save(change);
    }

    boolean itemExists(UUID planId, UUID itemId) {
        return items.existsInPlan(planId, itemId);
    }

    Optional<ActionItem> latestItem(UUID planId, UUID itemId) {
        return items.findLatestOf(planId, itemId).map(PlanStore::definition);
    }

    /** Who changed the version: a row for each not recorded {@code before}. */
    private void saveEditors(PlanVersion version, List<String> before) {
        for (String editor : version.editors()) {
            if (before.contains(editor)) {
                continue;
            }
            jdbc.sql("insert into plan_version_editor (version_id, editor) values (?, ?) on conflict do nothing")
                    .params(version.id(), editor).update();
        }
    }

    private List<String> editors(UUID versionId) {
        return jdbc.sql("select editor from plan_version_editor where version_id = ? order by editor")
                .param(versionId).query(String.class).list();
    }

    private void saveContent(PlanVersion version) {
        for (Target target : version.content().targets()) {
            targets.save(new TargetRow(UUID.randomUUID(), version.id(), target.kpi(), target.value(), target.baseline()));
        }
        List<BigDecimal> months = version.content().phasing();
        for (int i = 0; i < months.size(); i++) {
            phases.save(new PhaseRow(UUID.randomUUID(), version.id(), i + 1, months.get(i)));
        }
    }

    private PlanVersion assemble(PlanRow plan, VersionRow row) {
        List<Target> targetList = targets.findByVersionIdOrderByKpi(row.id()).stream()
                .map(t -> new Target(t.kpi(), t.value(), t.baseline())).sorted(java.util.Comparator.comparing(Target::kpi))
                .toList();
        List<BigDecimal> phasing = phases.findByVersionIdOrderByMonth(row.id()).stream().map(PhaseRow::value).toList();
        List<PlanItem> itemList = items.findByVersionIdOrderByPosition(row.id()).stream().map(PlanStore::item).toList();
        PlanContent content = new PlanContent(targetList, phasing, PlanContent.dependsOnFromColumn(row.dependsOn()));
        return new PlanVersion(row.id(), plan.id(), plan.accountId(), plan.year(), row.number(), row.status(),
                row.revisionOf(), row.author(), row.createdAt(), row.updatedAt(), row.submittedBy(), row.submittedAt(),
                row.decidedBy(), row.decidedAt(), row.returnComment(), content, itemList, editors(row.id()),
                row.version());
    }

    private static VersionRow row(PlanVersion v) {
        return new VersionRow(v.id(), v.planId(), v.number(), v.status(), v.revisionOf(), v.author(), v.createdAt(),
                v.updatedAt(), v.submittedBy(), v.submittedAt(), v.decidedBy(), v.decidedAt(), v.returnComment(),
                v.content().dependsOnColumn(), v.version());
    }

    /**
     * The row id of an item in a version is derived from both ids, so that saving, updating and deleting an item
     * need no lookup.
     */
    private static UUID rowId(UUID versionId, UUID itemId) {
        return UUID.nameUUIDFromBytes((versionId + "/" + itemId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static ItemRow itemRow(UUID versionId, PlanItem item) {
        ActionItem d = item.definition();
        return new ItemRow(rowId(versionId, d.itemId()), versionId, d.itemId(), item.position(), d.what(), d.owner(),
                d.due(), d.region(), d.servesKpi(), d.servesSwotPoint(), item.version());
    }

    private static PlanItem item(ItemRow row) {
        return new PlanItem(definition(row), row.position(), row.version());
    }

    private static ActionItem definition(ItemRow row) {
        return new ActionItem(row.itemId(), row.what(), row.owner(), row.due(), row.region(), row.servesKpi(),
                row.servesSwotPoint());
    }

    private static PlanVersion copy(PlanVersion v, Long rowVersion, List<PlanItem> savedItems) {
        return new PlanVersion(v.id(), v.planId(), v.accountId(), v.year(), v.number(), v.status(), v.revisionOf(),
                v.author(), v.createdAt(), v.updatedAt(), v.submittedBy(), v.submittedAt(), v.decidedBy(),
                v.decidedAt(), v.returnComment(), v.content(), savedItems, v.editors(), rowVersion);
    }
}
