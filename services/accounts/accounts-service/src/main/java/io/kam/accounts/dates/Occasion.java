package io.kam.accounts.dates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.ImportantDateType;
import io.kam.accounts.api.RelationshipRequests.ImportantDateDetails;
import io.kam.platform.domain.FieldError;
import io.kam.platform.domain.Rejection;

/** What an important date says once its details are checked and its title settled. */
record Occasion(ImportantDateType type, LocalDate date, @Nullable UUID contactId, String title,
                @Nullable String note) {

    /**
     * Checks the details: a birthday belongs to a contact of this account, the anniversaries to no contact, and
     * no date lies ahead of the market's today. A missing title is made from the contact's or the account's name.
     *
     * @param contactName the name of the contact {@code contactId} names in this account; null when it names none
     */
    static Occasion of(ImportantDateDetails details, @Nullable String contactName, String accountName,
                       LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (details.date().isAfter(today)) {
            errors.add(new FieldError("date", "must not be after today (" + today + ") in the market's time zone"));
        }
        boolean birthday = details.type() == ImportantDateType.BIRTHDAY;
        if (birthday && details.contactId() == null) {
            errors.add(new FieldError("contactId", "is required for a BIRTHDAY"));
        } else if (birthday && contactName == null) {
            errors.add(new FieldError("contactId", "is not a contact of this account: " + details.contactId()));
        } else if (!birthday && details.contactId() != null) {
            errors.add(new FieldError("contactId", "must be empty for a " + details.type()
                    + ": only a birthday belongs to a contact"));
        }
        if (!errors.isEmpty()) {
            throw new Rejection.Invalid(errors).refused();
        }
        String title = details.title() == null || details.title().isBlank()
                ? defaultTitle(details.type(), contactName, accountName) : details.title().strip();
        String note = details.note() == null || details.note().isBlank() ? null : details.note().strip();
        return new Occasion(details.type(), details.date(), details.contactId(), title, note);
    }

    static String defaultTitle(ImportantDateType type, @Nullable String contactName, String accountName) {
        return switch (type) {
            case BIRTHDAY -> contactName + "'s birthday";
            case COMPANY_ANNIVERSARY -> accountName + " company anniversary";
            case COOPERATION_ANNIVERSARY -> "Cooperation anniversary with " + accountName;
        };
    }
}
