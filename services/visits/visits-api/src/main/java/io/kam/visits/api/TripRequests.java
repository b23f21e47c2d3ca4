package io.kam.visits.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.kam.accounts.api.Region;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of trips. */
public final class TripRequests {

    private TripRequests() {
    }

    /**
     * Proposes a trip of the region's planned visits, between two days.
     *
     * @param region the trip's region; a coordinator's own when left out
     */
    public record ProposeTrip(
            @NotBlank @Size(max = 200) String title,
            Region region,
            @NotNull LocalDate startDate,
            @NotNull LocalDate endDate,
            @NotEmpty @Size(max = 100) List<@NotNull UUID> visitIds) {
    }

    public record ReturnTrip(@NotBlank @Size(max = 2000) String comment) {
    }

    /** The day's summary for the supervisor (每日汇报). */
    public record DailySummary(@NotNull LocalDate date, @NotBlank @Size(max = 4000) String summary) {
    }

    /** The market assessment after the trip (市场评估): goals and how far they were reached; problems and solutions. */
    public record Report(@NotBlank @Size(max = 4000) String goals,
                         @NotNull @Size(max = 50) List<@NotNull @Valid Finding> findings) {
    }
}
