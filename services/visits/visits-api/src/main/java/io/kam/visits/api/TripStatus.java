package io.kam.visits.api;

/**
 * A trip plan (出差计划) is {@code PROPOSED} by the travelling coordinator, {@code AGREED} by a national KA manager before
 * it starts, or {@code RETURNED} with a comment (its visits are free again; a new proposal takes them); after the
 * trip its market assessment makes it {@code REPORTED}.
 */
public enum TripStatus {
    PROPOSED, AGREED, RETURNED, REPORTED
}
