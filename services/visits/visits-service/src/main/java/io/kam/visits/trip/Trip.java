package io.kam.visits.trip;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.Region;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
import io.kam.visits.api.TripStatus;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

/**
 * A trip plan (出差计划): the travelling coordinator's visits of one region between two days. It is agreed with a
 * national KA manager before it starts (not by the traveller), reported on daily while travelling, and assessed
 * afterwards (市场评估). A returned trip is final; its visits may go on a new proposal.
 */
@MappedEntity("trip")
record Trip(@Id UUID id, Region region, String coordinator, String title, LocalDate startDate, LocalDate endDate,
            TripStatus status, @Nullable String decidedBy, @Nullable Instant decidedAt,
            @Nullable String returnComment, @Nullable String goals, @Nullable Instant reportedAt, Instant createdAt,
            @Nullable @Version Long version) {

    static final int MAX_DAYS = 31;

    static Trip propose(Region region, String coordinator, String title, LocalDate start, LocalDate end,
                        LocalDate today, Instant now) {
        if (start.isBefore(today)) {
            throw new Rejection.Invalid("startDate", "must be today (" + today
                    + ") or later: a trip is agreed before it starts").refused();
        }
        if (end.isBefore(start)) {
            throw new Rejection.Invalid("endDate", "must not be before the start date " + start).refused();
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw new Rejection.Invalid("endDate", "makes the trip longer than " + MAX_DAYS + " days").refused();
        }
        return new Trip(UUID.randomUUID(), region, coordinator, title.strip(), start, end, TripStatus.PROPOSED, null,
                null, null, null, null, now, null);
    }

    /** A national KA manager, not the traveller, agrees the trip, at the latest on its first day. */
    Trip agree(Actor actor, LocalDate today, Instant now) {
        requireDecidable(actor);
        if (today.isAfter(startDate)) {
            throw new Rejection.BrokenRule("trip-already-started", "the trip started on " + startDate
                    + "; a trip is agreed before it starts").refused();
        }
        return with(TripStatus.AGREED, actor.name(), now, null, goals, reportedAt);
    }

    Trip returnToCoordinator(String comment, Actor actor, Instant now) {
        requireDecidable(actor);
        return with(TripStatus.RETURNED, actor.name(), now, comment.strip(), goals, reportedAt);
    }

    /** The traveller's summary of a day of the agreed trip that has come. */
    void requireSummary(LocalDate day, LocalDate today, Actor actor) {
        requireTraveller(actor);
        requireStatus(TripStatus.AGREED, "daily summaries are written on an agreed trip");
        if (day.isBefore(startDate) || day.isAfter(endDate)) {
            throw new Rejection.Invalid("date", "must lie within the trip, " + startDate + " to " + endDate).refused();
        }
        if (day.isAfter(today)) {
            throw new Rejection.Invalid("date", "must not be after today (" + today + ")").refused();
        }
    }

    /** The traveller's market assessment, once the last day of the agreed trip has come. */
    Trip report(String assessedGoals, Actor actor, LocalDate today, Instant now) {
        requireTraveller(actor);
        requireStatus(TripStatus.AGREED, "an agreed trip is reported once");
        if (today.isBefore(endDate)) {
            throw new Rejection.BrokenRule("trip-not-over", "the trip runs until " + endDate
                    + "; its market assessment is written from its last day on").refused();
        }
        return with(TripStatus.REPORTED, decidedBy, decidedAt, returnComment, assessedGoals.strip(), now);
    }

    private void requireDecidable(Actor actor) {
        requireStatus(TripStatus.PROPOSED, "only a proposed trip awaits a decision");
        if (Objects.equals(actor.name(), coordinator)) {
            throw new Rejection.Forbidden("own-trip", "you travel on this trip; another national KA manager agrees it").refused();
        }
    }

    private void requireTraveller(Actor actor) {
        if (!Objects.equals(actor.name(), coordinator)) {
            throw new Rejection.Forbidden("not-your-trip", "the trip is " + coordinator
                    + "'s; only the traveller writes its summaries and report").refused();
        }
    }

    private void requireStatus(TripStatus required, String rule) {
        if (status != required) {
            throw new Rejection.Conflict("trip-" + status.name().toLowerCase(Locale.ROOT),
                    "trip " + id + " is " + status + ": " + rule).refused();
        }
    }

    private Trip with(TripStatus newStatus, @Nullable String by, @Nullable Instant at, @Nullable String comment,
                      @Nullable String newGoals, @Nullable Instant reported) {
        return new Trip(id, region, coordinator, title, startDate, endDate, newStatus, by, at, comment, newGoals,
                reported, createdAt, version);
    }
}
