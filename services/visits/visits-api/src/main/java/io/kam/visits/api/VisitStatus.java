package io.kam.visits.api;

/**
 * Where a visit stands. {@code PLANNED} until its log arrives ({@code COMPLETED}); {@code MISSED} when the log did
 * not arrive within the log window after the planned time (a late log, with its reason, still completes it);
 * {@code CANCELLED} when the store closed or the schedule no longer asks for it.
 */
public enum VisitStatus {
    PLANNED, COMPLETED, MISSED, CANCELLED
}
