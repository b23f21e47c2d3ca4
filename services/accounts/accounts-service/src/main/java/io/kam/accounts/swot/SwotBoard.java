package io.kam.accounts.swot;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kam.accounts.account.AccountLocks;
import io.kam.accounts.api.AccountEvents;
import io.kam.accounts.api.RelationshipRequests.SwotPointDetails;
import io.kam.accounts.api.SwotKind;
import io.kam.accounts.plan.SwotLinks;
import io.kam.platform.domain.ExpectedVersion;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
import io.kam.platform.outbox.Outbox;

/**
 * Adds, changes and removes the points of an account's SWOT analysis and its action key points. The three acts
 * share their loading and locking, so they live together; each is one short method.
 */
@Service
class SwotBoard {

    /** A point as saved, with the points it draws on. */
    record Recorded(SwotPoint point, List<UUID> basedOn) {
    }

    private final AccountLocks locks;
    private final SwotPointRepository points;
    private final SwotBases bases;
    private final Outbox outbox;
    private final Clock clock;
    private final SwotLinks links;

    SwotBoard(AccountLocks locks, SwotPointRepository points, SwotBases bases, Outbox outbox, Clock clock,
              SwotLinks links) {
        this.locks = locks;
        this.points = points;
        this.bases = bases;
        this.outbox = outbox;
        this.clock = clock;
        this.links = links;
    }

    @Transactional
    Recorded add(UUID accountId, SwotPointDetails details, Actor actor) {
        locks.lock(accountId);
        List<UUID> basedOn = basedOn(details);
        SwotPoint.requireValidBasis(details.kind(), basedOn, null, kindsOf(accountId));
        SwotPoint added = points.save(SwotPoint.add(accountId, details, clock.instant()));
        bases.replace(added.id(), basedOn);
        outbox.append(AccountEvents.CATALOG, added.added(basedOn), actor.name());
        return new Recorded(added, basedOn);
    }

    /** Changes a point; when nothing changes, neither does the version, and no event is published. */
    @Transactional
    Recorded change(UUID accountId, UUID pointId, long expectedVersion, SwotPointDetails details, Actor actor) {
        SwotPoint current = load(accountId, pointId);
        ExpectedVersion.require(expectedVersion, current.version());
        List<UUID> basedOn = basedOn(details);
        SwotPoint.requireValidBasis(details.kind(), basedOn, pointId, kindsOf(accountId));
        if (details.kind() == SwotKind.KEY_POINT && current.kind() != SwotKind.KEY_POINT) {
            current.requireNotInUse(bases.usedBy(pointId), "make a key point of");
        }
        SwotPoint changed = current.change(details);
        if (changed.sameAs(current) && basedOn.equals(bases.of(pointId))) {
            return new Recorded(current, basedOn);
        }
        SwotPoint saved = points.update(changed);
        bases.replace(pointId, basedOn);
        outbox.append(AccountEvents.CATALOG, saved.changed(basedOn), actor.name());
        return new Recorded(saved, basedOn);
    }

    /**
     * Removes a point that no key point draws on and no plan item serves; a key point takes its basis with it.
     */
    @Transactional
    void remove(UUID accountId, UUID pointId, long expectedVersion, Actor actor) {
        SwotPoint current = load(accountId, pointId);
        ExpectedVersion.require(expectedVersion, current.version());
        current.requireNotInUse(bases.usedBy(pointId), "remove");
        if (links.isServed(accountId, pointId)) {
            throw new Rejection.Conflict("swot-point-in-plan", "action items of the account's plans serve this "
                    + current.kind() + "; point them elsewhere (or revise the plan) before you remove it").refused();
        }
        points.delete(current);
        outbox.append(AccountEvents.CATALOG, current.removed(), actor.name());
    }

    private SwotPoint load(UUID accountId, UUID pointId) {
        locks.lock(accountId);
        return points.findByIdAndAccountId(pointId, accountId)
                .orElseThrow(() -> new Rejection.NotFound("SWOT point", pointId).refused());
    }

    private Map<UUID, SwotKind> kindsOf(UUID accountId) {
        return points.listOf(accountId).stream().collect(Collectors.toMap(SwotPoint::id, SwotPoint::kind));
    }

    private static List<UUID> basedOn(SwotPointDetails details) {
        return details.basedOn() == null ? List.of() : List.copyOf(details.basedOn());
    }
}
