package io.kam.visits.api;

import java.time.LocalDate;
import java.util.UUID;

import io.kam.accounts.api.Region;
import io.kam.platform.events.EventType;

/** Complaints and objections (嫌货人才是买货人), from opening to resolution. */
public final class ComplaintEvents {

    private ComplaintEvents() {
    }

    /**
     * A customer complained about the account's business or one of its stores.
     *
     * @param storeId the store it concerns; null for the account as a whole
     * @param visitId the visit it was raised at; null otherwise
     */
    @EventType("kam.complaint.opened")
    public record ComplaintOpened(UUID accountId, UUID complaintId, UUID storeId, Region region, ComplaintType type,
                                  String description, UUID visitId) implements VisitEvents.VisitEvent {
    }

    /** Someone is examining the complaint from the customer's side. */
    @EventType("kam.complaint.investigation-started")
    public record ComplaintInvestigationStarted(UUID accountId, UUID complaintId, UUID storeId, Region region,
                                                String note) implements VisitEvents.VisitEvent {
    }

    /**
     * The complaint was resolved.
     *
     * @param promisedDate the day it will be put right, for {@code PROMISED_DATE}; null otherwise
     */
    @EventType("kam.complaint.resolved")
    public record ComplaintResolved(UUID accountId, UUID complaintId, UUID storeId, Region region,
                                    ResolutionKind resolution, String description, LocalDate promisedDate)
            implements VisitEvents.VisitEvent {
    }

    /** The complaint was closed without a resolution: withdrawn, unfounded, or a duplicate. */
    @EventType("kam.complaint.closed")
    public record ComplaintClosed(UUID accountId, UUID complaintId, UUID storeId, Region region, String reason)
            implements VisitEvents.VisitEvent {
    }

    /** The promise a resolution made was kept; {@code late} when that was after the promised date. */
    @EventType("kam.complaint.promise-kept")
    public record ComplaintPromiseKept(UUID accountId, UUID complaintId, UUID storeId, Region region,
                                       LocalDate promisedDate, LocalDate keptOn, boolean late)
            implements VisitEvents.VisitEvent {
    }
}
