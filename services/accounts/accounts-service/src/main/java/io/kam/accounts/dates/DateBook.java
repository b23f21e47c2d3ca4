package io.kam.accounts.dates;

import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kam.accounts.account.Account;
import io.kam.accounts.account.AccountLocks;
import io.kam.accounts.api.AccountEvents;
import io.kam.accounts.api.ImportantDateType;
import io.kam.accounts.api.RelationshipRequests.ImportantDateDetails;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.domain.ExpectedVersion;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
import io.kam.platform.outbox.Outbox;
import io.kam.platform.persistence.UniqueViolations;

/**
 * Adds, changes and removes an account's important dates. A contact has one birthday and an account one company
 * anniversary; cooperation anniversaries may be several (one per business line, say).
 */
@Service
class DateBook {

    private final AccountLocks locks;
    private final ImportantDateRepository dates;
    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final MarketCalendar calendar;

    DateBook(AccountLocks locks, ImportantDateRepository dates, JdbcClient jdbc, Outbox outbox,
             MarketCalendar calendar) {
        this.locks = locks;
        this.dates = dates;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.calendar = calendar;
    }

    @Transactional
    ImportantDate add(UUID accountId, ImportantDateDetails details, Actor actor) {
        Account account = locks.lock(accountId);
        ImportantDate added = unique(() -> dates.save(ImportantDate.add(accountId, occasion(account, details))));
        outbox.append(AccountEvents.CATALOG, added.added(), actor.name());
        return added;
    }

    /** Changes a date; when nothing changes, neither does the version, and no event is published. */
    @Transactional
    ImportantDate change(UUID accountId, UUID dateId, long expectedVersion, ImportantDateDetails details, Actor actor) {
        Account account = locks.lock(accountId);
        ImportantDate current = load(accountId, dateId);
        ExpectedVersion.require(expectedVersion, current.version());
        ImportantDate changed = current.change(occasion(account, details));
        if (changed.sameAs(current)) {
            return current;
        }
        ImportantDate saved = unique(() -> dates.update(changed));
        outbox.append(AccountEvents.CATALOG, saved.changed(), actor.name());
        return saved;
    }

    @Transactional
    void remove(UUID accountId, UUID dateId, long expectedVersion, Actor actor) {
        locks.lock(accountId);
        ImportantDate current = load(accountId, dateId);
        ExpectedVersion.require(expectedVersion, current.version());
        dates.delete(current);
        outbox.append(AccountEvents.CATALOG, current.removed(), actor.name());
    }

    private ImportantDate load(UUID accountId, UUID dateId) {
        return dates.findByIdAndAccountId(dateId, accountId)
                .orElseThrow(() -> new Rejection.NotFound("Important date", dateId).refused());
    }

    private Occasion occasion(Account account, ImportantDateDetails details) {
        String contactName = details.contactId() == null ? null : jdbc.sql(
                        "select name from contact where id = :id and account_id = :accountId")
                .param("id", details.contactId()).param("accountId", account.id())
                .query(String.class).optional().orElse(null);
        return Occasion.of(details, contactName, account.name(), calendar.today());
    }

    /** Saves, turning a second birthday of one contact or a second founding date into a conflict. */
    private static ImportantDate unique(Supplier<ImportantDate> write) {
        return UniqueViolations.guard("important_date_one_birthday",
                () -> UniqueViolations.guard("important_date_one_founding", write,
                        () -> new Rejection.Conflict("duplicate-company-anniversary", "the account already has its "
                                + ImportantDateType.COMPANY_ANNIVERSARY + "; change that one").refused()),
                () -> new Rejection.Conflict("duplicate-birthday", "this contact's birthday is already recorded; "
                        + "change that one").refused());
    }
}
