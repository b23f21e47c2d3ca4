package io.kam.visits.api;

/** How far the visit reached its objective. */
public enum VisitOutcome {
    OBJECTIVE_MET, PARTLY_MET, NOT_MET
}
