package io.kam.accounts.api;

/** The levels of the relationship wall (围墙准则): we want ties with the buyer, the manager and the director. */
public enum WallLevel {
    BUYER, MANAGER, DIRECTOR
}
