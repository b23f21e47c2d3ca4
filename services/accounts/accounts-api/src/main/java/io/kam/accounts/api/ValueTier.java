package io.kam.accounts.api;

/** Value tier by contribution: A accounts carry the business. */
public enum ValueTier {
    A, B, C
}
