package io.kam.visits.storecheck;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.domain.FieldError;
import io.kam.platform.domain.Refused;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
import io.kam.platform.outbox.Outbox;
import io.kam.platform.persistence.UniqueViolations;
import io.kam.visits.VisitSettings;
import io.kam.visits.access.VisitAccess;
import io.kam.visits.api.CompetitorObservation;
import io.kam.visits.api.SkuCheck;
import io.kam.visits.api.StoreCheckEvents.StoreCheckRecorded;
import io.kam.visits.api.StoreCheckRequests;
import io.kam.visits.api.VisitEvents;
import io.kam.visits.api.VisitStatus;
import io.kam.visits.listing.ListedSku;
import io.kam.visits.listing.ListedSkus;
import io.kam.visits.visit.Visit;
import io.kam.visits.visit.VisitRepository;

/**
 * Records the store check of a store visit: every listed SKU on shelf or not, at what price against the agreed one, in
 * stock or not; display and material; competitors; the execution of every promotion running in the store that day.
 * Scores it and announces it, with one {@code kam.promotion-execution.checked} per running promotion. One check per
 * visit. Every problem of the lines and of the promotions is named at once (400), and nothing is written.
 */
@Service
public class RecordStoreCheck {

    private final VisitRepository visits;
    private final ListedSkus listing;
    private final CheckRows.Checks checks;
    private final CheckRows.Skus skuRows;
    private final CheckRows.Competitors competitorRows;
    private final VisitAccess access;
    private final Outbox outbox;
    private final VisitSettings settings;
    private final MarketCalendar calendar;
    private final PromotionExecutions executions;

    RecordStoreCheck(VisitRepository visits, ListedSkus listing, CheckRows.Checks checks, CheckRows.Skus skuRows,
                     CheckRows.Competitors competitorRows, VisitAccess access, Outbox outbox, VisitSettings settings,
                     MarketCalendar calendar, PromotionExecutions executions) {
        this.visits = visits;
        this.listing = listing;
        this.checks = checks;
        this.skuRows = skuRows;
        this.competitorRows = competitorRows;
        this.access = access;
        this.outbox = outbox;
        this.settings = settings;
        this.calendar = calendar;
        this.executions = executions;
    }

    /** Records the check; returns its id. */
    @Transactional
    public UUID record(UUID visitId, StoreCheckRequests.RecordStoreCheck request, Actor actor) {
        Visit visit = visits.findByIdForUpdate(visitId).orElseThrow(() -> new Rejection.NotFound("Visit", visitId).refused());
        access.requireVisible(actor, visit.region(), "Visit", visitId);
        requireCheckable(visit);
        List<ListedSku> listed = listing.findByAccountIdOrderByGtin(visit.accountId());
        if (listed.isEmpty()) {
            throw new Rejection.BrokenRule("no-listed-skus", "the account lists no SKUs yet, so there is nothing to "
                    + "check on the shelf; a national KA manager lists them first").refused();
        }
        Instant now = calendar.now();
        List<FieldError> errors = new ArrayList<>();
        List<SkuCheck> skus = shelf(request, listed, errors);
        var answered = executions.match(visit.storeId(), MarketCalendar.dayOf(now), request.promotions(), errors);
        if (!errors.isEmpty()) {
            throw new Rejection.Invalid(errors).refused();
        }
        List<CompetitorObservation> competitors = request.competitors() == null ? List.of() : request.competitors();
        var scored = ComplianceScore.of(skus, request.display());
        var display = request.display();
        var parts = scored.parts();
        StoreCheck check = new StoreCheck(UUID.randomUUID(), visitId, visit.accountId(), visit.storeId(), visit.region(),
                actor.name(), now, scored.score(), parts.distribution(), parts.availability(), parts.price(),
                parts.display(), display.secondaryDisplays(), display.poster(), display.hangingFlag(),
                display.displayCabinet(), display.promoterPresent());
        UniqueViolations.guard("store_check_once_per_visit", () -> checks.save(check), () -> duplicate(visitId));
        skuRows.saveAll(IntStream.range(0, skus.size()).mapToObj(i -> {
            SkuCheck sku = skus.get(i);
            return new CheckRows.SkuRow(UUID.randomUUID(), check.id(), i, sku.gtin(), sku.onShelf(), sku.shelfPrice(),
                    sku.agreedRetailPrice(), sku.deviationPercent(), sku.facings(), sku.outOfStock());
        }).toList());
        if (!competitors.isEmpty()) {
            competitorRows.saveAll(IntStream.range(0, competitors.size()).mapToObj(i -> {
                CompetitorObservation seen = competitors.get(i);
                return new CheckRows.CompetitorRow(UUID.randomUUID(), check.id(), i, seen.brand().strip(),
                        seen.product().strip(), seen.price(), seen.promotion());
            }).toList());
        }
        outbox.append(VisitEvents.CATALOG, new StoreCheckRecorded(visit.accountId(), check.id(), visitId, visit.storeId(),
                visit.region(), actor.name(), now, scored.score(), parts, skus, display, competitors), actor.name());
        executions.record(check, answered, skus, actor.name());
        return check.id();
    }

    /** The checked SKU lines; none when they are refused, their field errors added. */
    private List<SkuCheck> shelf(StoreCheckRequests.RecordStoreCheck request, List<ListedSku> listed,
                                 List<FieldError> errors) {
        try {
            return ShelfLines.check(request.skus(), listed, settings.maxPriceRatio());
        } catch (Refused refused) {
            if (refused.rejection() instanceof Rejection.Invalid invalid) {
                errors.addAll(invalid.errors());
                return List.of();
            }
            throw refused;
        }
    }

    private void requireCheckable(Visit visit) {
        if (visit.storeId() == null) {
            throw new Rejection.BrokenRule("not-a-store-visit", "visit " + visit.id() + " is to the head office; "
                    + "store checks are recorded at store visits").refused();
        }
        if (visit.status() == VisitStatus.CANCELLED) {
            throw new Rejection.Conflict("visit-cancelled", "visit " + visit.id() + " was cancelled").refused();
        }
        if (calendar.today().isBefore(visit.plannedDate())) {
            throw new Rejection.BrokenRule("visit-not-yet-due", "visit " + visit.id() + " is planned for "
                    + visit.plannedDate() + "; a store check is recorded on the day of the visit or later").refused();
        }
        if (checks.findByVisitId(visit.id()).isPresent()) {
            throw duplicate(visit.id());
        }
    }

    private static Refused duplicate(UUID visitId) {
        return new Rejection.Conflict("duplicate-store-check", "visit " + visitId
                + " already has its store check; one visit, one check of its store").refused();
    }
}
