package io.kam.visits.complaint;

import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kam.accounts.api.Region;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.domain.ExpectedVersion;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
import io.kam.platform.outbox.Outbox;
import io.kam.visits.access.VisitAccess;
import io.kam.visits.api.ComplaintRequests;
import io.kam.visits.api.VisitEvents;
import io.kam.visits.api.VisitEvents.VisitEvent;
import io.kam.visits.replica.AccountReplicas;
import io.kam.visits.replica.StoreReplica;
import io.kam.visits.replica.StoreReplicas;
import io.kam.visits.visit.VisitRepository;

/** Logs complaints and takes them through their life, each step with its event. */
@Service
class ComplaintBook {

    private final ComplaintRepository complaints;
    private final AccountReplicas accounts;
    private final StoreReplicas stores;
    private final VisitRepository visits;
    private final VisitAccess access;
    private final Outbox outbox;
    private final MarketCalendar calendar;

    ComplaintBook(ComplaintRepository complaints, AccountReplicas accounts, StoreReplicas stores, VisitRepository visits,
                  VisitAccess access, Outbox outbox, MarketCalendar calendar) {
        this.complaints = complaints;
        this.accounts = accounts;
        this.stores = stores;
        this.visits = visits;
        this.access = access;
        this.outbox = outbox;
        this.calendar = calendar;
    }

    /**
     * Opens a complaint about a store of the account (its region is the store's) or about the account in a region (a
     * coordinator's own when not named). A store of another region is, to a coordinator, an unknown store.
     */
    @Transactional
    Complaint open(ComplaintRequests.OpenComplaint request, Actor actor) {
        if (!accounts.existsById(request.accountId())) {
            throw new Rejection.Invalid("accountId", "is not a known account").refused();
        }
        Region region = regionOf(request, actor);
        access.requireWorksIn(actor, region);
        if (request.visitId() != null && visits.findById(request.visitId())
                .filter(v -> v.accountId().equals(request.accountId()) && access.sees(actor, v.region())).isEmpty()) {
            throw new Rejection.Invalid("visitId", "is not a visit of this account you may see").refused();
        }
        var opened = Complaint.open(request.accountId(), request.storeId(), region, request.type(),
                request.description(), request.visitId(), actor.name(), calendar.now());
        return save(opened.complaint(), opened.event(), actor, true);
    }

    @Transactional
    Complaint investigate(UUID id, long expected, ComplaintRequests.StartInvestigation request, Actor actor) {
        return change(id, expected, actor, c -> c.investigate(request.note(), calendar.now()));
    }

    @Transactional
    Complaint resolve(UUID id, long expected, ComplaintRequests.Resolve request, Actor actor) {
        return change(id, expected, actor, c -> c.resolve(request.resolution(), request.description(),
                request.promisedDate(), calendar.today(), calendar.now()));
    }

    @Transactional
    Complaint close(UUID id, long expected, ComplaintRequests.Close request, Actor actor) {
        return change(id, expected, actor, c -> c.close(request.reason(), calendar.now()));
    }

    @Transactional
    Complaint keepPromise(UUID id, long expected, ComplaintRequests.KeepPromise request, Actor actor) {
        var today = calendar.today();
        var keptOn = request.keptOn() == null ? today : request.keptOn();
        return change(id, expected, actor, c -> c.keepPromise(keptOn, today, calendar.now()));
    }

    private Region regionOf(ComplaintRequests.OpenComplaint request, Actor actor) {
        if (request.storeId() == null) {
            if (request.region() != null) {
                return request.region();
            }
            return access.confinement(actor).orElseThrow(() -> new Rejection.Invalid("region",
                    "is required for a complaint about the account rather than one of its stores").refused());
        }
        StoreReplica store = stores.findById(request.storeId())
                .filter(s -> s.accountId().equals(request.accountId()) && access.sees(actor, s.region()))
                .orElseThrow(() -> new Rejection.Invalid("storeId", "is not a store of this account you may see").refused());
        if (request.region() != null && request.region() != store.region()) {
            throw new Rejection.Invalid("region", "must be the store's region, " + store.region()).refused();
        }
        return store.region();
    }

    private Complaint change(UUID id, long expected, Actor actor,
                             Function<Complaint, Complaint.Changed<? extends VisitEvent>> decision) {
        Complaint current = complaints.findByIdForUpdate(id).orElseThrow(() -> new Rejection.NotFound("Complaint", id).refused());
        access.requireVisible(actor, current.region(), "Complaint", id);
        ExpectedVersion.require(expected, current.version());
        var changed = decision.apply(current);
        return save(changed.complaint(), changed.event(), actor, false);
    }

    private Complaint save(Complaint complaint, VisitEvent event, Actor actor, boolean isNew) {
        Complaint saved = isNew ? complaints.save(complaint) : complaints.update(complaint);
        outbox.append(VisitEvents.CATALOG, event, actor.name());
        return saved;
    }
}
