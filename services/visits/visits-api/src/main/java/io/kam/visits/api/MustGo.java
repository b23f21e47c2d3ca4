package io.kam.visits.api;

import jakarta.validation.Valid;

/**
 * The three must-go places of every visit (三必到).
 *
 * @param shelf         the shelf, to see our product on it
 * @param tradeFlow     the trade, to see how the product flows
 * @param staffTraining the customer's own staff, to train them
 */
public record MustGo(@Valid Checkpoint shelf, @Valid Checkpoint tradeFlow, @Valid Checkpoint staffTraining) {
}
