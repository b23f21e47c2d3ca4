package io.kam.accounts.api;

/** Commercial status of an account. */
public enum AccountStatus {
    ACTIVE, ON_HOLD, CLOSED
}
