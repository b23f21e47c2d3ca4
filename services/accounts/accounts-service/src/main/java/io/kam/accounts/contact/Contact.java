package io.kam.accounts.contact;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.AccountEvents.ContactAdded;
import io.kam.accounts.api.AccountEvents.ContactChanged;
import io.kam.accounts.api.AccountEvents.ContactRemoved;
import io.kam.accounts.api.AccountRequests.ContactDetails;
import io.kam.accounts.api.ContactLevel;
import io.kam.accounts.api.Department;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

/** A person at the retailer, in one department, at one level. */
@MappedEntity("contact")
public record Contact(@Id UUID id, UUID accountId, String name, Department department, String role,
                      ContactLevel level, @Nullable String phone, @Nullable String email, @Nullable @Version Long version) {

    static Contact add(UUID accountId, ContactDetails details) {
        return new Contact(UUID.randomUUID(), accountId, details.name().strip(), details.department(),
                details.role().strip(), details.level(), blankToNull(details.phone()), blankToNull(details.email()), null);
    }

    Contact change(ContactDetails details) {
        return new Contact(id, accountId, details.name().strip(), details.department(), details.role().strip(),
                details.level(), blankToNull(details.phone()), blankToNull(details.email()), version);
    }

    ContactAdded added() {
        return new ContactAdded(accountId, id, name, department, role, level, phone, email);
    }

    ContactChanged changed() {
        return new ContactChanged(accountId, id, name, department, role, level, phone, email);
    }

    ContactRemoved removed() {
        return new ContactRemoved(accountId, id, department);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
