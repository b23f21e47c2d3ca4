package io.kam.visits.visit;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.kam.accounts.api.Region;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.web.ApiProblem;
import io.kam.platform.web.Versions;
import io.kam.visits.access.VisitAccess;
import io.kam.visits.api.Page;
import io.kam.visits.api.VisitRequests;
import io.kam.visits.api.VisitStatus;
import io.kam.visits.api.VisitViews.VisitSummary;
import io.kam.visits.api.VisitViews.VisitView;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Visits: the schedule, one visit, its preparation and its log. */
@RestController
@RequestMapping("/api/visits")
class VisitsController {

    private final VisitQueries queries;
    private final PrepareVisit prepareVisit;
    private final LogVisit logVisit;
    private final VisitAccess access;
    private final MarketCalendar calendar;

    VisitsController(VisitQueries queries, PrepareVisit prepareVisit, LogVisit logVisit, VisitAccess access,
                     MarketCalendar calendar) {
        this.queries = queries;
        this.prepareVisit = prepareVisit;
        this.logVisit = logVisit;
        this.access = access;
        this.calendar = calendar;
    }

    @Operation(summary = "Visits by planned day: a coordinator's schedule, a store's or an account's visits",
            description = "From today to the schedule's horizon unless from/to say otherwise. unassigned=true lists "
                    + "the visits of regions without a coordinator. Coordinators see their region's.")
    @GetMapping
    Page<VisitSummary> search(@RequestParam(required = false) Region region,
                              @RequestParam(required = false) String coordinator,
                              @RequestParam(defaultValue = "false") boolean unassigned,
                              @RequestParam(required = false) UUID accountId,
                              @RequestParam(required = false) UUID storeId,
                              @RequestParam(required = false) VisitStatus status,
                              @RequestParam(required = false) LocalDate from,
                              @RequestParam(required = false) LocalDate to,
                              @RequestParam(defaultValue = "0") @Min(0) int page,
                              @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        var actor = access.staff();
        LocalDate today = calendar.today();
        LocalDate start = from == null ? today : from;
        LocalDate end = to == null ? start.plusYears(1) : to;
        if (end.isBefore(start)) {
            throw new ApiProblem.Invalid("to", "must not be before from (" + start + ")");
        }
        var filter = new VisitQueries.Filter(access.listingRegion(actor, region).orElse(null), coordinator, unassigned,
                accountId, storeId, status, start, end);
        return queries.search(filter, page, size);
    }

    @Operation(summary = "One visit with its preparation, log, commitments, store check and trip; version in the ETag")
    @GetMapping("/{id}")
    ResponseEntity<VisitView> read(@PathVariable UUID id) {
        var actor = access.staff();
        Visit visit = queries.find(id).orElseThrow(() -> new ApiProblem.NotFound("Visit", id));
        access.requireVisible(actor, visit.region(), "Visit", id);
        return withVersion(visit);
    }

    @Operation(summary = "Prepare the visit (三准备) (If-Match)",
            description = "Objective, appointment day and slot, place, phone confirmation, material, contact. A "
                    + "scheduled visit moves only within the week it is due (422 outside-due-week).")
    @PutMapping("/{id}/plan")
    ResponseEntity<VisitView> prepare(@PathVariable UUID id,
                                      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                      @Valid @RequestBody VisitRequests.PrepareVisit request) {
        var actor = access.staff();
        return withVersion(prepareVisit.prepare(id, Versions.fromIfMatch(ifMatch), request, actor));
    }

    @Operation(summary = "Log the visit (If-Match): 三必谈, 三必到, outcome, next appointment, follow-ups, commitments",
            description = "Each must-discuss point and must-go place needs a note or a reason it did not apply. After "
                    + "the log window (48 h from the planned time) the log needs lateReason and counts as late. "
                    + "Commitments outside the account's policy are flagged, not promised.")
    @PostMapping("/{id}/log")
    ResponseEntity<VisitView> log(@PathVariable UUID id,
                                  @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                  @Valid @RequestBody VisitRequests.LogVisit request) {
        var actor = access.staff();
        return withVersion(logVisit.log(id, Versions.fromIfMatch(ifMatch), request, actor));
    }

    private ResponseEntity<VisitView> withVersion(Visit visit) {
        VisitView view = queries.view(visit);
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }
}
