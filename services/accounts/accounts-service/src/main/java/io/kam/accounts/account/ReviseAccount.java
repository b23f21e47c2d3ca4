package io.kam.accounts.account;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kam.accounts.api.AccountEvents;
import io.kam.accounts.api.AccountRequests;
import io.kam.accounts.api.AccountScope;
import io.kam.platform.domain.ExpectedVersion;
import io.kam.platform.events.Actor;
import io.kam.platform.outbox.Outbox;

/** Changes an account's master data, replacing it whole (PUT) or in part (PATCH), at the version the caller read. */
@Service
public class ReviseAccount {

    private final AccountRepository accounts;
    private final AccountNames names;
    private final Outbox outbox;
    private final Clock clock;

    ReviseAccount(AccountRepository accounts, AccountNames names, Outbox outbox, Clock clock) {
        this.accounts = accounts;
        this.names = names;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Account replace(UUID id, long expectedVersion, AccountRequests.ReviseAccount request, Actor actor) {
        return revise(id, expectedVersion, actor, current -> new Account.Header(request.name(), request.banner(),
                request.format(), request.ownership(), request.headquarters(), request.scope(), request.homeRegion(),
                request.owner(), request.status()));
    }

    @Transactional
    public Account amend(UUID id, long expectedVersion, AccountRequests.AmendAccount patch, Actor actor) {
        return revise(id, expectedVersion, actor, current -> {
            AccountScope scope = or(patch.scope(), current.scope());
            // Turning an account national clears its home region unless the caller sends one (which is refused).
            var homeRegion = patch.homeRegion() != null ? patch.homeRegion()
                    : scope == AccountScope.NATIONAL ? null : current.homeRegion();
            return new Account.Header(or(patch.name(), current.name()), or(patch.banner(), current.banner()),
                    or(patch.format(), current.format()), or(patch.ownership(), current.ownership()),
                    or(patch.headquarters(), current.headquarters()), scope, homeRegion,
                    or(patch.owner(), current.owner()), or(patch.status(), current.status()));
        });
    }

    private Account revise(UUID id, long expectedVersion, Actor actor,
                           java.util.function.UnaryOperator<Account.Header> change) {
        Account current = accounts.findByIdForUpdate(id).orElseThrow(() -> AccountNames.notFound(id));
        ExpectedVersion.require(expectedVersion, current.version());
        var revised = current.revise(change.apply(current.header()), clock.instant());
        if (revised.event() == null) {
            return current;
        }
        Account saved = names.saveUnique(revised.account(), () -> accounts.update(revised.account()));
        outbox.append(AccountEvents.CATALOG, revised.event(), actor.name());
        return saved;
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
