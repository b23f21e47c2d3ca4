package io.kam.visits.complaint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.Region;
import io.kam.platform.domain.Rejection;
import io.kam.visits.api.ComplaintEvents.ComplaintClosed;
import io.kam.visits.api.ComplaintEvents.ComplaintInvestigationStarted;
import io.kam.visits.api.ComplaintEvents.ComplaintOpened;
import io.kam.visits.api.ComplaintEvents.ComplaintPromiseKept;
import io.kam.visits.api.ComplaintEvents.ComplaintResolved;
import io.kam.visits.api.ComplaintStatus;
import io.kam.visits.api.ComplaintType;
import io.kam.visits.api.ComplaintViews.ComplaintView;
import io.kam.visits.api.ResolutionKind;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

/**
 * A complaint or objection (嫌货人才是买货人: the one who finds fault is the one who buys), about an account or one of
 * its stores. {@code OPEN → INVESTIGATING → RESOLVED}, with a remedy, an explanation, a return or a promised date; or
 * {@code CLOSED} without a resolution from open or investigating. A promised date that passes unkept is overdue.
 */
@MappedEntity("complaint")
public record Complaint(@Id UUID id, UUID accountId, @Nullable UUID storeId, Region region, ComplaintType type,
                        String description, @Nullable UUID visitId, ComplaintStatus status, String openedBy,
                        Instant openedAt, @Nullable String investigationNote, @Nullable ResolutionKind resolution,
                        @Nullable String resolutionDescription, @Nullable LocalDate promisedDate,
                        @Nullable LocalDate promiseKeptOn, @Nullable String closeReason, Instant updatedAt,
                        @Nullable @Version Long version) {

    /** A decision: the complaint's new state and the event it caused. */
    public record Changed<E>(Complaint complaint, E event) {
    }

    static Changed<ComplaintOpened> open(UUID accountId, @Nullable UUID storeId, Region region, ComplaintType type,
                                         String description, @Nullable UUID visitId, String by, Instant now) {
        Complaint complaint = new Complaint(UUID.randomUUID(), accountId, storeId, region, type, description.strip(),
                visitId, ComplaintStatus.OPEN, by, now, null, null, null, null, null, null, now, null);
        return new Changed<>(complaint, new ComplaintOpened(accountId, complaint.id, storeId, region, type,
                complaint.description, visitId));
    }

    Changed<ComplaintInvestigationStarted> investigate(String note, Instant now) {
        require(ComplaintStatus.OPEN, "an open complaint is investigated");
        Complaint next = new Complaint(id, accountId, storeId, region, type, description, visitId,
                ComplaintStatus.INVESTIGATING, openedBy, openedAt, note.strip(), resolution, resolutionDescription,
                promisedDate, promiseKeptOn, closeReason, now, version);
        return new Changed<>(next, new ComplaintInvestigationStarted(accountId, id, storeId, region, next.investigationNote));
    }

    /** Resolves it after investigation; a promised date is today or later, and only a promise has one. */
    Changed<ComplaintResolved> resolve(ResolutionKind kind, String text, @Nullable LocalDate promised, LocalDate today,
                                       Instant now) {
        require(ComplaintStatus.INVESTIGATING, "a complaint is resolved once investigated (examined from the customer's side)");
        if (kind == ResolutionKind.PROMISED_DATE && promised == null) {
            throw new Rejection.Invalid("promisedDate", "is required for a PROMISED_DATE resolution").refused();
        }
        if (kind == ResolutionKind.PROMISED_DATE && promised.isBefore(today)) {
            throw new Rejection.Invalid("promisedDate", "must be today (" + today + ") or later").refused();
        }
        if (kind != ResolutionKind.PROMISED_DATE && promised != null) {
            throw new Rejection.Invalid("promisedDate", "belongs only to a PROMISED_DATE resolution").refused();
        }
        Complaint next = new Complaint(id, accountId, storeId, region, type, description, visitId,
                ComplaintStatus.RESOLVED, openedBy, openedAt, investigationNote, kind, text.strip(), promised, null,
                closeReason, now, version);
        return new Changed<>(next, new ComplaintResolved(accountId, id, storeId, region, kind, next.resolutionDescription,
                promised));
    }

    /** Closes it without a resolution: withdrawn, unfounded, a duplicate. */
    Changed<ComplaintClosed> close(String reason, Instant now) {
        if (status != ComplaintStatus.OPEN && status != ComplaintStatus.INVESTIGATING) {
            throw new Rejection.Conflict("complaint-" + status.name().toLowerCase(Locale.ROOT),
                    "complaint " + id + " is " + status + " and cannot be closed").refused();
        }
        Complaint next = new Complaint(id, accountId, storeId, region, type, description, visitId,
                ComplaintStatus.CLOSED, openedBy, openedAt, investigationNote, resolution, resolutionDescription,
                promisedDate, promiseKeptOn, reason.strip(), now, version);
        return new Changed<>(next, new ComplaintClosed(accountId, id, storeId, region, next.closeReason));
    }

    /** The promised date's promise was kept, on a day not ahead of today. */
    Changed<ComplaintPromiseKept> keepPromise(LocalDate keptOn, LocalDate today, Instant now) {
        if (status != ComplaintStatus.RESOLVED || resolution != ResolutionKind.PROMISED_DATE) {
            throw new Rejection.Conflict("no-promise", "complaint " + id + " holds no promised date to keep").refused();
        }
        if (promiseKeptOn != null) {
            throw new Rejection.Conflict("promise-already-kept", "the promise was kept on " + promiseKeptOn).refused();
        }
        if (keptOn.isAfter(today)) {
            throw new Rejection.Invalid("keptOn", "must not be after today (" + today + ")").refused();
        }
        Complaint next = new Complaint(id, accountId, storeId, region, type, description, visitId, status, openedBy,
                openedAt, investigationNote, resolution, resolutionDescription, promisedDate, keptOn, closeReason, now,
                version);
        return new Changed<>(next, new ComplaintPromiseKept(accountId, id, storeId, region, promisedDate, keptOn,
                keptOn.isAfter(promisedDate)));
    }

    /** Whether a promised date has passed in the market with the promise not kept. */
    boolean overdue(LocalDate today) {
        return status == ComplaintStatus.RESOLVED && resolution == ResolutionKind.PROMISED_DATE && promiseKeptOn == null
                && promisedDate.isBefore(today);
    }

    ComplaintView view(LocalDate today) {
        return new ComplaintView(id, accountId, storeId, region, type, description, visitId, status, openedBy, openedAt,
                investigationNote, resolution, resolutionDescription, promisedDate, promiseKeptOn, overdue(today),
                closeReason, updatedAt, version == null ? 0 : version);
    }

    private void require(ComplaintStatus required, String rule) {
        if (status != required) {
            throw new Rejection.Conflict("complaint-" + status.name().toLowerCase(Locale.ROOT),
                    "complaint " + id + " is " + status + ": " + rule).refused();
        }
    }
}
