package io.kam.accounts.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A postal address. */
public record Address(
        @NotBlank @Size(max = 200) String street,
        @NotBlank @Size(max = 100) String city,
        @Size(max = 100) String province,
        @Size(max = 20) String postalCode) {
}
