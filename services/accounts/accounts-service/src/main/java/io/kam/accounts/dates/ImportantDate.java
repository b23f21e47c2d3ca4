package io.kam.accounts.dates;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.ImportantDateType;
import io.kam.accounts.api.RelationshipEvents.ImportantDateAdded;
import io.kam.accounts.api.RelationshipEvents.ImportantDateChanged;
import io.kam.accounts.api.RelationshipEvents.ImportantDateRemoved;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.data.annotation.Version;

/**
 * A date worth a greeting or an invitation (relationship upkeep): a contact's birthday, the company's anniversary
 * or our cooperation's. {@code date} is the original date; reminders fall on its anniversaries.
 */
@MappedEntity("important_date")
public record ImportantDate(@Id UUID id, UUID accountId, ImportantDateType type,
                            @MappedProperty("original_date") LocalDate date, @Nullable UUID contactId, String title,
                            @Nullable String note, @Nullable @Version Long version) {

    static ImportantDate add(UUID accountId, Occasion occasion) {
        return new ImportantDate(UUID.randomUUID(), accountId, occasion.type(), occasion.date(),
                occasion.contactId(), occasion.title(), occasion.note(), null);
    }

    ImportantDate change(Occasion occasion) {
        return new ImportantDate(id, accountId, occasion.type(), occasion.date(), occasion.contactId(),
                occasion.title(), occasion.note(), version);
    }

    boolean sameAs(ImportantDate other) {
        return type == other.type && date.equals(other.date) && Objects.equals(contactId, other.contactId)
                && title.equals(other.title) && Objects.equals(note, other.note);
    }

    ImportantDateAdded added() {
        return new ImportantDateAdded(accountId, id, type, date, contactId, title, note);
    }

    ImportantDateChanged changed() {
        return new ImportantDateChanged(accountId, id, type, date, contactId, title, note);
    }

    ImportantDateRemoved removed() {
        return new ImportantDateRemoved(accountId, id, type);
    }
}
