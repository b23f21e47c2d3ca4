package io.kam.accounts.wall;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kam.accounts.account.AccountLocks;
import io.kam.accounts.api.AccountEvents;
import io.kam.accounts.api.Department;
import io.kam.accounts.api.RelationshipRequests.WallCellDetails;
import io.kam.accounts.api.WallLevel;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.domain.ExpectedVersion;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
import io.kam.platform.outbox.Outbox;

/**
 * Assesses one cell of the relationship wall. A cell never assessed is created with {@code If-Match: *}; an
 * assessed one needs its current version (or {@code *}).
 */
@Service
class AssessWallCell {

    private final AccountLocks locks;
    private final WallCellRepository cells;
    private final Outbox outbox;
    private final MarketCalendar calendar;

    AssessWallCell(AccountLocks locks, WallCellRepository cells, Outbox outbox, MarketCalendar calendar) {
        this.locks = locks;
        this.cells = cells;
        this.outbox = outbox;
        this.calendar = calendar;
    }

    @Transactional
    WallCell assess(UUID accountId, Department department, WallLevel level, long expectedVersion,
                    WallCellDetails details, Actor actor) {
        locks.lock(accountId);
        var today = calendar.today();
        var current = cells.findByAccountIdAndDepartmentAndLevel(accountId, department, level);
        WallCell.Assessed assessed;
        if (current.isPresent()) {
            ExpectedVersion.require(expectedVersion, current.get().version());
            assessed = current.get().reassess(details, today, actor.name(), calendar.now());
        } else if (expectedVersion == ExpectedVersion.ANY) {
            assessed = WallCell.first(accountId, department, level, details, today, actor.name(), calendar.now());
        } else {
            throw new Rejection.Conflict("wall-cell-not-assessed", department + " at " + level
                    + " has never been assessed, so it has no version " + expectedVersion
                    + "; assess it with If-Match: *").refused();
        }
        if (assessed.event() == null) {
            return assessed.cell();
        }
        WallCell saved = current.isPresent() ? cells.update(assessed.cell()) : cells.save(assessed.cell());
        outbox.append(AccountEvents.CATALOG, assessed.event(), actor.name());
        return saved;
    }
}
