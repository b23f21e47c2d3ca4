package io.kam.accounts.api;

/** Whether an account is managed nationally or within one home region. */
public enum AccountScope {
    NATIONAL, REGIONAL
}
