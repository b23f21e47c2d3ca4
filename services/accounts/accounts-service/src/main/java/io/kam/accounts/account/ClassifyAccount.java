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

/** Re-assesses an account's value tier and role, keeping who, when and why. */
@Service
public class ClassifyAccount {

    private final AccountRepository accounts;
    private final HistoryRepositories.Classifications history;
    private final Outbox outbox;
    private final Clock clock;

    ClassifyAccount(AccountRepository accounts, HistoryRepositories.Classifications history, Outbox outbox, Clock clock) {
        this.accounts = accounts;
        this.history = history;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Account classify(UUID id, long expectedVersion, AccountRequests.Classify request, Actor actor) {
        Account current = accounts.findByIdForUpdate(id).orElseThrow(() -> AccountNames.notFound(id));
        ExpectedVersion.require(expectedVersion, current.version());
        var classified = current.classify(request.tier(), request.role(), request.reason(), actor, clock.instant());
        Account saved = accounts.update(classified.account());
        var event = classified.event();
        history.save(new ClassificationRecord(UUID.randomUUID(), id, event.tier(), event.role(), event.previousTier(),
                event.previousRole(), event.reason(), event.classifiedBy(), event.classifiedAt()));
        outbox.append(AccountEvents.CATALOG, event, actor.name());
        return saved;
    }
}
