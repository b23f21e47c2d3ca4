package io.kam.accounts.contact;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kam.accounts.account.AccountLocks;
import io.kam.accounts.api.AccountEvents;
import io.kam.accounts.api.AccountRequests.ContactDetails;
import io.kam.accounts.dates.ContactBirthdays;
import io.kam.platform.domain.ExpectedVersion;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
import io.kam.platform.outbox.Outbox;

/**
 * Adds, changes and removes an account's contacts. The three acts share their loading and locking, so they
 * live together; each is one short method.
 */
@Service
public class ContactBook {

    private final AccountLocks locks;
    private final ContactRepository contacts;
    private final ContactBirthdays birthdays;
    private final Outbox outbox;

    ContactBook(AccountLocks locks, ContactRepository contacts, ContactBirthdays birthdays, Outbox outbox) {
        this.locks = locks;
        this.contacts = contacts;
        this.birthdays = birthdays;
        this.outbox = outbox;
    }

    @Transactional
    public Contact add(UUID accountId, ContactDetails details, Actor actor) {
        locks.lock(accountId);
        Contact added = contacts.save(Contact.add(accountId, details));
        outbox.append(AccountEvents.CATALOG, added.added(), actor.name());
        return added;
    }

    @Transactional
    public Contact change(UUID accountId, UUID contactId, long expectedVersion, ContactDetails details, Actor actor) {
        Contact current = load(accountId, contactId);
        ExpectedVersion.require(expectedVersion, current.version());
        Contact changed = contacts.update(current.change(details));
        outbox.append(AccountEvents.CATALOG, changed.changed(), actor.name());
        return changed;
    }

    /** Removes the contact and, before it, the contact's birthdays, each with its event. */
    @Transactional
    public void remove(UUID accountId, UUID contactId, long expectedVersion, Actor actor) {
        Contact current = load(accountId, contactId);
        ExpectedVersion.require(expectedVersion, current.version());
        birthdays.removeFor(accountId, contactId, actor);
        contacts.delete(current);
        outbox.append(AccountEvents.CATALOG, current.removed(), actor.name());
    }

    private Contact load(UUID accountId, UUID contactId) {
        locks.lock(accountId);
        return contacts.findByIdAndAccountId(contactId, accountId)
                .orElseThrow(() -> new Rejection.NotFound("Contact", contactId).refused());
    }
}
