package io.kam.accounts.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.PlanEvents.ActionItem;
import io.kam.accounts.api.PlanEvents.ActionItemAdded;
import io.kam.accounts.api.PlanEvents.ActionItemChanged;
import io.kam.accounts.api.PlanEvents.ActionItemRemoved;
import io.kam.accounts.api.PlanEvents.PlanApproved;
import io.kam.accounts.api.PlanEvents.PlanDrafted;
import io.kam.accounts.api.PlanEvents.PlanReturned;
import io.kam.accounts.api.PlanEvents.PlanSubmitted;
import io.kam.accounts.api.PlanEvents.PlanTargetsChanged;
import io.kam.accounts.api.PlanKpi;
import io.kam.accounts.api.PlanStatus;
import io.kam.accounts.api.Region;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;

/**
 * One version of an account's annual business plan (生意计划), the aggregate that decides every change to it and
 * returns the event the change caused. A version is worked on while DRAFT or RETURNED, waits while SUBMITTED, and
 * never changes once APPROVED: the plan is then revised by starting the next version. Approval and return are
 * for a national KA manager other than anyone who authored, changed or submitted the version (four eyes): the
 * {@code editors} are everyone who wrote it or changed its targets or action items. The latest return comment stays on
 * the version after it is resubmitted, so the approver sees what was asked for.
 */
public record PlanVersion(UUID id, UUID planId, UUID accountId, int year, int number, PlanStatus status,
                          @Nullable Integer revisionOf, String author, Instant createdAt, Instant updatedAt,
                          @Nullable String submittedBy, @Nullable Instant submittedAt, @Nullable String decidedBy,
                          @Nullable Instant decidedAt, @Nullable String returnComment, PlanContent content,
                          List<PlanItem> items, List<String> editors, @Nullable Long version) {

    public PlanVersion {
        items = List.copyOf(items);
        editors = List.copyOf(new java.util.TreeSet<>(editors));
    }

    /** The version with the actor among those who changed it (nothing changes if they are already). */
    public PlanVersion editedBy(String name) {
        List<String> more = new ArrayList<>(editors);
        more.add(name);
        return new PlanVersion(id, planId, accountId, year, number, status, revisionOf, author, createdAt, updatedAt,
                submittedBy, submittedAt, decidedBy, decidedAt, returnComment, content, items, more, version);
    }

    /** A decision: the version as it now is, and the event, or null when nothing changed. */
    public record Changed<E>(PlanVersion version, @Nullable E event) {
    }

    /** Starts version 1 of a new plan, as a draft by the actor. */
    public static Changed<PlanDrafted> draft(UUID planId, UUID accountId, int year, PlanContent content,
                                             List<ActionItem> items, Actor actor, Instant now) {
        List<PlanItem> numbered = new ArrayList<>();
        for (ActionItem item : items) {
            numbered.add(new PlanItem(item, numbered.size(), null));
        }
        PlanVersion draft = new PlanVersion(UUID.randomUUID(), planId, accountId, year, 1, PlanStatus.DRAFT, null,
                actor.name(), now, now, null, null, null, null, null, content, numbered, List.of(actor.name()), null);
        return new Changed<>(draft, draft.drafted());
    }

    /** Starts the next version from this approved one: same targets and items (same item ids), as a draft. */
    public Changed<PlanDrafted> revise(Actor actor, Instant now) {
        if (status != PlanStatus.APPROVED) {
            throw new Rejection.Conflict("plan-version-open", "version " + number + " of the " + year + " plan is "
                    + status + "; finish it before starting another").refused();
        }
        List<PlanItem> copied = items.stream().map(i -> new PlanItem(i.definition(), i.position(), null)).toList();
        PlanVersion next = new PlanVersion(UUID.randomUUID(), planId, accountId, year, number + 1, PlanStatus.DRAFT,
                number, actor.name(), now, now, null, null, null, null, null, content, copied, List.of(actor.name()),
                null);
        return new Changed<>(next, next.drafted());
    }

    /** Replaces targets, phasing and departments; no event when they are the same. */
    public Changed<PlanTargetsChanged> changeTargets(PlanContent newContent, Instant now) {
        requireEditable();
        if (newContent.equals(content)) {
            return new Changed<>(this, null);
        }
        PlanVersion changed = with(status, submittedBy, submittedAt, decidedBy, decidedAt, returnComment, newContent,
                items, now);
        return new Changed<>(changed, new PlanTargetsChanged(accountId, planId, year, number, newContent.targets(),
                phasingOrNull(newContent), newContent.dependsOn()));
    }

    /**
     * Puts the version up for approval. A plan is complete with a sell-through value target (its phasing is
     * checked whenever targets change) and at least one action item.
     */
    public Changed<PlanSubmitted> submit(Actor actor, Instant now) {
        requireEditable();
        List<String> missing = new ArrayList<>();
        if (content.target(PlanKpi.SELL_THROUGH_VALUE).isEmpty()) {
            missing.add("a SELL_THROUGH_VALUE target with its monthly phasing");
        }
        if (items.isEmpty()) {
            missing.add("at least one action item");
        }
        if (!missing.isEmpty()) {
            throw new Rejection.BrokenRule("plan-incomplete",
                    "version " + number + " of the " + year + " plan needs " + String.join(" and ", missing)
                            + " before it is submitted").refused();
        }
        PlanVersion submitted = with(PlanStatus.SUBMITTED, actor.name(), now, null, null, returnComment, content, items,
                now);
        return new Changed<>(submitted, new PlanSubmitted(accountId, planId, year, number, actor.name(), now));
    }

    public Changed<PlanApproved> approve(Actor actor, Instant now) {
        requireDecidableBy(actor, "approve");
        PlanVersion approved = with(PlanStatus.APPROVED, submittedBy, submittedAt, actor.name(), now, returnComment,
                content, items, now);
        return new Changed<>(approved, new PlanApproved(accountId, planId, year, number, author, actor.name(), now,
                content.targets(), phasingOrNull(content), content.dependsOn(), definitions()));
    }

    public Changed<PlanReturned> returnToAuthor(String comment, Actor actor, Instant now) {
        requireDecidableBy(actor, "return");
        PlanVersion returned = with(PlanStatus.RETURNED, submittedBy, submittedAt, actor.name(), now, comment.strip(),
                content, items, now);
        return new Changed<>(returned, new PlanReturned(accountId, planId, year, number, actor.name(), now,
                comment.strip()));
    }

    /**
     * Adds an action item. A coordinator ({@code confinedTo} their region) adds items of their region only.
     */
    public Changed<ActionItemAdded> addItem(ActionItem item, Optional<Region> confinedTo, Instant now) {
        requireEditable();
        requireRegion(item, confinedTo);
        List<PlanItem> more = new ArrayList<>(items);
        more.add(new PlanItem(item, items.stream().mapToInt(PlanItem::position).max().orElse(-1) + 1, null));
        return new Changed<>(withItems(more, now), new ActionItemAdded(accountId, planId, year, number, item));
    }

    /** Changes what an item commits to; a coordinator changes items of their region, and keeps them there. */
    public Changed<ActionItemChanged> changeItem(ActionItem item, Optional<Region> confinedTo, Instant now) {
        requireEditable();
        PlanItem current = item(item.itemId());
        requireRegion(current.definition(), confinedTo);
        requireRegion(item, confinedTo);
        if (current.definition().equals(item)) {
            return new Changed<>(this, null);
        }
        List<PlanItem> changed = items.stream()
                .map(i -> i.definition().itemId().equals(item.itemId()) ? new PlanItem(item, i.position(), i.version()) : i)
                .toList();
        return new Changed<>(withItems(changed, now), new ActionItemChanged(accountId, planId, year, number, item));
    }

    public Changed<ActionItemRemoved> removeItem(UUID itemId, Instant now) {
        requireEditable();
        item(itemId);
        List<PlanItem> fewer = items.stream().filter(i -> !i.definition().itemId().equals(itemId)).toList();
        return new Changed<>(withItems(fewer, now), new ActionItemRemoved(accountId, planId, year, number, itemId));
    }

    public PlanItem item(UUID itemId) {
        return items.stream().filter(i -> i.definition().itemId().equals(itemId)).findFirst()
                .orElseThrow(() -> new Rejection.NotFound("Action item", itemId).refused());
    }

    public List<ActionItem> definitions() {
        return items.stream().map(PlanItem::definition).toList();
    }

    public boolean isEditable() {
        return status == PlanStatus.DRAFT || status == PlanStatus.RETURNED;
    }

    private PlanDrafted drafted() {
        return new PlanDrafted(accountId, planId, year, number, revisionOf, author, content.targets(),
                phasingOrNull(content), content.dependsOn(), definitions());
    }

    private void requireEditable() {
        if (status == PlanStatus.APPROVED) {
            throw new Rejection.Conflict("plan-version-approved", "version " + number + " of the " + year
                    + " plan is approved and cannot change; start a revision (POST .../plans/" + year + "/versions)").refused();
        }
        if (status == PlanStatus.SUBMITTED) {
            throw new Rejection.Conflict("plan-version-submitted", "version " + number + " of the " + year
                    + " plan is waiting for approval; it can change once it is returned").refused();
        }
    }

    private void requireDecidableBy(Actor actor, String act) {
        if (status != PlanStatus.SUBMITTED) {
            throw new Rejection.Conflict("plan-version-not-submitted", "version " + number + " of the " + year
                    + " plan is " + status + "; only a submitted version can be approved or returned").refused();
        }
        if (actor.name().equals(author) || actor.name().equals(submittedBy) || editors.contains(actor.name())) {
            String role = actor.name().equals(author) ? "wrote" : actor.name().equals(submittedBy) ? "submitted"
                    : "changed";
            throw new Rejection.Forbidden("own-plan", "you " + role + " version " + number + " of the " + year
                    + " plan; another national KA manager must " + act + " it").refused();
        }
    }

    private static void requireRegion(ActionItem item, Optional<Region> confinedTo) {
        confinedTo.filter(region -> !Objects.equals(item.region(), region)).ifPresent(region -> {
            String where = item.region() == null ? "national work" : "work in " + item.region();
            throw new Rejection.Forbidden("outside-your-region",
                    "you work in " + region + " and cannot plan " + where).refused();
        });
    }

    private static java.util.List<java.math.BigDecimal> phasingOrNull(PlanContent content) {
        return content.phasing().isEmpty() ? null : content.phasing();
    }

    private PlanVersion withItems(List<PlanItem> newItems, Instant now) {
        return with(status, submittedBy, submittedAt, decidedBy, decidedAt, returnComment, content, newItems, now);
    }

    private PlanVersion with(PlanStatus newStatus, String newSubmittedBy, Instant newSubmittedAt, String newDecidedBy,
                             Instant newDecidedAt, String newReturnComment, PlanContent newContent,
                             List<PlanItem> newItems, Instant now) {
        return new PlanVersion(id, planId, accountId, year, number, newStatus, revisionOf, author, createdAt, now,
                newSubmittedBy, newSubmittedAt, newDecidedBy, newDecidedAt, newReturnComment, newContent, newItems,
                editors, version);
    }
}
