package io.kam.accounts.plan;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kam.accounts.account.AccountLocks;
import io.kam.accounts.api.AccountEvents;
import io.kam.accounts.api.AccountEvents.AccountEvent;
import io.kam.accounts.api.PlanEvents.ActionItem;
import io.kam.accounts.api.PlanEvents.ActionItemAdded;
import io.kam.accounts.api.PlanEvents.ActionItemChanged;
import io.kam.accounts.api.PlanEvents.ActionItemRemoved;
import io.kam.accounts.api.PlanEvents.PlanTargetsChanged;
import io.kam.accounts.api.PlanEvents.ActionProgressed;
import io.kam.accounts.api.PlanRequests;
import io.kam.accounts.api.Region;
import io.kam.accounts.plan.PlanRows.PlanRow;
import io.kam.accounts.plan.PlanRows.ProgressRow;
import io.kam.platform.domain.ExpectedVersion;
import io.kam.platform.domain.FieldError;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
import io.kam.platform.outbox.Outbox;

/**
 * The use cases of annual business plans. Each takes the account's lock first, so that one account's plan changes
 * run one at a time and its events follow commit order; each saves the change and appends its event to the outbox
 * in the same transaction. Who may act is decided by the caller (see {@code PlansController}); what a version
 * allows is decided by {@link PlanVersion}.
 */
@Service
public class PlanBook {

    private final AccountLocks locks;
    private final PlanStore store;
    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final Clock clock;

    PlanBook(AccountLocks locks, PlanStore store, Outbox outbox, JdbcClient jdbc, Clock clock) {
        this.locks = locks;
        this.store = store;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public PlanVersion create(UUID accountId, PlanRequests.CreatePlan request, Actor actor) {
        locks.lock(accountId);
        store.plan(accountId, request.year()).ifPresent(existing -> {
            throw new Rejection.Conflict("plan-exists", "the account has a plan for " + request.year()
                    + " already: /api/accounts/" + accountId + "/plans/" + request.year()
                    + "; revise it instead of starting another").refused();
        });
        PlanContent content = PlanContent.of(request.planTargets());
        List<PlanRequests.ActionItemInput> inputs = request.actionItems() == null ? List.of() : request.actionItems();
        validateItems(accountId, inputs, "actionItems");
        List<ActionItem> items = inputs.stream().map(input -> item(UUID.randomUUID(), input)).toList();
        Instant now = clock.instant();
        PlanRow plan = store.create(new PlanRow(UUID.randomUUID(), accountId, request.year(), actor.name(), now));
        var drafted = PlanVersion.draft(plan.id(), accountId, plan.year(), content, items, actor, now);
        return publish(store.insert(drafted.version()), drafted.event(), actor);
    }

    @Transactional
    public PlanVersion revise(UUID accountId, int year, Actor actor) {
        locks.lock(accountId);
        PlanVersion latest = store.latest(store.requirePlan(accountId, year));
        var revised = latest.revise(actor, clock.instant());
        return publish(store.insert(revised.version()), revised.event(), actor);
    }

    @Transactional
    public PlanVersion changeTargets(UUID accountId, int year, int number, long expectedVersion,
                                     PlanRequests.PlanTargets request, Actor actor) {
        PlanVersion current = load(accountId, year, number, expectedVersion);
        return save(current, current.changeTargets(PlanContent.of(request), clock.instant()), actor);
    }

    @Transactional
    public PlanVersion submit(UUID accountId, int year, int number, long expectedVersion, Actor actor) {
        PlanVersion current = load(accountId, year, number, expectedVersion);
        return save(current, current.submit(actor, clock.instant()), actor);
    }

    @Transactional
    public PlanVersion approve(UUID accountId, int year, int number, long expectedVersion, Actor actor) {
        PlanVersion current = load(accountId, year, number, expectedVersion);
        return save(current, current.approve(actor, clock.instant()), actor);
    }

    @Transactional
    public PlanVersion returnToAuthor(UUID accountId, int year, int number, long expectedVersion, String comment,
                                      Actor actor) {
        PlanVersion current = load(accountId, year, number, expectedVersion);
        return save(current, current.returnToAuthor(comment, actor, clock.instant()), actor);
    }

    /** Adds an item to a version being worked on; returns the version with it. */
    @Transactional
    public PlanVersion addItem(UUID accountId, int year, int number, PlanRequests.ActionItemInput input,
                               Optional<Region> confinedTo, Actor actor) {
        PlanVersion current = load(accountId, year, number, ExpectedVersion.ANY);
        validateItems(accountId, List.of(input), null);
        var added = current.addItem(item(UUID.randomUUID(), input), confinedTo, clock.instant());
        return save(current, added, actor);
    }

    @Transactional
    public PlanVersion changeItem(UUID accountId, int year, int number, UUID itemId, long expectedItemVersion,
                                  PlanRequests.ActionItemInput input, Optional<Region> confinedTo, Actor actor) {
        PlanVersion current = load(accountId, year, number, ExpectedVersion.ANY);
        ExpectedVersion.require(expectedItemVersion, current.item(itemId).version());
        validateItems(accountId, List.of(input), null);
        return save(current, current.changeItem(item(itemId, input), confinedTo, clock.instant()), actor);
    }

    @Transactional
    public PlanVersion removeItem(UUID accountId, int year, int number, UUID itemId, long expectedItemVersion,
                                  Actor actor) {
        PlanVersion current = load(accountId, year, number, ExpectedVersion.ANY);
        ExpectedVersion.require(expectedItemVersion, current.item(itemId).version());
        return save(current, current.removeItem(itemId, clock.instant()), actor);
    }

    /**
     * Records an item's progress. Progress belongs to the item across the plan's versions, so it is recorded on
     * approved versions too. A coordinator records progress of their region's items only.
     */
    @Transactional
    public ActionProgressed recordProgress(UUID accountId, int year, UUID itemId, PlanRequests.RecordProgress request,
                                           Optional<Region> confinedTo, Actor actor) {
        locks.lock(accountId);
        PlanRow plan = store.requirePlan(accountId, year);
        ActionItem item = store.latestItem(plan.id(), itemId)
                .orElseThrow(() -> new Rejection.NotFound("Action item", itemId).refused());
        confinedTo.filter(region -> region != item.region()).ifPresent(region -> {
            throw new Rejection.Forbidden("outside-your-region", "you work in " + region
                    + " and cannot record progress of " + (item.region() == null ? "national work" : "work in " + item.region())).refused();
        });
        ProgressRow previous = store.progress(plan.id()).get(itemId);
        var previousStatus = previous == null ? io.kam.accounts.api.ActionStatus.PLANNED : previous.status();
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        if (previousStatus == request.status() && note == null) {
            throw new Rejection.BrokenRule("progress-unchanged", "the item is " + previousStatus + " already").refused();
        }
        Instant now = clock.instant();
        store.record(new ProgressRow(UUID.randomUUID(), plan.id(), itemId, request.status(), note, actor.name(), now));
        ActionProgressed event = new ActionProgressed(accountId, plan.id(), year, itemId, request.status(),
                previousStatus, note, actor.name(), now);
        outbox.append(AccountEvents.CATALOG, event, actor.name());
        return event;
    }

    private PlanVersion load(UUID accountId, int year, int number, long expectedVersion) {
        locks.lock(accountId);
        PlanVersion current = store.version(store.requirePlan(accountId, year), number);
        ExpectedVersion.require(expectedVersion, current.version());
        return current;
    }

    private PlanVersion save(PlanVersion before, PlanVersion.Changed<? extends AccountEvent> changed, Actor actor) {
        if (changed.event() == null) {
            return before;
        }
        // Whoever changes what a version sets or plans may not approve it (four eyes).
        AccountEvent event = changed.event();
        boolean edit = event instanceof PlanTargetsChanged || event instanceof ActionItemAdded
                || event instanceof ActionItemChanged || event instanceof ActionItemRemoved;
        PlanVersion after = edit ? changed.version().editedBy(actor.name()) : changed.version();
        return publish(store.update(before, after), changed.event(), actor);
    }

    private PlanVersion publish(PlanVersion saved, AccountEvent event, Actor actor) {
        outbox.append(AccountEvents.CATALOG, event, actor.name());
        return saved;
    }

    /** Every item serves a KPI or a SWOT point, and a SWOT point it serves is one of this account's. */
    private void validateItems(UUID accountId, List<PlanRequests.ActionItemInput> inputs, String listField) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            String prefix = listField == null ? "" : listField + "[" + i + "].";
            UUID point = inputs.get(i).servesSwotPoint();
            if (point == null && inputs.get(i).servesKpi() == null) {
                errors.add(new FieldError(prefix + "servesKpi", "or servesSwotPoint is required: an item serves a KPI or a SWOT point"));
            }
            if (point != null && !swotPointExists(accountId, point)) {
                errors.add(new FieldError(prefix + "servesSwotPoint", "is not a point of this account's SWOT analysis"));
            }
        }
        if (!errors.isEmpty()) {
            throw new Rejection.Invalid(errors).refused();
        }
    }

    private boolean swotPointExists(UUID accountId, UUID pointId) {
        return jdbc.sql("select exists (select 1 from swot_point where id = :id and account_id = :account)")
                .param("id", pointId).param("account", accountId).query(Boolean.class).single();
    }

    private static ActionItem item(UUID itemId, PlanRequests.ActionItemInput input) {
        return new ActionItem(itemId, input.what().strip(), input.owner().strip(), input.due(), input.region(),
                input.servesKpi(), input.servesSwotPoint());
    }
}
