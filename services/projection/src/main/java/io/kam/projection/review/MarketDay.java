package io.kam.projection.review;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.stereotype.Component;

/** The calendar of the market the accounts trade in: what "today" and "this year" mean for a review. */
@Component
class MarketDay {

    /** The market's time zone, as in the accounts service. */
    static final ZoneId MARKET_ZONE = ZoneId.of("Asia/Shanghai");

    private final Clock clock;

    MarketDay(Clock clock) {
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(MARKET_ZONE));
    }
}
