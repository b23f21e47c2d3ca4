package io.kam.accounts.account;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kam.accounts.api.AccountEvents;
import io.kam.accounts.api.AccountRequests;
import io.kam.platform.domain.ExpectedVersion;
import io.kam.platform.events.Actor;
import io.kam.platform.outbox.Outbox;

/** Moves an account in the development model (大客户发展模型) with its evidence. */
@Service
public class ChangeStage {

    private final AccountRepository accounts;
    private final HistoryRepositories.Stages history;
    private final Outbox outbox;
    private final Clock clock;

    ChangeStage(AccountRepository accounts, HistoryRepositories.Stages history, Outbox outbox, Clock clock) {
        this.accounts = accounts;
        this.history = history;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Account change(UUID id, long expectedVersion, AccountRequests.ChangeStage request, Actor actor) {
        Account current = accounts.findByIdForUpdate(id).orElseThrow(() -> AccountNames.notFound(id));
        ExpectedVersion.require(expectedVersion, current.version());
        var moved = current.changeStage(request.stage(), request.evidence(), request.reason(), actor, clock.instant());
        Account saved = accounts.update(moved.account());
        var event = moved.event();
        history.save(new StageRecord(UUID.randomUUID(), id, event.from(), event.to(), event.evidence(), event.reason(),
                event.changedBy(), event.changedAt()));
        outbox.append(AccountEvents.CATALOG, event, actor.name());
        return saved;
    }
}
