package io.kam.visits.api;

import jakarta.validation.Valid;

/**
 * The three must-discuss points of every visit (三必谈).
 *
 * @param salesStatus          the product's sales status in this channel and the customer's expectations
 * @param marketAndCompetitors market dynamics and competitors
 * @param problemsAndSolutions current problems and their solutions
 */
public record MustDiscuss(@Valid Checkpoint salesStatus, @Valid Checkpoint marketAndCompetitors,
                          @Valid Checkpoint problemsAndSolutions) {
}
