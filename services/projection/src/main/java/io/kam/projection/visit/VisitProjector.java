package io.kam.projection.visit;

import java.time.Instant;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.Region;
import io.kam.platform.events.EventEnvelope;
import io.kam.platform.events.UndecodableEventException;
import io.kam.visits.api.CommitmentEvents.CommitmentApproved;
import io.kam.visits.api.CommitmentEvents.CommitmentFlagged;
import io.kam.visits.api.CommitmentEvents.CommitmentPolicyChanged;
import io.kam.visits.api.CommitmentEvents.CommitmentRecorded;
import io.kam.visits.api.CommitmentEvents.CommitmentRejected;
import io.kam.visits.api.ComplaintEvents.ComplaintClosed;
import io.kam.visits.api.ComplaintEvents.ComplaintInvestigationStarted;
import io.kam.visits.api.ComplaintEvents.ComplaintOpened;
import io.kam.visits.api.ComplaintEvents.ComplaintPromiseKept;
import io.kam.visits.api.ComplaintEvents.ComplaintResolved;
import io.kam.visits.api.ComplaintStatus;
import io.kam.visits.api.StoreCheckEvents.PromotionExecutionChecked;
import io.kam.visits.api.StoreCheckEvents.SkuChanged;
import io.kam.visits.api.StoreCheckEvents.SkuDelisted;
import io.kam.visits.api.StoreCheckEvents.SkuListed;
import io.kam.visits.api.StoreCheckEvents.StoreCheckPhotoAdded;
import io.kam.visits.api.StoreCheckEvents.StoreCheckRecorded;
import io.kam.visits.api.TripEvents.TripAgreed;
import io.kam.visits.api.TripEvents.TripProposed;
import io.kam.visits.api.TripEvents.TripReported;
import io.kam.visits.api.TripEvents.TripReturned;
import io.kam.visits.api.TripEvents.TripSummaryAdded;
import io.kam.visits.api.VisitEvents.VisitCancelled;
import io.kam.visits.api.VisitEvents.VisitCompleted;
import io.kam.visits.api.VisitEvents.VisitEvent;
import io.kam.visits.api.VisitEvents.VisitMissed;
import io.kam.visits.api.VisitEvents.VisitPlanned;
import io.kam.visits.api.VisitEvents.VisitPrepared;
import io.kam.visits.api.VisitEvents.VisitsReassigned;
import io.kam.visits.api.VisitStatus;

/**
 * Applies one visits event to the execution tables, inside the transaction that records it as processed. Every
 * write is keyed by what it describes (visit, store check and SKU line, listed SKU, complaint), statuses only move
 * forward and dated facts keep their latest version by its own time, so an event applied twice, published again or
 * arriving late leaves the same rows; a promotion's execution at a store keeps its latest check there. Preparations count for the day they move a visit to; commitments, trips,
 * photos and reassignments have no part in the review's figures and are only recorded as applied.
 */
@Component
class VisitProjector {

    private final JdbcClient jdbc;
    private final VisitRows visits;
    private final StoreCheckRows checks;
    private final ComplaintRows complaints;
    private final PromotionCheckRows promotionChecks;

    VisitProjector(JdbcClient jdbc, VisitRows visits, StoreCheckRows checks, ComplaintRows complaints,
                   PromotionCheckRows promotionChecks) {
        this.jdbc = jdbc;
        this.visits = visits;
        this.checks = checks;
        this.complaints = complaints;
        this.promotionChecks = promotionChecks;
    }

    void apply(EventEnvelope envelope, VisitEvent event) {
        Instant at = envelope.time();
        jdbc.sql("""
                        insert into visit_event (event_id, account_id, type, occurred_at)
                        values (:eventId, :accountId, :type, :at) on conflict (event_id) do nothing""")
                .param("eventId", envelope.id()).param("accountId", event.accountId()).param("type", envelope.type())
                .param("at", at.atOffset(ZoneOffset.UTC)).update();
        switch (event) {
            case VisitPlanned e -> {
                visits.know(e.visitId(), e.accountId(), e.storeId(), region(e.region(), envelope));
                visits.origin(e.visitId(), e.origin());
                visits.scheduled(e.visitId(), e.plannedDate(), e.logDeadline(), at);
            }
            case VisitPrepared e -> {
                visits.know(e.visitId(), e.accountId(), e.storeId(), region(e.region(), envelope));
                visits.scheduled(e.visitId(), e.plannedDate(), e.logDeadline(), at);
            }
            case VisitCompleted e -> {
                visits.know(e.visitId(), e.accountId(), e.storeId(), region(e.region(), envelope));
                visits.scheduled(e.visitId(), e.plannedDate(), null, at);
                visits.moved(e.visitId(), VisitStatus.COMPLETED, e.late(), e.completedAt());
            }
            case VisitMissed e -> {
                visits.know(e.visitId(), e.accountId(), e.storeId(), region(e.region(), envelope));
                visits.origin(e.visitId(), e.origin());
                visits.scheduled(e.visitId(), e.plannedDate(), e.logDeadline(), at);
                visits.moved(e.visitId(), VisitStatus.MISSED, false, null);
            }
            case VisitCancelled e -> {
                visits.know(e.visitId(), e.accountId(), e.storeId(), region(e.region(), envelope));
                visits.scheduled(e.visitId(), e.plannedDate(), null, at);
                visits.moved(e.visitId(), VisitStatus.CANCELLED, false, null);
            }
            case StoreCheckRecorded e -> {
                region(e.region(), envelope);
                checks.recorded(e);
            }
            case PromotionExecutionChecked e -> {
                region(e.region(), envelope);
                promotionChecks.checked(e);
            }
            case SkuListed e -> checks.listing(e.accountId(), e.gtin(), e.name(), e.agreedRetailPrice(), true, at);
            case SkuChanged e -> checks.listing(e.accountId(), e.gtin(), e.name(), e.agreedRetailPrice(), true, at);
            case SkuDelisted e -> checks.listing(e.accountId(), e.gtin(), null, null, false, at);
            case ComplaintOpened e -> complaints.opened(e.complaintId(), e.accountId(), e.storeId(),
                    region(e.region(), envelope), e.type(), at);
            case ComplaintInvestigationStarted e -> {
                complaints.know(e.complaintId(), e.accountId(), e.storeId(), region(e.region(), envelope));
                complaints.moved(e.complaintId(), ComplaintStatus.INVESTIGATING, null, null);
            }
            case ComplaintResolved e -> {
                complaints.know(e.complaintId(), e.accountId(), e.storeId(), region(e.region(), envelope));
                complaints.moved(e.complaintId(), ComplaintStatus.RESOLVED, e.resolution(), e.promisedDate());
            }
            case ComplaintClosed e -> {
                complaints.know(e.complaintId(), e.accountId(), e.storeId(), region(e.region(), envelope));
                complaints.moved(e.complaintId(), ComplaintStatus.CLOSED, null, null);
            }
            case ComplaintPromiseKept e -> {
                complaints.know(e.complaintId(), e.accountId(), e.storeId(), region(e.region(), envelope));
                complaints.promiseKept(e.complaintId(), e.promisedDate(), e.keptOn());
            }
            case VisitsReassigned e -> {
                // recorded as applied: who is responsible is the visits service's concern, not the review's figures
            }
            case StoreCheckPhotoAdded e -> {
                // recorded as applied: photos are evidence kept by the visits service
            }
            case CommitmentRecorded e -> {
                // recorded as applied: the review has no section for commitments yet
            }
            case CommitmentFlagged e -> {
                // recorded as applied
            }
            case CommitmentApproved e -> {
                // recorded as applied
            }
            case CommitmentRejected e -> {
                // recorded as applied
            }
            case CommitmentPolicyChanged e -> {
                // recorded as applied
            }
            case TripProposed e -> {
                // recorded as applied: trips have no part in the review's figures
            }
            case TripAgreed e -> {
                // recorded as applied
            }
            case TripReturned e -> {
                // recorded as applied
            }
            case TripSummaryAdded e -> {
                // recorded as applied
            }
            case TripReported e -> {
                // recorded as applied
            }
        }
    }

    /** Every visit, check and complaint names its region (the contract's promise); one that does not is refused. */
    private static Region region(@Nullable Region region, EventEnvelope envelope) {
        if (region == null) {
            throw new UndecodableEventException(envelope.type() + " " + envelope.id() + " names no region");
        }
        return region;
    }
}
