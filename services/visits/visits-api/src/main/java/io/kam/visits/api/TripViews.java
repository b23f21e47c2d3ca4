package io.kam.visits.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.kam.accounts.api.Region;

/** Response bodies of trips. */
public final class TripViews {

    private TripViews() {
    }

    public record TripView(UUID id, Region region, String coordinator, String title, LocalDate startDate,
                           LocalDate endDate, TripStatus status, List<TripVisit> visits, String decidedBy,
                           Instant decidedAt, String returnComment, List<SummaryView> summaries, ReportView report,
                           long version) {
    }

    /** One visit of the trip, as it stands now. */
    public record TripVisit(UUID visitId, UUID accountId, UUID storeId, String storeCode, LocalDate plannedDate,
                            TimeSlot slot, VisitStatus status) {
    }

    public record SummaryView(LocalDate date, String summary, Instant addedAt) {
    }

    public record ReportView(String goals, List<Finding> findings, Instant reportedAt) {
    }
}
