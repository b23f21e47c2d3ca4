package io.kam.visits.api;

/**
 * Why a visit was cancelled: its store closed; its account was reclassified and the new tier's standard asks for
 * other dates; the standard for its tier and store format changed.
 */
public enum CancellationReason {
    STORE_CLOSED, ACCOUNT_RECLASSIFIED, STANDARD_CHANGED
}
