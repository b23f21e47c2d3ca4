package io.kam.visits.visit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.Region;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.domain.Rejection;
import io.kam.visits.api.CancellationReason;
import io.kam.visits.api.TimeSlot;
import io.kam.visits.api.VisitEvents.VisitCancelled;
import io.kam.visits.api.VisitEvents.VisitMissed;
import io.kam.visits.api.VisitEvents.VisitPlanned;
import io.kam.visits.api.VisitOrigin;
import io.kam.visits.api.VisitPurpose;
import io.kam.visits.api.VisitStatus;
import io.kam.visits.api.VisitType;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

/**
 * A visit (拜访) to a store or to an account's head office, the aggregate root of this service's field work. It
 * decides every change of its own state and returns the event the change caused; use cases save it and append the
 * event to the outbox in one transaction.
 *
 * <p>Its planned time is the start of its slot on its planned day in the market; the log is on time until
 * {@code logDeadline}, the planned time plus the log window.
 */
@MappedEntity("visit")
public record Visit(
        @Id UUID id,
        UUID accountId,
        @Nullable UUID storeId,
        Region region,
        @Nullable String coordinator,
        VisitOrigin origin,
        VisitType type,
        VisitPurpose purpose,
        VisitStatus status,
        @Nullable LocalDate dueDate,
        LocalDate plannedDate,
        TimeSlot slot,
        Instant logDeadline,
        @Nullable UUID previousVisitId,
        Instant createdAt,
        @Nullable Instant completedAt,
        boolean late,
        @Nullable @Version Long version) {

    /** A new visit and the event announcing it. */
    public record Planned(Visit visit, VisitPlanned event) {
    }

    /** A decision: the visit's new state and the event it caused. */
    public record Changed<E>(Visit visit, E event) {
    }

    /** What the schedule asks for: a maintenance visit to the store on the day it is due, during trading hours. */
    public static Planned scheduled(UUID accountId, UUID storeId, Region region, @Nullable String coordinator,
                                    LocalDate due, Duration logWindow, Instant now) {
        return plan(accountId, storeId, region, coordinator, VisitOrigin.SCHEDULE, VisitType.MAINTENANCE,
                VisitType.MAINTENANCE.defaultPurpose(), due, due, TimeSlot.TRADING_HOURS, null, logWindow, now);
    }

    /** A visit a person plans, or the next appointment agreed at a visit ({@code previousVisitId}). */
    public static Planned adHoc(UUID accountId, @Nullable UUID storeId, Region region, @Nullable String coordinator,
                                VisitType type, VisitPurpose purpose, LocalDate day, TimeSlot slot,
                                @Nullable UUID previousVisitId, LocalDate today, Duration logWindow, Instant now) {
        if (day.isBefore(today)) {
            throw new Rejection.Invalid("plannedDate", "must be today (" + today + ") or later in the market").refused();
        }
        return plan(accountId, storeId, region, coordinator, VisitOrigin.AD_HOC, type, purpose, null, day, slot,
                previousVisitId, logWindow, now);
    }

    private static Planned plan(UUID accountId, @Nullable UUID storeId, Region region, @Nullable String coordinator,
                                VisitOrigin origin, VisitType type, VisitPurpose purpose, @Nullable LocalDate due,
                                LocalDate day, TimeSlot slot, @Nullable UUID previousVisitId, Duration logWindow,
                                Instant now) {
        Instant deadline = MarketCalendar.at(day, slot.start()).plus(logWindow);
        Visit visit = new Visit(UUID.randomUUID(), accountId, storeId, region, coordinator, origin, type, purpose,
                VisitStatus.PLANNED, due, day, slot, deadline, previousVisitId, now, null, false, null);
        return new Planned(visit, new VisitPlanned(accountId, visit.id, storeId, region, coordinator, origin, type,
                purpose, due, day, slot, deadline, previousVisitId));
    }

    /**
     * Moves the visit to another day or slot and sets its type and purpose, while it is still to be made. A scheduled
     * visit stays within the week (Monday to Sunday) it is due in, so that the schedule keeps its rhythm.
     */
    Visit replan(VisitType newType, VisitPurpose newPurpose, LocalDate day, TimeSlot newSlot, LocalDate today,
                 Duration logWindow) {
        requireStatus(VisitStatus.PLANNED, "prepared");
        if (day.isBefore(today)) {
            throw new Rejection.Invalid("plannedDate", "must be today (" + today + ") or later in the market").refused();
        }
        if (dueDate != null && !weekOf(day).equals(weekOf(dueDate))) {
            throw new Rejection.BrokenRule("outside-due-week", "this scheduled visit is due in the week of "
                    + weekOf(dueDate) + " and may move only within it, not to " + day).refused();
        }
        Instant deadline = MarketCalendar.at(day, newSlot.start()).plus(logWindow);
        return new Visit(id, accountId, storeId, region, coordinator, origin, newType, newPurpose, status, dueDate, day,
                newSlot, deadline, previousVisitId, createdAt, completedAt, late, version);
    }

    /**
     * The log arrives. It is on time until the deadline; after it, late, and then it must say why. A missed visit may
     * still be logged late. A visit cannot be logged before its planned day.
     */
    Visit complete(@Nullable String lateReason, LocalDate today, Instant now) {
        if (status == VisitStatus.COMPLETED) {
            throw new Rejection.Conflict("visit-already-logged", "visit " + id + " was logged at " + completedAt).refused();
        }
        if (status == VisitStatus.CANCELLED) {
            throw new Rejection.Conflict("visit-cancelled", "visit " + id + " was cancelled and cannot be logged").refused();
        }
        if (today.isBefore(plannedDate)) {
            throw new Rejection.BrokenRule("visit-not-yet-due", "visit " + id + " is planned for " + plannedDate
                    + "; move it to today before logging it").refused();
        }
        boolean isLate = now.isAfter(logDeadline);
        if (isLate && (lateReason == null || lateReason.isBlank())) {
            long hours = ChronoUnit.HOURS.between(logDeadline, now);
            throw new Rejection.Invalid("lateReason", "is required: the log window closed at " + logDeadline
                    + ", " + hours + " h ago, so this log is late").refused();
        }
        return new Visit(id, accountId, storeId, region, coordinator, origin, type, purpose, VisitStatus.COMPLETED,
                dueDate, plannedDate, slot, logDeadline, previousVisitId, createdAt, now, isLate, version);
    }

    /** No log arrived by the deadline. */
    public Changed<VisitMissed> miss(Instant now) {
        if (status != VisitStatus.PLANNED || !now.isAfter(logDeadline)) {
            throw new IllegalStateException("visit " + id + " is " + status + " with its deadline at " + logDeadline);
        }
        return new Changed<>(with(VisitStatus.MISSED, coordinator), new VisitMissed(accountId, id, storeId, region,
                coordinator, origin, plannedDate, logDeadline));
    }

    /** The visit will not take place. Only a visit still to be made, or missed, can be cancelled. */
    public Changed<VisitCancelled> cancel(CancellationReason reason) {
        if (status != VisitStatus.PLANNED && status != VisitStatus.MISSED) {
            throw new IllegalStateException("visit " + id + " is " + status + " and cannot be cancelled");
        }
        return new Changed<>(with(VisitStatus.CANCELLED, coordinator), new VisitCancelled(accountId, id, storeId,
                region, coordinator, plannedDate, reason));
    }

    /** Another coordinator makes the visit (null: nobody, while the region has no coordinator). */
    public Visit reassign(@Nullable String newCoordinator) {
        requireStatus(VisitStatus.PLANNED, "reassigned");
        return with(status, newCoordinator);
    }

    private Visit with(VisitStatus newStatus, @Nullable String newCoordinator) {
        return new Visit(id, accountId, storeId, region, newCoordinator, origin, type, purpose, newStatus, dueDate,
                plannedDate, slot, logDeadline, previousVisitId, createdAt, completedAt, late, version);
    }

    private void requireStatus(VisitStatus required, String what) {
        if (status != required) {
            throw new Rejection.Conflict("visit-" + status.name().toLowerCase(Locale.ROOT),
                    "visit " + id + " is " + status + " and can no longer be " + what).refused();
        }
    }

    /** The Monday of the week a day lies in. */
    static LocalDate weekOf(LocalDate day) {
        return day.minusDays(day.getDayOfWeek().getValue() - 1L);
    }
}
