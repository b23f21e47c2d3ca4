package io.kam.visits;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import io.kam.visits.api.TimeSlot;

/** Days and times of the retail market, whose clock visits keep. The first market is China. */
public final class MarketCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private MarketCalendar() {
    }

    /** Today in the market, by the service's clock. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** When a visit planned for this day and slot starts. */
    public static Instant plannedTime(LocalDate day, TimeSlot slot) {
        return day.atTime(slot.start()).atZone(ZONE).toInstant();
    }
}
