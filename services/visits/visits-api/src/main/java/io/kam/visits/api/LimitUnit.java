package io.kam.visits.api;

/** What a commitment's amount and a limit are counted in: percent (0 to 100), yuan, or units of free goods. */
public enum LimitUnit {
    PERCENT, YUAN, UNITS
}
