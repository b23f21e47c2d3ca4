package io.kam.platform.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * Days and times of the retail market the accounts trade in. The first market is China: store openings and
 * closures, visits, contacts, plans and sell-through figures all count their days in {@value #ZONE_NAME}, whatever
 * the zone of the host or of the clock. What time it is comes from the service's {@link Clock}, so that tests can
 * stop or move it.
 */
public final class MarketCalendar {

    /** The market's time zone, as a constant for annotations ({@code @Scheduled(zone = ...)}) and SQL. */
    public static final String ZONE_NAME = "Asia/Shanghai";
    /** The market's time zone. */
    public static final ZoneId ZONE = ZoneId.of(ZONE_NAME);

    private final Clock clock;

    public MarketCalendar(Clock clock) {
        this.clock = clock;
    }

    /** Now, by the service's clock. */
    public Instant now() {
        return clock.instant();
    }

    /** Today in the market, by the service's clock. */
    public LocalDate today() {
        return dayOf(now());
    }

    /** This year in the market, by the service's clock. */
    public int currentYear() {
        return today().getYear();
    }

    /** The market's day at this instant. */
    public static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZONE);
    }

    /** The instant of this time of day on this day in the market. */
    public static Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(ZONE).toInstant();
    }
}
