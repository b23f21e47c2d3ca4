package io.kam.negotiations.api;

/** What the ledger warns about a give; none refuses it. */
public enum ConcessionWarning {
    /**
     * We conceded first in the round: the round's first give (the ledger records our concessions, so a round with a
     * give is one in which we moved).
     */
    CONCEDED_FIRST,
    /** The give costs more than the previous give of the negotiation (concede slowly, in shrinking steps). */
    LARGER_THAN_PREVIOUS,
    /** The running cost of the gives is past the concession budget. */
    OVER_BUDGET
}
