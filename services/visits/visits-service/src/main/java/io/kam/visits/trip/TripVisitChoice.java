package io.kam.visits.trip;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.kam.platform.domain.FieldError;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
import io.kam.visits.access.VisitAccess;
import io.kam.visits.api.VisitStatus;
import io.kam.visits.visit.Visit;
import io.kam.visits.visit.VisitRepository;

/**
 * The visits a trip may take: visits the caller may see, of the trip's region, still to be made, planned within the
 * trip's days, each named once and on no other trip that is not returned. Each is locked while it is checked, so that
 * two proposals cannot both take it; every refusal names its visit.
 */
@Component
class TripVisitChoice {

    private final VisitRepository visits;
    private final TripRows.TripVisits tripVisits;
    private final VisitAccess access;

    TripVisitChoice(VisitRepository visits, TripRows.TripVisits tripVisits, VisitAccess access) {
        this.visits = visits;
        this.tripVisits = tripVisits;
        this.access = access;
    }

    List<Visit> visits(List<UUID> ids, Trip trip, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        List<Visit> found = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            UUID id = ids.get(i);
            String field = "visitIds[" + i + "]";
            var visit = visits.findByIdForUpdate(id).filter(v -> access.sees(actor, v.region()));
            if (!seen.add(id)) {
                errors.add(new FieldError(field, "is on the trip twice"));
            } else if (visit.isEmpty()) {
                errors.add(new FieldError(field, "is not a visit you may see"));
            } else if (visit.get().region() != trip.region()) {
                errors.add(new FieldError(field, "is in region " + visit.get().region() + ", not " + trip.region()));
            } else if (visit.get().status() != VisitStatus.PLANNED) {
                errors.add(new FieldError(field, "is " + visit.get().status() + "; a trip takes visits still to be made"));
            } else if (visit.get().plannedDate().isBefore(trip.startDate())
                    || visit.get().plannedDate().isAfter(trip.endDate())) {
                errors.add(new FieldError(field, "is planned for " + visit.get().plannedDate() + ", outside the trip"));
            } else {
                found.add(visit.get());
            }
        }
        if (!errors.isEmpty()) {
            throw new Rejection.Invalid(errors).refused();
        }
        var elsewhere = tripVisits.findByVisitIdInListAndActive(found.stream().map(Visit::id).toList(), true);
        if (!elsewhere.isEmpty()) {
            var taken = elsewhere.stream().map(TripRows.TripVisitRow::visitId).toList();
            throw new Rejection.Conflict("visit-on-another-trip", "visits " + taken + " are on trip "
                    + elsewhere.getFirst().tripId() + "; a visit is on one trip at a time").refused();
        }
        return found;
    }
}
