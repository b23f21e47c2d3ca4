package io.kam.visits.visit;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.domain.ExpectedVersion;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
import io.kam.platform.outbox.Outbox;
import io.kam.visits.VisitSettings;
import io.kam.visits.access.VisitAccess;
import io.kam.visits.api.Material;
import io.kam.visits.api.VisitEvents;
import io.kam.visits.api.VisitEvents.VisitPrepared;
import io.kam.visits.api.VisitRequests;

/** Prepares a visit (三准备): objective, appointment, material, contact; it may move the visit's day and slot. */
@Service
public class PrepareVisit {

    private final VisitRepository visits;
    private final VisitRows.Preparations preparations;
    private final VisitAccess access;
    private final Outbox outbox;
    private final VisitSettings settings;
    private final MarketCalendar calendar;

    PrepareVisit(VisitRepository visits, VisitRows.Preparations preparations, VisitAccess access, Outbox outbox,
                 VisitSettings settings, MarketCalendar calendar) {
        this.visits = visits;
        this.preparations = preparations;
        this.access = access;
        this.outbox = outbox;
        this.settings = settings;
        this.calendar = calendar;
    }

    @Transactional
    public Visit prepare(UUID id, long expectedVersion, VisitRequests.PrepareVisit request, Actor actor) {
        Visit current = visits.findByIdForUpdate(id).orElseThrow(() -> new Rejection.NotFound("Visit", id).refused());
        access.requireVisible(actor, current.region(), "Visit", id);
        ExpectedVersion.require(expectedVersion, current.version());
        var purpose = request.purpose() == null ? request.type().defaultPurpose() : request.purpose();
        Visit replanned = current.replan(request.type(), purpose, request.plannedDate(), request.slot(),
                calendar.today(), settings.logWindow());
        var materials = request.materials() == null ? List.<Material>of() : request.materials();
        VisitPreparation preparation = VisitPreparation.of(id, request.objective(), request.place(),
                request.confirmedByPhone(), materials, request.contact(), actor.name(), calendar.now());
        Visit saved = visits.update(replanned);
        if (preparations.existsById(id)) {
            preparations.update(preparation);
        } else {
            preparations.save(preparation);
        }
        outbox.append(VisitEvents.CATALOG, new VisitPrepared(saved.accountId(), id, saved.storeId(), saved.region(),
                saved.type(), saved.purpose(), preparation.objective(), saved.plannedDate(), saved.slot(),
                saved.logDeadline(), preparation.place(), preparation.confirmedByPhone(), preparation.materialList(),
                preparation.contact()), actor.name());
        return saved;
    }
}
