package io.kam.accounts.plan;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.PlanEvents.ActionItem;

/**
 * An action item as one version holds it: what it commits to, its place in the list, and the concurrency token
 * of its row (null until saved).
 */
public record PlanItem(ActionItem definition, int position, @Nullable Long version) {
}
