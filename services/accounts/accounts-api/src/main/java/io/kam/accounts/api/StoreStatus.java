package io.kam.accounts.api;

/** Whether a store trades. */
public enum StoreStatus {
    OPEN, CLOSED
}
