package io.kam.negotiations.api;

/** Why a give needed a second national KA manager's override. */
public enum OverrideGround {
    /** It is linked to no get: an unreturned give, flagged for good. */
    NO_GET,
    /** It takes the term past its walk-away position (or adds a term the preparation did not have). */
    BEYOND_WALK_AWAY
}
