package io.kam.accounts.store;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kam.accounts.account.AccountLocks;
import io.kam.accounts.api.AccountEvents;
import io.kam.accounts.api.AccountRequests;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
import io.kam.platform.outbox.Outbox;

/** Closes a store, keeping it for history; its region stops counting it. */
@Service
public class CloseStore {

    private final AccountLocks locks;
    private final StoreRepository stores;
    private final Outbox outbox;
    private final MarketCalendar calendar;

    CloseStore(AccountLocks locks, StoreRepository stores, Outbox outbox, MarketCalendar calendar) {
        this.locks = locks;
        this.stores = stores;
        this.outbox = outbox;
        this.calendar = calendar;
    }

    @Transactional
    public Store close(UUID accountId, UUID storeId, AccountRequests.CloseStore request, Actor actor) {
        locks.lock(accountId);
        Store store = stores.findByIdAndAccountId(storeId, accountId)
                .orElseThrow(() -> new Rejection.NotFound("Store", storeId).refused());
        LocalDate today = calendar.today();
        LocalDate on = request.closedOn() != null ? request.closedOn() : today;
        Store closed = stores.update(store.close(on, today, request.reason()));
        outbox.append(AccountEvents.CATALOG, closed.closed(), actor.name());
        return closed;
    }
}
