package io.kam.accounts.account;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Dates of the retail market: store openings and closures, contacts, birthdays. The first market is China. */
public final class MarketCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private MarketCalendar() {
    }

    /** Today in the market, by the service's clock. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
