package io.kam.sellthrough.batch;

import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.kam.platform.domain.DataScope;
import io.kam.platform.domain.Refused;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
import io.kam.sellthrough.replica.Directory;
import io.kam.sellthrough.settings.SettingsStore;

/**
 * The account a push is for, named by id or by retailer code (or, for a retailer-bound integration, neither: its own).
 * A bound integration naming another account is refused before anything about that account is looked up.
 */
@Component
class PushTarget {

    private final Directory directory;
    private final SettingsStore settings;

    PushTarget(Directory directory, SettingsStore settings) {
        this.directory = directory;
        this.settings = settings;
    }

    /**
     * @throws Refused with {@link Rejection.Forbidden} for a bound integration naming another account
     * @throws Refused with {@link Rejection.NotFound} for an account or retailer code the service does not know
     */
    UUID of(Actor actor, @Nullable UUID account, @Nullable String retailer) {
        if (account != null && retailer != null) {
            throw new Rejection.Invalid("retailer", "name the account either by id (account) or by retailer code, not both").refused();
        }
        Optional<UUID> bound = DataScope.account(actor);
        UUID target = account;
        if (target == null && retailer != null) {
            Optional<UUID> named = settings.accountOf(retailer);
            if (named.isEmpty() && bound.isPresent()) {
                throw notYourRetailer(bound.get());
            }
            target = named.orElseThrow(() -> new Rejection.NotFound("Retailer code", retailer).refused());
        }
        if (target == null) {
            target = bound.orElseThrow(() -> new Rejection.Invalid("account", "name the account: account=<id> or retailer=<code>").refused());
        }
        if (bound.isPresent() && !bound.get().equals(target)) {
            throw notYourRetailer(bound.get());
        }
        UUID id = target;
        directory.account(id).orElseThrow(() -> new Rejection.NotFound("Account", id).refused());
        return id;
    }

    private static Refused notYourRetailer(UUID bound) {
        return new Rejection.Forbidden("not-your-retailer",
                "this client is bound to the retailer account " + bound + " and may send rows for it only").refused();
    }
}
