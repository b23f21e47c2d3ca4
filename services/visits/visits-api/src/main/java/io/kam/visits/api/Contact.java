package io.kam.visits.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Whom the coordinator meets: a person at the store or at the retailer's head office (总部).
 *
 * @param name       the contact's name
 * @param position   their position, for example "store manager" or "category buyer, dairy"; may be null
 * @param headOffice whether they work at the head office rather than in the store
 */
public record Contact(@NotBlank @Size(max = 100) String name, @Size(max = 100) String position, boolean headOffice) {
}
