package io.kam.accounts.account;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kam.accounts.api.AccountEvents;
import io.kam.accounts.api.AccountRequests;
import io.kam.accounts.api.AccountStatus;
import io.kam.accounts.api.DevelopmentStage;
import io.kam.platform.events.Actor;
import io.kam.platform.outbox.Outbox;

/** Opens an account for a retailer: saves it and appends {@code kam.account.opened}, in one transaction. */
@Service
public class OpenAccount {

    private final AccountRepository accounts;
    private final HistoryRepositories.Stages stages;
    private final AccountNames names;
    private final Outbox outbox;
    private final Clock clock;

    OpenAccount(AccountRepository accounts, HistoryRepositories.Stages stages, AccountNames names, Outbox outbox,
                Clock clock) {
        this.accounts = accounts;
        this.stages = stages;
        this.names = names;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Account open(AccountRequests.OpenAccount request, Actor actor) {
        Account.Header header = new Account.Header(request.name(), request.banner(), request.format(),
                request.ownership(), request.headquarters(), request.scope(), request.homeRegion(), request.owner(),
                AccountStatus.ACTIVE);
        var opened = Account.open(UUID.randomUUID(), header, request.stage(), request.stageEvidence(), clock.instant());
        Account saved = names.saveUnique(opened.account(), () -> accounts.save(opened.account()));
        if (saved.stage() != DevelopmentStage.TARGET_EVALUATION) {
            stages.save(new StageRecord(UUID.randomUUID(), saved.id(), DevelopmentStage.TARGET_EVALUATION, saved.stage(),
                    request.stageEvidence().strip(), "entered at this stage when the account was opened", actor.name(),
                    saved.createdAt()));
        }
        outbox.append(AccountEvents.CATALOG, opened.event(), actor.name());
        return saved;
    }

    /**
     * Opens an account under an id decided elsewhere, at the first development stage: a converted prospect becomes
     * the account its events were keyed by. Same rules, same unique name, same event as {@link #open}.
     */
    @Transactional
    public Account open(UUID id, Account.Header header, Actor actor) {
        var opened = Account.open(id, header, DevelopmentStage.TARGET_EVALUATION, null, clock.instant());
        Account saved = names.saveUnique(opened.account(), () -> accounts.save(opened.account()));
        outbox.append(AccountEvents.CATALOG, opened.event(), actor.name());
        return saved;
    }
}
