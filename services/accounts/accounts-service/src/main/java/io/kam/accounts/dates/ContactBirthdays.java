package io.kam.accounts.dates;

import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.kam.accounts.api.AccountEvents;
import io.kam.platform.events.Actor;
import io.kam.platform.outbox.Outbox;

/** A contact's birthdays go with the contact: removed in the contact's removal, each with its event. */
@Component
public class ContactBirthdays {

    private final ImportantDateRepository dates;
    private final Outbox outbox;

    ContactBirthdays(ImportantDateRepository dates, Outbox outbox) {
        this.dates = dates;
        this.outbox = outbox;
    }

    /** Removes the contact's dates; the caller holds the account's lock and removes the contact next. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void removeFor(UUID accountId, UUID contactId, Actor actor) {
        for (ImportantDate date : dates.findByAccountIdAndContactId(accountId, contactId)) {
            dates.delete(date);
            outbox.append(AccountEvents.CATALOG, date.removed(), actor.name());
        }
    }
}
