package io.kam.visits.api;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A problem a trip found and the solution proposed for it.
 *
 * @param visitId  the trip's visit it was found at; null for a finding about the market as a whole
 * @param problem  the problem found
 * @param solution the solution proposed
 */
public record Finding(UUID visitId, @NotBlank @Size(max = 2000) String problem, @NotBlank @Size(max = 2000) String solution) {
}
