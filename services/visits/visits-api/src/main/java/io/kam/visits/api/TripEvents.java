package io.kam.visits.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.kam.accounts.api.Region;
import io.kam.platform.events.EventType;

/**
 * Trip plans (出差计划): several visits on one trip, agreed with a national KA manager beforehand, reported on daily
 * while travelling and assessed afterwards. A trip visits several accounts, and events are keyed by account, so each
 * trip event is published once for every account the trip visits, with that account's visits of the trip.
 */
public final class TripEvents {

    private TripEvents() {
    }

    /** A coordinator proposed a trip; {@code visitIds} are the account's visits on it. */
    @EventType("kam.trip.proposed")
    public record TripProposed(UUID accountId, UUID tripId, Region region, String coordinator, String title,
                               LocalDate startDate, LocalDate endDate, List<UUID> visitIds)
            implements VisitEvents.VisitEvent {
    }

    /** A national KA manager agreed the trip before it started. */
    @EventType("kam.trip.agreed")
    public record TripAgreed(UUID accountId, UUID tripId, Region region, String coordinator, String agreedBy,
                             List<UUID> visitIds) implements VisitEvents.VisitEvent {
    }

    /** A national KA manager returned the trip with a comment; its visits may go on another trip. */
    @EventType("kam.trip.returned")
    public record TripReturned(UUID accountId, UUID tripId, Region region, String coordinator, String returnedBy,
                               String comment, List<UUID> visitIds) implements VisitEvents.VisitEvent {
    }

    /** The travelling coordinator's daily summary for the supervisor; {@code visitIds}: the account's visits that day. */
    @EventType("kam.trip.summary-added")
    public record TripSummaryAdded(UUID accountId, UUID tripId, Region region, String coordinator, LocalDate date,
                                   String summary, List<UUID> visitIds) implements VisitEvents.VisitEvent {
    }

    /**
     * The market assessment after the trip (市场评估): its goals and how far they were reached, and the problems found
     * with the solutions proposed; {@code findings} are those about the account's visits and those about the market
     * as a whole.
     */
    @EventType("kam.trip.reported")
    public record TripReported(UUID accountId, UUID tripId, Region region, String coordinator, String goals,
                               List<Finding> findings, List<UUID> visitIds) implements VisitEvents.VisitEvent {
    }
}
