package io.kam.platform.calendar;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The service's one clock and the market calendar that reads it. A service or a test that declares its own
 * {@link Clock} bean replaces the system clock, and the calendar then reads that one.
 */
@AutoConfiguration
public class KamCalendarAutoConfiguration {

    /** What time it is, in UTC; the market's days come from {@link MarketCalendar}. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    MarketCalendar marketCalendar(Clock clock) {
        return new MarketCalendar(clock);
    }
}
