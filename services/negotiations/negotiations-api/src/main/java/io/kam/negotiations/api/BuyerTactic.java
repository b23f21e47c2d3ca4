package io.kam.negotiations.api;

/** The buyer's tactics a counterpart claim is tagged with (谈判中买手的惯用手法). */
public enum BuyerTactic {
    /** "Your competitor offers better." */
    COMPETITOR_OFFERS_BETTER,
    /** A threat of delisting or of less shelf space. */
    DELISTING_OR_LESS_SHELF,
    /** A superior attends, or the buyer escalates to one. */
    ESCALATION_TO_SUPERIOR,
    /** "We must close today": pressure of a deadline. */
    DEADLINE_PRESSURE,
    /** The buyer refuses the first offer, whatever it is. */
    NEVER_ACCEPT_FIRST_OFFER,
    /** A claim that fits none of the above (here so that one needs no new event version). */
    OTHER
}
