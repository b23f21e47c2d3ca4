package io.kam.visits.trip;

import java.net.URI;
import java.util.Comparator;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.kam.accounts.api.Region;
import io.kam.platform.web.ApiProblem;
import io.kam.platform.web.Versions;
import io.kam.visits.access.VisitAccess;
import io.kam.visits.api.Page;
import io.kam.visits.api.TripRequests;
import io.kam.visits.api.TripStatus;
import io.kam.visits.api.TripViews.ReportView;
import io.kam.visits.api.TripViews.SummaryView;
import io.kam.visits.api.TripViews.TripView;
import io.kam.visits.api.TripViews.TripVisit;
import io.kam.visits.replica.StoreReplica;
import io.kam.visits.replica.StoreReplicas;
import io.kam.visits.visit.VisitRepository;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Trip plans (出差计划): proposed, agreed before the trip, summarised daily, assessed afterwards. */
@RestController
@RequestMapping("/api/visits/trips")
class TripsController {

    private final TripBook book;
    private final TripRows.Trips trips;
    private final TripRows.TripVisits tripVisits;
    private final TripRows.Summaries summaries;
    private final TripRows.Findings findings;
    private final VisitRepository visits;
    private final StoreReplicas stores;
    private final VisitAccess access;

    TripsController(TripBook book, TripRows.Trips trips, TripRows.TripVisits tripVisits, TripRows.Summaries summaries,
                    TripRows.Findings findings, VisitRepository visits, StoreReplicas stores, VisitAccess access) {
        this.book = book;
        this.trips = trips;
        this.tripVisits = tripVisits;
        this.summaries = summaries;
        this.findings = findings;
        this.visits = visits;
        this.stores = stores;
        this.access = access;
    }

    @Operation(summary = "Propose a trip of the region's planned visits, for a national KA manager to agree",
            description = "The caller is the traveller. Every visit is still to be made, in the trip's region, planned "
                    + "within its days and on no other trip.")
    @PostMapping
    ResponseEntity<TripView> propose(@Valid @RequestBody TripRequests.ProposeTrip request) {
        Trip trip = book.propose(request, access.staff());
        return ResponseEntity.created(URI.create("/api/visits/trips/" + trip.id())).eTag(Versions.etag(trip.version()))
                .body(view(trip));
    }

    @Operation(summary = "Trips, latest first; coordinators see their region's")
    @GetMapping
    @Transactional(readOnly = true)
    Page<TripView> list(@RequestParam(required = false) Region region, @RequestParam(required = false) TripStatus status,
                        @RequestParam(defaultValue = "0") @Min(0) int page,
                        @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        var actor = access.staff();
        String r = access.listingRegion(actor, region).map(Region::name).orElse(null);
        String s = status == null ? null : status.name();
        var items = trips.search(r, s, size, (long) page * size).stream().map(this::view).toList();
        return Page.of(items, page, size, trips.countSearch(r, s));
    }

    @Operation(summary = "One trip with its visits as they stand, daily summaries and report; version in the ETag")
    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    ResponseEntity<TripView> read(@PathVariable UUID id) {
        var actor = access.staff();
        Trip trip = trips.findById(id).orElseThrow(() -> new ApiProblem.NotFound("Trip", id));
        access.requireVisible(actor, trip.region(), "Trip", id);
        return withVersion(trip);
    }

    @Operation(summary = "Agree the trip before it starts (If-Match); national KA managers, not the traveller")
    @PostMapping("/{id}/agreement")
    ResponseEntity<TripView> agree(@PathVariable UUID id,
                                   @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        var actor = access.manager();
        return withVersion(book.agree(id, Versions.fromIfMatch(ifMatch), actor));
    }

    @Operation(summary = "Return the trip with a comment (If-Match); its visits are free for another proposal")
    @PostMapping("/{id}/return")
    ResponseEntity<TripView> returnTrip(@PathVariable UUID id,
                                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        @Valid @RequestBody TripRequests.ReturnTrip request) {
        var actor = access.manager();
        return withVersion(book.returnToCoordinator(id, Versions.fromIfMatch(ifMatch), request, actor));
    }

    @Operation(summary = "The traveller's summary of a day of the agreed trip (每日汇报); one per day")
    @PostMapping("/{id}/daily-summaries")
    ResponseEntity<TripView> summarise(@PathVariable UUID id, @Valid @RequestBody TripRequests.DailySummary request) {
        return withVersion(book.summarise(id, request, access.staff()));
    }

    @Operation(summary = "The traveller's market assessment after the trip (市场评估) (If-Match)",
            description = "Goals and how far they were reached; problems found with proposed solutions, each linked to "
                    + "a visit of the trip or to the market as a whole. From the trip's last day on.")
    @PostMapping("/{id}/report")
    ResponseEntity<TripView> report(@PathVariable UUID id,
                                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                    @Valid @RequestBody TripRequests.Report request) {
        var actor = access.staff();
        return withVersion(book.report(id, Versions.fromIfMatch(ifMatch), request, actor));
    }

    private ResponseEntity<TripView> withVersion(Trip trip) {
        TripView view = view(trip);
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    private TripView view(Trip trip) {
        var onTrip = tripVisits.findByTripId(trip.id()).stream()
                .flatMap(tv -> visits.findById(tv.visitId()).stream())
                .map(v -> new TripVisit(v.id(), v.accountId(), v.storeId(),
                        v.storeId() == null ? null : stores.findById(v.storeId()).map(StoreReplica::code).orElse(null),
                        v.plannedDate(), v.slot(), v.status()))
                .sorted(Comparator.comparing(TripVisit::plannedDate).thenComparing(TripVisit::slot))
                .toList();
        var days = summaries.findByTripIdOrderByDate(trip.id()).stream()
                .map(s -> new SummaryView(s.date(), s.summary(), s.addedAt())).toList();
        var report = trip.reportedAt() == null ? null : new ReportView(trip.goals(),
                findings.findByTripIdOrderByPosition(trip.id()).stream().map(TripRows.FindingRow::finding).toList(),
                trip.reportedAt());
        return new TripView(trip.id(), trip.region(), trip.coordinator(), trip.title(), trip.startDate(), trip.endDate(),
                trip.status(), onTrip, trip.decidedBy(), trip.decidedAt(), trip.returnComment(), days, report,
                trip.version() == null ? 0 : trip.version());
    }
}
