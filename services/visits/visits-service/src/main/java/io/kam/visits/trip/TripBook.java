package io.kam.visits.trip;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kam.accounts.api.Region;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.domain.ExpectedVersion;
import io.kam.platform.domain.FieldError;
import io.kam.platform.domain.Refused;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
import io.kam.platform.outbox.Outbox;
import io.kam.platform.persistence.UniqueViolations;
import io.kam.visits.access.VisitAccess;
import io.kam.visits.api.Finding;
import io.kam.visits.api.TripEvents.TripAgreed;
import io.kam.visits.api.TripEvents.TripProposed;
import io.kam.visits.api.TripEvents.TripReported;
import io.kam.visits.api.TripEvents.TripReturned;
import io.kam.visits.api.TripEvents.TripSummaryAdded;
import io.kam.visits.api.TripRequests;
import io.kam.visits.api.VisitEvents;
import io.kam.visits.api.VisitEvents.VisitEvent;
import io.kam.visits.visit.Visit;
import io.kam.visits.visit.VisitRepository;

/**
 * Trips from proposal to report. Every step is announced once per account the trip visits (events are keyed by
 * account), with that account's visits of the trip.
 */
@Service
class TripBook {

    private final TripRows.Trips trips;
    private final TripRows.TripVisits tripVisits;
    private final TripRows.Summaries summaries;
    private final TripRows.Findings findings;
    private final VisitRepository visits;
    private final TripVisitChoice choice;
    private final VisitAccess access;
    private final Outbox outbox;
    private final MarketCalendar calendar;

    TripBook(TripRows.Trips trips, TripRows.TripVisits tripVisits, TripRows.Summaries summaries,
             TripRows.Findings findings, VisitRepository visits, TripVisitChoice choice, VisitAccess access,
             Outbox outbox, MarketCalendar calendar) {
        this.trips = trips;
        this.tripVisits = tripVisits;
        this.summaries = summaries;
        this.findings = findings;
        this.visits = visits;
        this.choice = choice;
        this.access = access;
        this.outbox = outbox;
        this.calendar = calendar;
    }

    /** The caller proposes a trip of their region's planned visits (see {@link TripVisitChoice}). */
    @Transactional
    Trip propose(TripRequests.ProposeTrip request, Actor actor) {
        Region region = request.region() != null ? request.region() : access.confinement(actor)
                .orElseThrow(() -> new Rejection.Invalid("region", "is required: name the region the trip goes to").refused());
        access.requireWorksIn(actor, region);
        LocalDate today = calendar.today();
        Trip trip = Trip.propose(region, actor.name(), request.title(), request.startDate(), request.endDate(), today,
                calendar.now());
        List<Visit> onTrip = choice.visits(request.visitIds(), trip, actor);
        Trip saved = trips.save(trip);
        tripVisits.saveAll(onTrip.stream()
                .map(v -> new TripRows.TripVisitRow(UUID.randomUUID(), saved.id(), v.id(), v.accountId(), true)).toList());
        announce(saved, actor, (account, ids) -> new TripProposed(account, saved.id(), region, saved.coordinator(),
                saved.title(), saved.startDate(), saved.endDate(), ids));
        return saved;
    }

    @Transactional
    Trip agree(UUID id, long expected, Actor actor) {
        Trip trip = locked(id, expected, actor);
        Trip agreed = trips.update(trip.agree(actor, calendar.today(), calendar.now()));
        announce(agreed, actor, (account, ids) -> new TripAgreed(account, id, agreed.region(), agreed.coordinator(),
                actor.name(), ids));
        return agreed;
    }

    @Transactional
    Trip returnToCoordinator(UUID id, long expected, TripRequests.ReturnTrip request, Actor actor) {
        Trip trip = locked(id, expected, actor);
        Trip returned = trips.update(trip.returnToCoordinator(request.comment(), actor, calendar.now()));
        announce(returned, actor, (account, ids) -> new TripReturned(account, id, returned.region(),
                returned.coordinator(), actor.name(), returned.returnComment(), ids));
        tripVisits.release(id);
        return returned;
    }

    /** The traveller's summary of one day; each day once. */
    @Transactional
    Trip summarise(UUID id, TripRequests.DailySummary request, Actor actor) {
        Trip trip = trips.findByIdForUpdate(id).orElseThrow(() -> notFound(id));
        access.requireVisible(actor, trip.region(), "Trip", id);
        trip.requireSummary(request.date(), calendar.today(), actor);
        UniqueViolations.guard("trip_summary_once_per_day", () -> summaries.save(new TripRows.SummaryRow(UUID.randomUUID(),
                id, request.date(), request.summary().strip(), calendar.now())),
                () -> new Rejection.Conflict("summary-exists", "the trip already has its summary of " + request.date()).refused());
        Set<UUID> thatDay = new HashSet<>();
        tripVisits.findByTripId(id).forEach(tv -> visits.findById(tv.visitId())
                .filter(v -> v.plannedDate().equals(request.date())).ifPresent(v -> thatDay.add(v.id())));
        announce(trip, actor, (account, ids) -> new TripSummaryAdded(account, id, trip.region(), trip.coordinator(),
                request.date(), request.summary().strip(), ids.stream().filter(thatDay::contains).toList()));
        return trip;
    }

    /** The traveller's market assessment, linking each finding to a visit of the trip or to the market as a whole. */
    @Transactional
    Trip report(UUID id, long expected, TripRequests.Report request, Actor actor) {
        Trip trip = locked(id, expected, actor);
        Map<UUID, UUID> accountOfVisit = new LinkedHashMap<>();
        tripVisits.findByTripId(id).forEach(tv -> accountOfVisit.put(tv.visitId(), tv.accountId()));
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < request.findings().size(); i++) {
            UUID visit = request.findings().get(i).visitId();
            if (visit != null && !accountOfVisit.containsKey(visit)) {
                errors.add(new FieldError("findings[" + i + "].visitId", "is not a visit of this trip"));
            }
        }
        if (!errors.isEmpty()) {
            throw new Rejection.Invalid(errors).refused();
        }
        Trip reported = trips.update(trip.report(request.goals(), actor, calendar.today(), calendar.now()));
        List<Finding> found = request.findings().stream()
                .map(f -> new Finding(f.visitId(), f.problem().strip(), f.solution().strip())).toList();
        for (int i = 0; i < found.size(); i++) {
            Finding f = found.get(i);
            findings.save(new TripRows.FindingRow(UUID.randomUUID(), id, i, f.visitId(), f.problem(), f.solution()));
        }
        announce(reported, actor, (account, ids) -> new TripReported(account, id, reported.region(),
                reported.coordinator(), reported.goals(), found.stream()
                        .filter(f -> f.visitId() == null || account.equals(accountOfVisit.get(f.visitId()))).toList(),
                ids));
        return reported;
    }

    private Trip locked(UUID id, long expected, Actor actor) {
        Trip trip = trips.findByIdForUpdate(id).orElseThrow(() -> notFound(id));
        access.requireVisible(actor, trip.region(), "Trip", id);
        ExpectedVersion.require(expected, trip.version());
        return trip;
    }

    /** One event per account the trip visits, with that account's visits of the trip. */
    private void announce(Trip trip, Actor actor, BiFunction<UUID, List<UUID>, VisitEvent> event) {
        Map<UUID, List<UUID>> byAccount = new LinkedHashMap<>();
        tripVisits.findByTripId(trip.id()).forEach(tv ->
                byAccount.computeIfAbsent(tv.accountId(), a -> new ArrayList<>()).add(tv.visitId()));
        List<VisitEvent> events = new ArrayList<>();
        byAccount.forEach((account, ids) -> events.add(event.apply(account, ids)));
        outbox.appendAll(VisitEvents.CATALOG, events, actor.name());
    }

    private static Refused notFound(UUID id) {
        return new Rejection.NotFound("Trip", id).refused();
    }
}
