package io.kam.accounts.dates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.ImportantDateType;
import io.kam.accounts.api.RelationshipViews.Reminder;

/** Reminders: given important dates and today, which anniversaries come up, when, and how many years they mark. */
class RemindersTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    @Test
    void theNextOccurrenceIsThisYearsAnniversaryUnlessItHasPassed() {
        assertThat(Reminders.nextOccurrence(LocalDate.of(1981, 12, 9), TODAY)).isEqualTo(LocalDate.of(2026, 12, 9));
        assertThat(Reminders.nextOccurrence(LocalDate.of(1981, 11, 19), TODAY)).isEqualTo(LocalDate.of(2027, 11, 19));
        assertThat(Reminders.nextOccurrence(LocalDate.of(1981, 11, 20), TODAY)).as("today counts")
                .isEqualTo(TODAY);
    }

    @Test
    void theFirstOccurrenceIsTheFirstAnniversary() {
        assertThat(Reminders.nextOccurrence(TODAY, TODAY)).isEqualTo(LocalDate.of(2027, 11, 20));
        assertThat(Reminders.nextOccurrence(LocalDate.of(2026, 3, 1), TODAY)).isEqualTo(LocalDate.of(2027, 3, 1));
    }

    @Test
    void theTwentyNinthOfFebruaryFallsOnTheTwentyEighthInOtherYears() {
        LocalDate leapDay = LocalDate.of(1984, 2, 29);

        assertThat(Reminders.nextOccurrence(leapDay, LocalDate.of(2027, 1, 10))).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(Reminders.nextOccurrence(leapDay, LocalDate.of(2028, 1, 10))).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(Reminders.nextOccurrence(leapDay, LocalDate.of(2027, 3, 1))).isEqualTo(LocalDate.of(2028, 2, 29));
        var onTheTwentyEighth = Reminders.upcoming(List.of(dated("Acme", leapDay)), LocalDate.of(2027, 2, 28), 0);
        assertThat(onTheTwentyEighth).singleElement().satisfies(r -> {
            assertThat(r.daysUntil()).isZero();
            assertThat(r.yearsSince()).isEqualTo(43);
        });
    }

    @Test
    void remindersReachAcrossTheYearBoundary() {
        LocalDate today = LocalDate.of(2026, 12, 20);

        var reminders = Reminders.upcoming(List.of(dated("Yangtze Hyper", LocalDate.of(2012, 1, 5)),
                dated("Pearl Fresh", LocalDate.of(2012, 1, 25))), today, 30);

        assertThat(reminders).singleElement().satisfies(r -> {
            assertThat(r.nextOccurrence()).isEqualTo(LocalDate.of(2027, 1, 5));
            assertThat(r.daysUntil()).isEqualTo(16);
            assertThat(r.yearsSince()).as("the 15th cooperation anniversary").isEqualTo(15);
        });
    }

    @Test
    void onlyDatesWithinTheWindowAreDueSoonestFirstThenByAccountName() {
        var dates = List.of(dated("Yangtze Hyper", LocalDate.of(2000, 12, 1)),
                dated("auchan east", LocalDate.of(2010, 12, 1)),
                dated("Beijing Mart", LocalDate.of(2015, 11, 21)),
                dated("Lianhua", LocalDate.of(2015, 12, 21)));

        List<Reminder> reminders = Reminders.upcoming(dates, TODAY, 30);

        assertThat(reminders).extracting(Reminder::accountName)
                .containsExactly("Beijing Mart", "auchan east", "Yangtze Hyper");
        assertThat(reminders).extracting(Reminder::daysUntil).containsExactly(1L, 11L, 11L);
        assertThat(Reminders.upcoming(dates, TODAY, 31)).hasSize(4);
        assertThat(Reminders.upcoming(dates, TODAY, 0)).isEmpty();
    }

    private static Reminders.Dated dated(String accountName, LocalDate date) {
        return new Reminders.Dated(UUID.randomUUID(), accountName, UUID.randomUUID(),
                ImportantDateType.COOPERATION_ANNIVERSARY, "First order", null, null, date);
    }
}
