package io.kam.visits.api;

/**
 * How often a store must be visited under a frequency standard (拜访频率的标准): twice a week, every week, every
 * second week, or once a calendar month.
 */
public enum VisitFrequency {
    TWICE_WEEKLY, WEEKLY, FORTNIGHTLY, MONTHLY
}
