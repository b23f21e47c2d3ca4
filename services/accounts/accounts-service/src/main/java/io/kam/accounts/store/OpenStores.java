package io.kam.accounts.store;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kam.accounts.account.AccountLocks;
import io.kam.accounts.api.AccountEvents;
import io.kam.accounts.api.AccountRequests;
import io.kam.platform.domain.Refused;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
import io.kam.platform.outbox.Outbox;
import io.kam.platform.persistence.UniqueViolations;

/**
 * Opens one store or many: all of them or none. Codes already used in the account, or repeated within the
 * request, are a conflict that names every offending code.
 */
@Service
public class OpenStores {

    private final AccountLocks locks;
    private final StoreRepository stores;
    private final Outbox outbox;
    private final Clock clock;

    OpenStores(AccountLocks locks, StoreRepository stores, Outbox outbox, Clock clock) {
        this.locks = locks;
        this.stores = stores;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public List<Store> open(UUID accountId, List<AccountRequests.OpenStore> requests, Actor actor) {
        locks.lock(accountId);
        requireUniqueCodes(accountId, requests);
        Instant now = clock.instant();
        List<Store> opened = requests.stream().map(r -> Store.open(accountId, r, now)).toList();
        List<Store> saved = new ArrayList<>();
        UniqueViolations.guard("store_code_unique", () -> stores.saveAll(opened), () -> duplicate(
                opened.stream().map(Store::code).toList())).forEach(saved::add);
        outbox.appendAll(AccountEvents.CATALOG, saved.stream().map(Store::opened).toList(), actor.name());
        return saved;
    }

    private void requireUniqueCodes(UUID accountId, List<AccountRequests.OpenStore> requests) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        TreeSet<String> repeated = new TreeSet<>();
        for (AccountRequests.OpenStore request : requests) {
            if (seen.merge(request.code().strip(), 1, Integer::sum) > 1) {
                repeated.add(request.code().strip());
            }
        }
        if (!repeated.isEmpty()) {
            throw new Rejection.Conflict("duplicate-store-code", "store codes repeated in the request: " + repeated).refused();
        }
        List<Store> existing = stores.findByAccountIdAndCodeInList(accountId, seen.keySet());
        if (!existing.isEmpty()) {
            throw duplicate(existing.stream().map(Store::code).toList());
        }
    }

    private static Refused duplicate(List<String> codes) {
        return new Rejection.Conflict("duplicate-store-code",
                "the account already has stores with codes " + new TreeSet<>(codes)).refused();
    }
}
