package io.kam.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class MarketCalendarTest {

    /** 2026-12-31 16:30 in UTC, 2027-01-01 00:30 in Shanghai. */
    private static final Instant NEW_YEAR_IN_SHANGHAI = Instant.parse("2026-12-31T16:30:00Z");

    @Test
    void theMarketsDayStartsEightHoursBeforeUtcs() {
        var calendar = new MarketCalendar(Clock.fixed(NEW_YEAR_IN_SHANGHAI, ZoneOffset.UTC));

        assertThat(calendar.now()).isEqualTo(NEW_YEAR_IN_SHANGHAI);
        assertThat(calendar.today()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(calendar.currentYear()).isEqualTo(2027);
        assertThat(MarketCalendar.dayOf(NEW_YEAR_IN_SHANGHAI.minusSeconds(30 * 60 + 1)))
                .isEqualTo(LocalDate.of(2026, 12, 31));
    }

    @Test
    void theClocksOwnZoneDoesNotMatter() {
        var inNewYork = new MarketCalendar(Clock.fixed(NEW_YEAR_IN_SHANGHAI, ZoneId.of("America/New_York")));

        assertThat(inNewYork.today()).isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    void aTimeOfDayIsInTheMarketsZone() {
        assertThat(MarketCalendar.at(LocalDate.of(2027, 1, 1), LocalTime.of(0, 30))).isEqualTo(NEW_YEAR_IN_SHANGHAI);
        assertThat(MarketCalendar.ZONE.getId()).isEqualTo(MarketCalendar.ZONE_NAME);
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KamCalendarAutoConfiguration.class));

    @Test
    void aServiceGetsTheSystemClockInUtc() {
        context.run(started -> {
            assertThat(started.getBean(Clock.class).getZone()).isEqualTo(ZoneOffset.UTC);
            assertThat(started).hasSingleBean(MarketCalendar.class);
        });
    }

    @Test
    void aClockOfItsOwnReplacesTheSystemClockAndTheCalendarReadsIt() {
        context.withBean(Clock.class, () -> Clock.fixed(NEW_YEAR_IN_SHANGHAI, ZoneOffset.UTC))
                .run(started -> {
                    assertThat(started).hasSingleBean(Clock.class);
                    assertThat(started.getBean(MarketCalendar.class).today()).isEqualTo(LocalDate.of(2027, 1, 1));
                });
    }
}
