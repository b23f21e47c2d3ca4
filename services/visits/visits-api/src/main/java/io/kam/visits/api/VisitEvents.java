package io.kam.visits.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.kam.accounts.api.Region;
import io.kam.platform.events.DomainEvent;
import io.kam.platform.events.EventCatalog;
import io.kam.platform.events.EventType;

/**
 * The events of the visits service, published on {@code kam.visits.v1} keyed by account id. Every event names the
 * account, the region and, where there is one, the store, so that a projection can count per account, region and
 * store without asking this service. Wire names are in {@link EventType}; the Java names may change freely.
 */
public final class VisitEvents {

    public static final String SERVICE = "visits";
    public static final String TOPIC = "kam.visits.v1";


    private VisitEvents() {
    }

    /** Every visits event; sealed so that consumers can switch over them exhaustively. */
    public sealed interface VisitEvent extends DomainEvent
            permits VisitPlanned, VisitPrepared, VisitCompleted, VisitMissed, VisitCancelled, VisitsReassigned,
            CommitmentEvents.CommitmentRecorded, CommitmentEvents.CommitmentFlagged,
            CommitmentEvents.CommitmentApproved, CommitmentEvents.CommitmentRejected,
            CommitmentEvents.CommitmentPolicyChanged,
            StoreCheckEvents.SkuListed, StoreCheckEvents.SkuChanged, StoreCheckEvents.SkuDelisted,
            StoreCheckEvents.StoreCheckRecorded, StoreCheckEvents.StoreCheckPhotoAdded,
            StoreCheckEvents.PromotionExecutionChecked,
            ComplaintEvents.ComplaintOpened, ComplaintEvents.ComplaintInvestigationStarted,
            ComplaintEvents.ComplaintResolved, ComplaintEvents.ComplaintClosed, ComplaintEvents.ComplaintPromiseKept,
            TripEvents.TripProposed, TripEvents.TripAgreed, TripEvents.TripReturned, TripEvents.TripSummaryAdded,
            TripEvents.TripReported {
    }

    /**
     * A visit was planned: generated from the frequency standards ({@code SCHEDULE}, with its due date), planned by a
     * person, or agreed as the next appointment at a visit ({@code AD_HOC}).
     *
     * @param storeId         the store visited; null for a visit to the head office
     * @param coordinator     the region's coordinator when it was planned; null while the region has none
     * @param dueDate         the day the schedule set; null for an ad-hoc visit
     * @param logDeadline     the log is late after this instant (planned time + log window)
     * @param previousVisitId the visit at which this one was agreed as the next appointment; null otherwise
     */
    @EventType("kam.visit.planned")
    public record VisitPlanned(UUID accountId, UUID visitId, UUID storeId, Region region, String coordinator,
                               VisitOrigin origin, VisitType type, VisitPurpose purpose, LocalDate dueDate,
                               LocalDate plannedDate, TimeSlot slot, Instant logDeadline, UUID previousVisitId)
            implements VisitEvent {
    }

    /** The coordinator prepared the visit (三准备): its objective, appointment, material and contact; may move its day. */
    @EventType("kam.visit.prepared")
    public record VisitPrepared(UUID accountId, UUID visitId, UUID storeId, Region region, VisitType type,
                                VisitPurpose purpose, String objective, LocalDate plannedDate, TimeSlot slot,
                                Instant logDeadline, String place, boolean confirmedByPhone, List<Material> materials,
                                Contact contact) implements VisitEvent {
    }

    /**
     * The visit's log arrived: the three must-discuss points and three must-go places, the outcome and what follows.
     *
     * @param late                  whether the log came after the deadline; then {@code lateReason} says why
     * @param commitmentsRecorded   commitments within the account's policy, promises now
     * @param commitmentsFlagged    commitments outside it, awaiting a national KA manager
     * @param nextVisitId           the visit planned for the next appointment agreed; null when none was
     */
    @EventType("kam.visit.completed")
    public record VisitCompleted(UUID accountId, UUID visitId, UUID storeId, Region region, String coordinator,
                                 String loggedBy, VisitType type, LocalDate plannedDate, Instant completedAt,
                                 boolean late, String lateReason, MustDiscuss discussed, MustGo wentTo,
                                 VisitOutcome outcome, String outcomeNote, List<FollowUp> followUps,
                                 int commitmentsRecorded, int commitmentsFlagged, UUID nextVisitId)
            implements VisitEvent {
    }

    /** No log arrived by the deadline: the scheduled sweep marked the visit missed. */
    @EventType("kam.visit.missed")
    public record VisitMissed(UUID accountId, UUID visitId, UUID storeId, Region region, String coordinator,
                              VisitOrigin origin, LocalDate plannedDate, Instant logDeadline) implements VisitEvent {
    }

    /** The visit will not take place and counts nowhere. */
    @EventType("kam.visit.cancelled")
    public record VisitCancelled(UUID accountId, UUID visitId, UUID storeId, Region region, String coordinator,
                                 LocalDate plannedDate, CancellationReason reason) implements VisitEvent {
    }

    /**
     * The region's coordinator changed: the account's visits in the region from today on that were still to be made
     * now belong to the new one (null: the region has no coordinator). Visits already made keep theirs.
     */
    @EventType("kam.visits.reassigned")
    public record VisitsReassigned(UUID accountId, Region region, String coordinator, String previousCoordinator,
                                   List<UUID> visitIds) implements VisitEvent {
    }

    /** The contract: the topic, its shape, and every {@link VisitEvent}, found through the sealed interface. */
    public static final EventCatalog<VisitEvent> CATALOG = EventCatalog.of(SERVICE, VisitEvent.class);
}
