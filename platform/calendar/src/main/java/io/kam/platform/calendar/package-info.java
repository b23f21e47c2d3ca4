/**
 * The calendar of the retail market the platform serves: its time zone and what "today" means there
 * ({@link io.kam.platform.calendar.MarketCalendar}), from the one {@link java.time.Clock} of the service.
 */
@NullMarked
package io.kam.platform.calendar;

import org.jspecify.annotations.NullMarked;
