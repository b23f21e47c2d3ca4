package io.kam.accounts.dates;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import io.kam.accounts.api.ImportantDateType;
import io.kam.accounts.api.RelationshipViews.Reminder;

/**
 * Which important dates come up soon. A date recurs on its anniversaries, starting with the first: a date
 * recorded today is first remembered a year from now. 29 February falls on 28 February in other years.
 */
final class Reminders {

    private Reminders() {
    }

    /** An important date with the names a reminder shows. */
    record Dated(UUID accountId, String accountName, UUID dateId, ImportantDateType type, String title,
                 UUID contactId, String contactName, LocalDate date) {
    }

    /**
     * The dates whose next anniversary falls within {@code days} days of today (today itself included), soonest
     * first, then by account name.
     */
    static List<Reminder> upcoming(Collection<Dated> dates, LocalDate today, int days) {
        LocalDate last = today.plusDays(days);
        return dates.stream()
                .map(d -> reminder(d, nextOccurrence(d.date(), today), today))
                .filter(r -> !r.nextOccurrence().isAfter(last))
                .sorted(Comparator.comparing(Reminder::nextOccurrence)
                        .thenComparing(Reminder::accountName, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(Reminder::title).thenComparing(Reminder::dateId))
                .toList();
    }

    /** The first anniversary of {@code date} on or after today, and at least one year after the date itself. */
    static LocalDate nextOccurrence(LocalDate date, LocalDate today) {
        long years = Math.max(1, today.getYear() - date.getYear());
        LocalDate next = date.plusYears(years);
        return next.isBefore(today) ? date.plusYears(years + 1) : next;
    }

    private static Reminder reminder(Dated d, LocalDate next, LocalDate today) {
        return new Reminder(d.accountId(), d.accountName(), d.dateId(), d.type(), d.title(), d.contactId(),
                d.contactName(), d.date(), next, ChronoUnit.DAYS.between(today, next), next.getYear() - d.date().getYear());
    }
}
