package io.kam.negotiations.terms;

import java.util.UUID;

import io.kam.negotiations.api.NegotiationEvents.TermValue;
import io.kam.negotiations.api.TermKind;

/** A term at one value: its id, canonical kind, the buyer's name for it, and the value. */
public record Term(UUID termId, TermKind kind, String buyerName, TermValue value) {
}
