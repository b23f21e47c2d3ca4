package io.kam.visits.planning;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
import io.kam.platform.outbox.Outbox;
import io.kam.visits.VisitSettings;
import io.kam.visits.access.VisitAccess;
import io.kam.visits.api.VisitEvents;
import io.kam.visits.api.VisitRequests;
import io.kam.visits.replica.AccountReplicas;
import io.kam.visits.replica.StoreReplica;
import io.kam.visits.replica.StoreReplicas;
import io.kam.visits.visit.Visit;
import io.kam.visits.visit.VisitRepository;

/**
 * Plans a visit outside the schedule, in the caller's region: to an open store of that region, or to an account's
 * head office. A store that is unknown, closed or in another region is refused alike, so that a coordinator learns
 * nothing about other regions' stores.
 */
@Service
public class PlanVisit {

    private final StoreReplicas stores;
    private final AccountReplicas accounts;
    private final RegionCoordinators coordinators;
    private final VisitRepository visits;
    private final VisitAccess access;
    private final Outbox outbox;
    private final VisitSettings settings;
    private final MarketCalendar calendar;

    PlanVisit(StoreReplicas stores, AccountReplicas accounts, RegionCoordinators coordinators, VisitRepository visits,
              VisitAccess access, Outbox outbox, VisitSettings settings, MarketCalendar calendar) {
        this.stores = stores;
        this.accounts = accounts;
        this.coordinators = coordinators;
        this.visits = visits;
        this.access = access;
        this.outbox = outbox;
        this.settings = settings;
        this.calendar = calendar;
    }

    @Transactional
    public Visit plan(VisitRequests.PlanVisit request, Actor actor) {
        access.requireWorksIn(actor, request.region());
        UUID accountId = accountOf(request);
        String coordinator = request.coordinator() != null && !request.coordinator().isBlank() ? request.coordinator().strip()
                : access.confinement(actor).isPresent() ? actor.name() : coordinators.of(request.region()).coordinator();
        var purpose = request.purpose() == null ? request.type().defaultPurpose() : request.purpose();
        var planned = Visit.adHoc(accountId, request.storeId(), request.region(), coordinator, request.type(), purpose,
                request.plannedDate(), request.slot(), null, calendar.today(), settings.logWindow(),
                calendar.now());
        Visit saved = visits.save(planned.visit());
        outbox.append(VisitEvents.CATALOG, planned.event(), actor.name());
        return saved;
    }

    private UUID accountOf(VisitRequests.PlanVisit request) {
        if (request.storeId() == null) {
            if (request.accountId() == null) {
                throw new Rejection.Invalid("accountId", "is required for a head-office visit (a visit without storeId)").refused();
            }
            if (!accounts.existsById(request.accountId())) {
                throw new Rejection.Invalid("accountId", "is not a known account").refused();
            }
            return request.accountId();
        }
        StoreReplica store = stores.findById(request.storeId()).filter(StoreReplica::open)
                .filter(s -> s.region() == request.region())
                .orElseThrow(() -> new Rejection.Invalid("storeId", "is not an open store of region " + request.region()).refused());
        if (request.accountId() != null && !request.accountId().equals(store.accountId())) {
            throw new Rejection.Invalid("accountId", "is not the account of store " + store.code()).refused();
        }
        return store.accountId();
    }
}
