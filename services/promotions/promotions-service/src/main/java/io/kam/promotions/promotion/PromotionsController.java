package io.kam.promotions.promotion;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
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
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
import io.kam.platform.web.CurrentActor;
import io.kam.platform.web.Versions;
import io.kam.promotions.api.PromotionRequests;
import io.kam.promotions.api.PromotionStatus;
import io.kam.promotions.api.PromotionViews.PromotionPage;
import io.kam.promotions.api.PromotionViews.PromotionView;
import io.kam.visits.api.Gtin;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Promotions (促销) per account: drafted, proposed, approved with four eyes, agreed with the retailer, cancelled. */
@RestController
@RequestMapping("/api/promotions")
@Validated
class PromotionsController {

    private final Promotions promotions;
    private final PromotionStore store;
    private final PromotionAccess access;
    private final PromotionSettings settings;
    private final CurrentActor current;
    private final Clock clock;

    PromotionsController(Promotions promotions, PromotionStore store, PromotionAccess access,
                         PromotionSettings settings, CurrentActor current, Clock clock) {
        this.promotions = promotions;
        this.settings = settings;
        this.store = store;
        this.access = access;
        this.current = current;
        this.clock = clock;
    }

    /** National KA managers only: those who plan and decide. */
    private Actor manager() {
        return current.requireAny(Actor.NATIONAL_KA_MANAGER);
    }

    /** Anyone who may read promotions, with what they may see. */
    private PromotionAccess.Scope reader() {
        return access.scopeOf(current.requireAny(PromotionAccess.READERS));
    }

    @Operation(summary = "Draft a promotion for an account (national KA managers)",
            description = "Mechanics, SKUs (GTIN, category, regular price and the promoted price or discount depth), "
                    + "stores (named, or every open store of the account in a region and/or of a format), in-store "
                    + "and sell-in periods, retailer fees, fund and forecast. The same SKU in the same store over an "
                    + "overlapping in-store period of another promotion is refused (409, with the clashing promotion).")
    @PostMapping
    ResponseEntity<PromotionView> draft(@Valid @RequestBody PromotionRequests.DraftPromotion request) {
        Promotion promotion = promotions.draft(request, manager());
        return ResponseEntity.created(URI.create("/api/promotions/" + promotion.id()))
                .eTag(Versions.etag(promotion.version())).body(promotion.view());
    }

    @Operation(summary = "The forecast history proposes for these terms (national KA managers)",
            description = "Baseline units from the account's sell-through in the stores over the weeks before the "
                    + "period (scaled by last year where a year of history exists) and uplift from the SKUs' past "
                    + "evaluated promotions (the account's, else every account's). A draft without a forecast gets "
                    + "this one. Nothing is written.")
    @PostMapping("/forecast")
    ForecastProposer.Proposal forecast(@Valid @RequestBody PromotionRequests.DraftPromotion request) {
        manager();
        return promotions.forecast(request);
    }

    @Operation(summary = "Promotions, soonest in-store period first",
            description = "The promotion calendar. Filters: account, status, region (of its stores), GTIN, and an "
                    + "in-store period overlapping from..to or a month (2027-03). Coordinators see the promotions of their region's stores; a retailer's integration "
                    + "sees its own account's agreed promotions.")
    @GetMapping
    @Transactional(readOnly = true)
    PromotionPage list(@RequestParam(required = false) @Nullable UUID accountId,
                       @RequestParam(required = false) @Nullable PromotionStatus status,
                       @RequestParam(required = false) @Nullable Region region,
                       @RequestParam(required = false) @Nullable String gtin,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
                       @RequestParam(required = false) @Nullable YearMonth month,
                       @RequestParam(defaultValue = "0") @Min(0) int page,
                       @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        var scope = reader();
        if (month != null) {
            if (from != null || to != null) {
                throw new Rejection.Invalid("month", "give a month or from and to, not both").refused();
            }
            from = month.atDay(1);
            to = month.atEndOfMonth();
        }
        if (scope.region().isPresent() && region != null && region != scope.region().get()) {
            throw new Rejection.Forbidden("outside-your-region", "you work in " + scope.region().get() + ", not "
                    + region).refused();
        }
        String sku = gtin == null ? null : Gtin.normalise(gtin).orElseThrow(
                () -> new Rejection.Invalid("gtin", Gtin.problem(gtin)).refused());
        if (from != null && to != null && to.isBefore(from)) {
            throw new Rejection.Invalid("to", "must not be before from (" + from + ")").refused();
        }
        UUID account = accountOf(scope, accountId);
        Region inRegion = scope.region().orElse(region);
        var items = store.search(account, status, inRegion, sku, from, to, scope.agreedOnly(), size, (long) page * size)
                .stream().map(Promotion::view).toList();
        return new PromotionPage(items, store.count(account, status, inRegion, sku, from, to, scope.agreedOnly()),
                page, size);
    }

    @Operation(summary = "An account's agreed promotions as an iCalendar (text/calendar) for the retailer",
            description = "One all-day event per agreed, running or ended promotion over its in-store period. A "
                    + "retailer's integration gets its own account's; a coordinator those in their region's stores.")
    @GetMapping(value = "/calendar.ics", produces = "text/calendar;charset=UTF-8")
    @Transactional(readOnly = true)
    ResponseEntity<String> calendar(@RequestParam(required = false) @Nullable UUID accountId,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        var scope = reader();
        UUID account = accountOf(scope, accountId);
        if (account == null) {
            throw new Rejection.Invalid("accountId", "is required: a calendar is one account's").refused();
        }
        var agreed = store.searchAll(account, scope.region().orElse(null), from, to, true);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"promotions-" + account + ".ics\"")
                .body(ICalendar.of(agreed, clock.instant()));
    }

    @Operation(summary = "One promotion, with its version in the ETag")
    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    ResponseEntity<PromotionView> read(@PathVariable UUID id) {
        var scope = reader();
        Promotion promotion = store.find(id).orElseThrow(() -> new Rejection.NotFound("Promotion", id).refused());
        return withVersion(PromotionAccess.visible(scope, promotion));
    }

    @Operation(summary = "Change a draft's or a returned promotion's terms (If-Match)",
            description = "The editor joins those who may not approve it.")
    @PutMapping("/{id}/terms")
    ResponseEntity<PromotionView> change(@PathVariable UUID id,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                         @Valid @RequestBody PromotionRequests.TermsInput terms) {
        var actor = manager();
        return withVersion(promotions.change(id, Versions.fromIfMatch(ifMatch), terms, actor));
    }

    @Operation(summary = "Propose a draft for approval (If-Match)",
            description = "Carries the warnings found: other promotions of the same category in some of its stores "
                    + "over an overlapping period.")
    @PostMapping("/{id}/proposal")
    ResponseEntity<PromotionView> propose(@PathVariable UUID id,
                                          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        var actor = manager();
        return withVersion(promotions.propose(id, Versions.fromIfMatch(ifMatch), actor));
    }

    @Operation(summary = "Return a proposed promotion to be reworked, with the reason (If-Match)")
    @PostMapping("/{id}/return")
    ResponseEntity<PromotionView> returnToAuthor(@PathVariable UUID id,
                                                 @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                 @Valid @RequestBody PromotionRequests.Return request) {
        var actor = manager();
        return withVersion(promotions.returnToAuthor(id, Versions.fromIfMatch(ifMatch), request, actor));
    }

    @Operation(summary = "Approve a proposed promotion (If-Match), committing its planned spend on its fund",
            description = "Four eyes: its author and everyone who edited its terms are refused (403). One that would "
                    + "overdraw its fund is refused (422 fund-overdrawn, with budget, committed, planned spend and "
                    + "overdraw) unless the body gives overrideReason.")
    @PostMapping("/{id}/approval")
    ResponseEntity<PromotionView> approve(@PathVariable UUID id,
                                          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          @Valid @RequestBody(required = false) PromotionRequests.@Nullable Approve request) {
        var actor = manager();
        return withVersion(promotions.approve(id, Versions.fromIfMatch(ifMatch),
                request == null ? new PromotionRequests.Approve(null) : request, actor));
    }

    @Operation(summary = "Record the retailer's agreement to an approved promotion (If-Match)",
            description = "Who confirmed it on the retailer's side, on which day (not after today), and their "
                    + "reference. From here its terms are fixed; the calendar runs and ends it.")
    @PostMapping("/{id}/agreement")
    ResponseEntity<PromotionView> agree(@PathVariable UUID id,
                                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        @Valid @RequestBody PromotionRequests.Agree request) {
        var actor = manager();
        return withVersion(promotions.agree(id, Versions.fromIfMatch(ifMatch), request, actor));
    }

    @Operation(summary = "Cancel a promotion that has not ended, with the reason (If-Match)",
            description = "It frees its SKUs in its stores for other promotions.")
    @PostMapping("/{id}/cancellation")
    ResponseEntity<PromotionView> cancel(@PathVariable UUID id,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                         @Valid @RequestBody PromotionRequests.Cancel request) {
        var actor = manager();
        return withVersion(promotions.cancel(id, Versions.fromIfMatch(ifMatch), request, actor));
    }

    @Operation(summary = "Revise an agreed promotion that has not started: new terms, a new revision (If-Match)",
            description = "It is a draft again: proposed, approved by a national KA manager who wrote none of its "
                    + "terms, and agreed with the retailer anew. Until then it does not run and commits no spend.")
    @PostMapping("/{id}/revisions")
    ResponseEntity<PromotionView> revise(@PathVariable UUID id,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                         @Valid @RequestBody PromotionRequests.Revise request) {
        var actor = manager();
        return withVersion(promotions.revise(id, Versions.fromIfMatch(ifMatch), request, actor));
    }

    @Operation(summary = "Record the fees the retailer actually charged for an ended promotion (If-Match)",
            description = "They replace any settled before and count in its actual spend; an evaluated promotion is "
                    + "evaluated again.")
    @PutMapping("/{id}/settlement")
    ResponseEntity<PromotionView> settle(@PathVariable UUID id,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                         @Valid @RequestBody PromotionRequests.SettleFees request) {
        var actor = manager();
        return withVersion(promotions.settle(id, Versions.fromIfMatch(ifMatch), request, actor));
    }

    @Operation(summary = "Set an account's promotion settings (national KA managers)",
            description = "minimumGapDays: the fewest days between two promotions of one SKU in a store; a proposal "
                    + "with a shorter gap carries a minimum-gap warning.")
    @PutMapping("/settings/{accountId}")
    PromotionSettingsView setSettings(@PathVariable UUID accountId,
                                      @Valid @RequestBody PromotionRequests.SetSettings request) {
        promotions.setMinimumGap(accountId, request.minimumGapDays(), manager());
        return new PromotionSettingsView(accountId, request.minimumGapDays());
    }

    @Operation(summary = "An account's promotion settings (national KA managers)")
    @GetMapping("/settings/{accountId}")
    @Transactional(readOnly = true)
    PromotionSettingsView settings(@PathVariable UUID accountId) {
        manager();
        return new PromotionSettingsView(accountId, settings.minimumGapDays(accountId));
    }

    /** An account's promotion settings. */
    record PromotionSettingsView(UUID accountId, int minimumGapDays) {
    }

    /** The account a request names, or the one an integration is bound to; another account is refused. */
    private static @Nullable UUID accountOf(PromotionAccess.Scope scope, @Nullable UUID accountId) {
        if (scope.account().isPresent() && accountId != null && !accountId.equals(scope.account().get())) {
            throw new Rejection.Forbidden("not-your-retailer", "this client reads the promotions of account "
                    + scope.account().get() + " only").refused();
        }
        return scope.account().orElse(accountId);
    }

    private static ResponseEntity<PromotionView> withVersion(Promotion promotion) {
        return ResponseEntity.ok().eTag(Versions.etag(promotion.version())).body(promotion.view());
    }
}
