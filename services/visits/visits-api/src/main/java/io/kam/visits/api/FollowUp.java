package io.kam.visits.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A task a visit left to do: what, who does it, by when. */
public record FollowUp(@NotBlank @Size(max = 500) String task, @NotBlank @Size(max = 100) String owner,
                       @NotNull LocalDate due) {
}
