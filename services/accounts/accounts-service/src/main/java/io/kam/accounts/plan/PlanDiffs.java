package io.kam.accounts.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.kam.accounts.api.PlanEvents.ActionItem;
import io.kam.accounts.api.PlanEvents.Target;
import io.kam.accounts.api.PlanKpi;
import io.kam.accounts.api.PlanViews.Change;
import io.kam.accounts.api.PlanViews.ItemChange;
import io.kam.accounts.api.PlanViews.ItemDefinition;
import io.kam.accounts.api.PlanViews.MonthChange;
import io.kam.accounts.api.PlanViews.PlanDiff;
import io.kam.accounts.api.PlanViews.TargetChange;
import io.kam.accounts.api.PlanViews.TargetView;

/** What differs between two versions of a plan: targets, months of the phasing, departments, action items. */
final class PlanDiffs {

    private PlanDiffs() {
    }

    static PlanDiff between(PlanVersion from, PlanVersion to) {
        return new PlanDiff(from.planId(), from.year(), from.number(), to.number(), targets(from.content(), to.content()),
                months(from.content().phasing(), to.content().phasing()),
                to.content().dependsOn().stream().filter(d -> !from.content().dependsOn().contains(d)).toList(),
                from.content().dependsOn().stream().filter(d -> !to.content().dependsOn().contains(d)).toList(),
                items(from.definitions(), to.definitions()));
    }

    private static List<TargetChange> targets(PlanContent from, PlanContent to) {
        List<TargetChange> changes = new ArrayList<>();
        for (PlanKpi kpi : PlanKpi.values()) {
            Target before = from.target(kpi).orElse(null);
            Target after = to.target(kpi).orElse(null);
            if (before == null && after == null || Objects.equals(before, after)) {
                continue;
            }
            Change change = before == null ? Change.ADDED : after == null ? Change.REMOVED : Change.CHANGED;
            changes.add(new TargetChange(kpi, change, view(before), view(after)));
        }
        return changes;
    }

    private static List<MonthChange> months(List<BigDecimal> from, List<BigDecimal> to) {
        List<MonthChange> changes = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            BigDecimal before = month <= from.size() ? from.get(month - 1) : null;
            BigDecimal after = month <= to.size() ? to.get(month - 1) : null;
            if (!Objects.equals(before, after)) {
                changes.add(new MonthChange(month, before, after));
            }
        }
        return changes;
    }

    private static List<ItemChange> items(List<ActionItem> from, List<ActionItem> to) {
        Map<UUID, ActionItem> before = byId(from);
        Map<UUID, ActionItem> after = byId(to);
        List<ItemChange> changes = new ArrayList<>();
        before.forEach((id, item) -> {
            ActionItem now = after.get(id);
            if (now == null) {
                changes.add(new ItemChange(id, Change.REMOVED, List.of(), definition(item), null));
            } else if (!now.equals(item)) {
                changes.add(new ItemChange(id, Change.CHANGED, changedFields(item, now), definition(item), definition(now)));
            }
        });
        after.forEach((id, item) -> {
            if (!before.containsKey(id)) {
                changes.add(new ItemChange(id, Change.ADDED, List.of(), null, definition(item)));
            }
        });
        return changes;
    }

    private static List<String> changedFields(ActionItem a, ActionItem b) {
        List<String> fields = new ArrayList<>();
        if (!a.what().equals(b.what())) fields.add("what");
        if (!a.owner().equals(b.owner())) fields.add("owner");
        if (!a.due().equals(b.due())) fields.add("due");
        if (a.region() != b.region()) fields.add("region");
        if (a.servesKpi() != b.servesKpi()) fields.add("servesKpi");
        if (!Objects.equals(a.servesSwotPoint(), b.servesSwotPoint())) fields.add("servesSwotPoint");
        return fields;
    }

    private static Map<UUID, ActionItem> byId(List<ActionItem> items) {
        Map<UUID, ActionItem> map = new LinkedHashMap<>();
        items.forEach(item -> map.put(item.itemId(), item));
        return map;
    }

    /** The diff as a coordinator of the region sees it: item changes touching national work or their region. */
    static PlanDiff seenFrom(PlanDiff diff, io.kam.accounts.api.Region region) {
        return new PlanDiff(diff.planId(), diff.year(), diff.from(), diff.to(), diff.targets(), diff.phasing(),
                diff.dependsOnAdded(), diff.dependsOnRemoved(), diff.actionItems().stream()
                .filter(change -> visible(change.from(), region) || visible(change.to(), region)).toList());
    }

    private static boolean visible(ItemDefinition item, io.kam.accounts.api.Region region) {
        return item != null && (item.region() == null || item.region() == region);
    }

    static TargetView view(Target target) {
        return target == null ? null
                : new TargetView(target.kpi(), target.kpi().unit(), target.kpi().basis(), target.value(), target.baseline());
    }

    static ItemDefinition definition(ActionItem item) {
        return new ItemDefinition(item.what(), item.owner(), item.due(), item.region(), item.servesKpi(),
                item.servesSwotPoint());
    }

}
