package io.kam.visits.complaint;

import java.net.URI;
import java.time.LocalDate;
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
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.web.ApiProblem;
import io.kam.platform.web.Versions;
import io.kam.visits.access.VisitAccess;
import io.kam.visits.api.ComplaintRequests;
import io.kam.visits.api.ComplaintStatus;
import io.kam.visits.api.ComplaintViews.ComplaintView;
import io.kam.visits.api.Page;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Complaints and objections (嫌货人才是买货人): opened, investigated, resolved or closed. */
@RestController
@RequestMapping("/api/visits/complaints")
class ComplaintsController {

    private final ComplaintBook book;
    private final ComplaintRepository complaints;
    private final VisitAccess access;
    private final MarketCalendar calendar;

    ComplaintsController(ComplaintBook book, ComplaintRepository complaints, VisitAccess access,
                         MarketCalendar calendar) {
        this.book = book;
        this.complaints = complaints;
        this.access = access;
        this.calendar = calendar;
    }

    @Operation(summary = "Log a complaint about a store of an account, or about the account in a region",
            description = "Types PRODUCT_QUALITY, PRICE_TOO_HIGH, DELIVERY, SERVICE. A coordinator logs them in their "
                    + "own region.")
    @PostMapping
    ResponseEntity<ComplaintView> open(@Valid @RequestBody ComplaintRequests.OpenComplaint request) {
        Complaint complaint = book.open(request, access.staff());
        return ResponseEntity.created(URI.create("/api/visits/complaints/" + complaint.id()))
                .eTag(Versions.etag(complaint.version())).body(complaint.view(today()));
    }

    @Operation(summary = "Complaints, newest first", description = "overdue=true lists the resolutions whose promised "
            + "date passed unkept. Coordinators see their region's.")
    @GetMapping
    @Transactional(readOnly = true)
    Page<ComplaintView> list(@RequestParam(required = false) ComplaintStatus status,
                             @RequestParam(required = false) Region region,
                             @RequestParam(required = false) UUID accountId,
                             @RequestParam(required = false) UUID storeId,
                             @RequestParam(defaultValue = "false") boolean overdue,
                             @RequestParam(defaultValue = "0") @Min(0) int page,
                             @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        var actor = access.staff();
        String r = access.listingRegion(actor, region).map(Region::name).orElse(null);
        String s = status == null ? null : status.name();
        var today = today();
        var items = complaints.search(s, r, accountId, storeId, overdue, today, size, (long) page * size).stream()
                .map(c -> c.view(today)).toList();
        return Page.of(items, page, size, complaints.countSearch(s, r, accountId, storeId, overdue, today));
    }

    @Operation(summary = "One complaint, with its version in the ETag")
    @GetMapping("/{id}")
    ResponseEntity<ComplaintView> read(@PathVariable UUID id) {
        var actor = access.staff();
        Complaint complaint = complaints.findById(id).orElseThrow(() -> new ApiProblem.NotFound("Complaint", id));
        access.requireVisible(actor, complaint.region(), "Complaint", id);
        return withVersion(complaint);
    }

    @Operation(summary = "Start investigating an open complaint (If-Match)")
    @PostMapping("/{id}/investigation")
    ResponseEntity<ComplaintView> investigate(@PathVariable UUID id,
                                              @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                              @Valid @RequestBody ComplaintRequests.StartInvestigation request) {
        var actor = access.staff();
        return withVersion(book.investigate(id, Versions.fromIfMatch(ifMatch), request, actor));
    }

    @Operation(summary = "Resolve an investigated complaint (If-Match)",
            description = "REMEDY, EXPLANATION, RETURN, or PROMISED_DATE with the promised date (today or later).")
    @PostMapping("/{id}/resolution")
    ResponseEntity<ComplaintView> resolve(@PathVariable UUID id,
                                          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          @Valid @RequestBody ComplaintRequests.Resolve request) {
        var actor = access.staff();
        return withVersion(book.resolve(id, Versions.fromIfMatch(ifMatch), request, actor));
    }

    @Operation(summary = "Close an open or investigated complaint without a resolution, with the reason (If-Match)")
    @PostMapping("/{id}/closure")
    ResponseEntity<ComplaintView> close(@PathVariable UUID id,
                                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        @Valid @RequestBody ComplaintRequests.Close request) {
        var actor = access.staff();
        return withVersion(book.close(id, Versions.fromIfMatch(ifMatch), request, actor));
    }

    @Operation(summary = "Record that the promised date's promise was kept (If-Match); it is then no longer overdue")
    @PostMapping("/{id}/promise-kept")
    ResponseEntity<ComplaintView> keepPromise(@PathVariable UUID id,
                                              @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                              @Valid @RequestBody ComplaintRequests.KeepPromise request) {
        var actor = access.staff();
        return withVersion(book.keepPromise(id, Versions.fromIfMatch(ifMatch), request, actor));
    }

    private ResponseEntity<ComplaintView> withVersion(Complaint complaint) {
        ComplaintView view = complaint.view(today());
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    private LocalDate today() {
        return calendar.today();
    }
}
