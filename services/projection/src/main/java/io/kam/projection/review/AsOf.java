package io.kam.projection.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.domain.Refused;
import io.kam.platform.domain.Rejection;

/**
 * The instant an as-of parameter names: an ISO date is the end of that day in the market's time zone (now, for
 * today), an ISO timestamp with an offset ({@code Z} or {@code +08:00}) that instant. Malformed, or a later day or
 * instant than now, it is a 400 with the parameter's field error.
 */
public final class AsOf {

    private static final String FORMAT =
            "must be an ISO date (2026-12-01) or a timestamp with an offset (2026-12-01T18:00:00+08:00)";

    private AsOf() {
    }

    public static Instant parse(String field, String value, Instant now) {
        String text = value.strip();
        Instant at;
        try {
            LocalDate day = LocalDate.parse(text);
            if (day.isAfter(MarketCalendar.dayOf(now))) {
                throw future(field, now);
            }
            // the day's last microsecond (the journal's precision), or now while the day is today
            Instant endOfDay = day.plusDays(1).atStartOfDay(MarketCalendar.ZONE).toInstant().minusNanos(1_000);
            return endOfDay.isAfter(now) ? now : endOfDay;
        } catch (DateTimeParseException notADate) {
            try {
                at = OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notATimestamp) {
                throw new Rejection.Invalid(field, FORMAT).refused();
            }
        }
        if (at.isAfter(now)) {
            throw future(field, now);
        }
        return at;
    }

    private static Refused future(String field, Instant now) {
        return new Rejection.Invalid(field, "must not be later than now (" + now + ")").refused();
    }
}
