package io.kam.accounts.api;

/** How senior a contact is, for the relationship wall (围墙准则): we want ties at every level. */
public enum ContactLevel {
    STAFF, MANAGER, DIRECTOR, EXECUTIVE
}
