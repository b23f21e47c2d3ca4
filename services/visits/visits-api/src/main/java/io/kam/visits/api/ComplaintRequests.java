package io.kam.visits.api;

import java.time.LocalDate;
import java.util.UUID;

import io.kam.accounts.api.Region;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of complaints. */
public final class ComplaintRequests {

    private ComplaintRequests() {
    }

    /**
     * Logs a complaint, about a store of the account or, without a store, about the account in a region.
     *
     * @param storeId the store it concerns; its region is the complaint's
     * @param region  the region, required without a store
     * @param visitId the visit it was raised at, if any
     */
    public record OpenComplaint(
            @NotNull UUID accountId,
            UUID storeId,
            Region region,
            @NotNull ComplaintType type,
            @NotBlank @Size(max = 4000) String description,
            UUID visitId) {
    }

    public record StartInvestigation(@NotBlank @Size(max = 2000) String note) {
    }

    /** Resolves it; a {@code PROMISED_DATE} resolution names the day, today or later. */
    public record Resolve(@NotNull ResolutionKind resolution, @NotBlank @Size(max = 2000) String description,
                          LocalDate promisedDate) {
    }

    public record Close(@NotBlank @Size(max = 1000) String reason) {
    }

    /** The promised date's promise was kept, on {@code keptOn} (today when absent). */
    public record KeepPromise(LocalDate keptOn) {
    }
}
