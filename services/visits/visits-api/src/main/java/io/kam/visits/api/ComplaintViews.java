package io.kam.visits.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.kam.accounts.api.Region;

/** Response bodies of complaints. */
public final class ComplaintViews {

    private ComplaintViews() {
    }

    /**
     * A complaint. {@code overdue} is true while a {@code PROMISED_DATE} resolution's day has passed in the market
     * and the promise is not kept.
     */
    public record ComplaintView(UUID id, UUID accountId, UUID storeId, Region region, ComplaintType type,
                                String description, UUID visitId, ComplaintStatus status, String openedBy,
                                Instant openedAt, String investigationNote, ResolutionKind resolution,
                                String resolutionDescription, LocalDate promisedDate, LocalDate promiseKeptOn,
                                boolean overdue, String closeReason, Instant updatedAt, long version) {
    }
}
