package io.kam.visits.api;

/**
 * Where a visit came from: {@code SCHEDULE}, generated from the visit frequency standards (拜访频率的标准) and kept in
 * step with them; {@code AD_HOC}, planned by a person (or as the next appointment agreed at a visit), which the
 * schedule never touches.
 */
public enum VisitOrigin {
    SCHEDULE, AD_HOC
}
