package io.kam.visits.api;

import java.time.LocalTime;

/**
 * The part of the day a visit is planned for; the best one depends on the customer. Each slot starts at a fixed
 * time of the market's day, which is the visit's planned time: the log window runs from it.
 */
public enum TimeSlot {
    /** Before the store opens (开店前), from 07:30. */
    BEFORE_OPENING(LocalTime.of(7, 30)),
    /** Trading hours (营业时间), from 10:00. */
    TRADING_HOURS(LocalTime.of(10, 0)),
    /** The evening (晚上), from 19:00. */
    EVENING(LocalTime.of(19, 0));

    private final LocalTime start;

    TimeSlot(LocalTime start) {
        this.start = start;
    }

    public LocalTime start() {
        return start;
    }
}
