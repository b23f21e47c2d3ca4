package io.kam.projection.review;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.AccountEvents.AccountClassified;
import io.kam.accounts.api.AccountEvents.AccountEvent;
import io.kam.accounts.api.AccountEvents.AccountOpened;
import io.kam.accounts.api.AccountEvents.AccountStageChanged;
import io.kam.accounts.api.AccountEvents.AccountUpdated;
import io.kam.accounts.api.AccountEvents.ContactAdded;
import io.kam.accounts.api.AccountEvents.ContactChanged;
import io.kam.accounts.api.AccountEvents.ContactRemoved;
import io.kam.accounts.api.AccountEvents.StoreClosed;
import io.kam.accounts.api.AccountEvents.StoreOpened;
import io.kam.platform.events.EventEnvelope;

/**
 * Applies one account event to the review tables, inside the transaction that records it as processed. Every
 * write is an upsert keyed by the thing it describes (account, store, contact, event), so applying an event twice
 * leaves the same rows; counts are derived from the rows, never incremented. Events may arrive for an account whose
 * opening was not seen: the account is then known by its id until its header arrives.
 */
@Component
class ReviewProjector {

    private final AccountRows accounts;
    private final AppliedEvents applied;
    private final StoreRows stores;
    private final ContactRows contacts;
    private final TimelineRows timeline;

    ReviewProjector(AccountRows accounts, AppliedEvents applied, StoreRows stores, ContactRows contacts,
                    TimelineRows timeline) {
        this.accounts = accounts;
        this.applied = applied;
        this.stores = stores;
        this.contacts = contacts;
        this.timeline = timeline;
    }

    void apply(EventEnvelope envelope, AccountEvent event) {
        if (applied.record(envelope.id(), event.accountId(), envelope.type(), envelope.time()) == 0) {
            return;
        }
        accounts.know(event.accountId());
        switch (event) {
            case AccountOpened e -> accounts.update(account(e).opened(e));
            case AccountUpdated e -> accounts.update(account(e).updated(e));
            case StoreOpened e -> stores.put(e.storeId(), e.accountId(), e.code(), e.region().name(), true, null);
            case StoreClosed e -> stores.put(e.storeId(), e.accountId(), e.code(), e.region().name(), false, e.closedOn());
            case ContactAdded e -> contacts.put(e.contactId(), e.accountId(), e.department().name(), name(e.level()));
            case ContactChanged e -> contacts.put(e.contactId(), e.accountId(), e.department().name(), name(e.level()));
            case ContactRemoved e -> contacts.deleteById(e.contactId());
            case AccountClassified e -> {
                accounts.update(account(e).classified(e.tier(), e.role()));
                record(envelope.id(), TimelineRow.of(envelope.id(), e));
            }
            case AccountStageChanged e -> {
                accounts.update(account(e).staged(e.to()));
                record(envelope.id(), TimelineRow.of(envelope.id(), e));
            }
        }
    }

    private AccountRow account(AccountEvent event) {
        return accounts.findById(event.accountId()).orElseThrow();
    }

    private static @Nullable String name(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }

    private void record(UUID eventId, TimelineRow change) {
        if (!timeline.existsById(eventId)) {
            timeline.save(change);
        }
    }
}
