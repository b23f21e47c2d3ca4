package io.kam.accounts.plan;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.kam.accounts.account.AccountAccess;
import io.kam.accounts.api.PlanEvents.ActionProgressed;
import io.kam.accounts.api.PlanRequests;
import io.kam.accounts.api.PlanKpi;
import io.kam.accounts.api.PlanViews.ActionItemView;
import io.kam.accounts.api.PlanViews.KpiActual;
import io.kam.accounts.api.PlanViews.MonthTarget;
import io.kam.accounts.api.PlanViews.PlanDiff;
import io.kam.accounts.api.PlanViews.PlanOverview;
import io.kam.accounts.api.PlanViews.PlanSummary;
import io.kam.accounts.api.PlanViews.PlanVersionView;
import io.kam.accounts.api.PlanViews.VersionSummary;
import io.kam.accounts.api.Region;
import io.kam.accounts.plan.PlanRows.PlanRow;
import io.kam.accounts.plan.PlanRows.ProgressRow;
import io.kam.accounts.plan.PlanRows.VersionRow;
import io.kam.accounts.tradespend.TradeSpendActuals;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.events.Actor;
import io.kam.platform.web.ApiProblem;
import io.kam.platform.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Annual business plans (生意计划): one per account and year, in numbered versions. National KA managers write,
 * submit, approve (never their own) and revise plans; regional coordinators read them and add, change and report
 * progress on the action items of their own region; integrations have no access.
 */
@RestController
@Validated
@RequestMapping("/api/accounts/{accountId}/plans")
class PlansController {

    private final PlanBook book;
    private final PlanStore store;
    private final AccountAccess access;
    private final MarketCalendar calendar;
    private final TradeSpendActuals tradeSpend;

    PlansController(PlanBook book, PlanStore store, AccountAccess access, MarketCalendar calendar,
                    TradeSpendActuals tradeSpend) {
        this.book = book;
        this.store = store;
        this.access = access;
        this.calendar = calendar;
        this.tradeSpend = tradeSpend;
    }

    @Operation(summary = "Start the account's plan for a year (version 1, a draft)",
            description = "National KA managers. 409 when the account has a plan for that year already; 422 when "
                    + "the monthly phasing does not sum to the SELL_THROUGH_VALUE target (with the difference).")
    @PostMapping
    ResponseEntity<PlanVersionView> create(@PathVariable UUID accountId,
                                           @Valid @RequestBody PlanRequests.CreatePlan request) {
        PlanVersion created = book.create(accountId, request, access.manager());
        return created(created, versionPath(created));
    }

    @Operation(summary = "The account's plans, newest year first")
    @GetMapping
    @Transactional(readOnly = true)
    List<PlanSummary> list(@PathVariable UUID accountId) {
        reader(accountId);
        return store.plans(accountId).stream().map(plan -> {
            List<VersionRow> versions = store.versions(plan.id());
            VersionRow latest = versions.getLast();
            return new PlanSummary(plan.id(), accountId, plan.year(), latest.number(), latest.status(),
                    inForce(versions));
        }).toList();
    }

    @Operation(summary = "One year's plan and the history of its versions")
    @GetMapping("/{year}")
    @Transactional(readOnly = true)
    PlanOverview overview(@PathVariable UUID accountId, @PathVariable int year) {
        reader(accountId);
        PlanRow plan = store.requirePlan(accountId, year);
        List<VersionRow> versions = store.versions(plan.id());
        return new PlanOverview(plan.id(), accountId, year, inForce(versions), versions.stream()
                .map(v -> new VersionSummary(v.number(), v.status(), v.revisionOf(), v.author(), v.createdAt(),
                        v.submittedBy(), v.submittedAt(), v.decidedBy(), v.decidedAt(), v.returnComment()))
                .toList());
    }

    @Operation(summary = "One version of a year's plan, whole, with its action items' progress")
    @GetMapping("/{year}/versions/{number}")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    ResponseEntity<PlanVersionView> version(@PathVariable UUID accountId, @PathVariable int year,
                                            @PathVariable int number) {
        Actor actor = reader(accountId);
        PlanVersion version = store.version(store.requirePlan(accountId, year), number);
        return ResponseEntity.ok().eTag(Versions.etag(version.version())).body(view(version, confinement(actor)));
    }

    @Operation(summary = "The approved version in force for the year (the highest approved one)")
    @GetMapping("/{year}/in-force")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    ResponseEntity<PlanVersionView> inForce(@PathVariable UUID accountId, @PathVariable int year) {
        Actor actor = reader(accountId);
        PlanRow plan = store.requirePlan(accountId, year);
        int number = store.inForce(plan.id())
                .orElseThrow(() -> new ApiProblem.NotFound("Approved plan for " + year + " of account", accountId));
        PlanVersion version = store.version(plan, number);
        return ResponseEntity.ok().eTag(Versions.etag(version.version())).body(view(version, confinement(actor)));
    }

    @Operation(summary = "What changed from one version to another")
    @GetMapping("/{year}/diff")
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    PlanDiff diff(@PathVariable UUID accountId, @PathVariable int year, @RequestParam @Min(1) int from,
                  @RequestParam @Min(1) int to) {
        Actor actor = reader(accountId);
        PlanRow plan = store.requirePlan(accountId, year);
        PlanDiff diff = PlanDiffs.between(store.version(plan, from), store.version(plan, to));
        return confinement(actor).map(region -> PlanDiffs.seenFrom(diff, region)).orElse(diff);
    }

    @Operation(summary = "Revise the approved plan: starts the next version as a draft, with the same content",
            description = "National KA managers. 409 while a version is being worked on or waits for approval.")
    @PostMapping("/{year}/versions")
    ResponseEntity<PlanVersionView> revise(@PathVariable UUID accountId, @PathVariable int year) {
        PlanVersion revised = book.revise(accountId, year, access.manager());
        return created(revised, versionPath(revised));
    }

    @Operation(summary = "Replace a draft's targets, monthly phasing and the departments it depends on",
            description = "National KA managers; If-Match required. 409 on a submitted or approved version.")
    @PutMapping("/{year}/versions/{number}/targets")
    ResponseEntity<PlanVersionView> changeTargets(@PathVariable UUID accountId, @PathVariable int year,
                                                  @PathVariable int number,
                                                  @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                  @Valid @RequestBody PlanRequests.PlanTargets request) {
        return ok(book.changeTargets(accountId, year, number, Versions.fromIfMatch(ifMatch), request, access.manager()));
    }

    @Operation(summary = "Submit a version for approval",
            description = "National KA managers; If-Match required. 422 without a sell-through target or action items.")
    @PostMapping("/{year}/versions/{number}/submit")
    ResponseEntity<PlanVersionView> submit(@PathVariable UUID accountId, @PathVariable int year,
                                           @PathVariable int number,
                                           @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ok(book.submit(accountId, year, number, Versions.fromIfMatch(ifMatch), access.manager()));
    }

    @Operation(summary = "Approve a submitted version; it becomes the plan in force and never changes again",
            description = "A national KA manager other than the version's author and submitter; If-Match required, "
                    + "so that what is approved is what was read.")
    @PostMapping("/{year}/versions/{number}/approve")
    ResponseEntity<PlanVersionView> approve(@PathVariable UUID accountId, @PathVariable int year,
                                            @PathVariable int number,
                                            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return ok(book.approve(accountId, year, number, Versions.fromIfMatch(ifMatch), access.manager()));
    }

    @Operation(summary = "Return a submitted version to its author with a comment",
            description = "A national KA manager other than the version's author and submitter; If-Match required.")
    @PostMapping("/{year}/versions/{number}/return")
    ResponseEntity<PlanVersionView> returnToAuthor(@PathVariable UUID accountId, @PathVariable int year,
                                                   @PathVariable int number,
                                                   @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                   @Valid @RequestBody PlanRequests.ReturnPlan request) {
        return ok(book.returnToAuthor(accountId, year, number, Versions.fromIfMatch(ifMatch), request.comment(),
                access.manager()));
    }

    @Operation(summary = "Add an action item to a version being worked on",
            description = "National KA managers; regional coordinators for items of their own region.")
    @PostMapping("/{year}/versions/{number}/actions")
    ResponseEntity<ActionItemView> addItem(@PathVariable UUID accountId, @PathVariable int year,
                                           @PathVariable int number,
                                           @Valid @RequestBody PlanRequests.ActionItemInput request) {
        Actor actor = worker(accountId);
        PlanVersion before = store.version(store.requirePlan(accountId, year), number);
        PlanVersion after = book.addItem(accountId, year, number, request, confinement(actor), actor);
        PlanItem added = after.items().stream()
                .filter(item -> before.items().stream().noneMatch(b -> b.definition().itemId().equals(item.definition().itemId())))
                .findFirst().orElseThrow();
        ActionItemView view = itemView(after, added, Map.of(), today());
        return ResponseEntity.created(URI.create(versionPath(after) + "/actions/" + view.itemId()))
                .eTag(Versions.etag(view.version())).body(view);
    }

    @Operation(summary = "Change what an action item commits to",
            description = "If-Match (the item's ETag) required. Coordinators: items of their own region only.")
    @PutMapping("/{year}/versions/{number}/actions/{itemId}")
    ResponseEntity<ActionItemView> changeItem(@PathVariable UUID accountId, @PathVariable int year,
                                              @PathVariable int number, @PathVariable UUID itemId,
                                              @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                              @Valid @RequestBody PlanRequests.ActionItemInput request) {
        Actor actor = worker(accountId);
        PlanVersion after = book.changeItem(accountId, year, number, itemId, Versions.fromIfMatch(ifMatch), request,
                confinement(actor), actor);
        ActionItemView view = itemView(after, after.item(itemId), store.progress(after.planId()), today());
        return ResponseEntity.ok().eTag(Versions.etag(view.version())).body(view);
    }

    @Operation(summary = "Remove an action item from a version being worked on",
            description = "National KA managers; If-Match (the item's ETag) required.")
    @DeleteMapping("/{year}/versions/{number}/actions/{itemId}")
    ResponseEntity<Void> removeItem(@PathVariable UUID accountId, @PathVariable int year, @PathVariable int number,
                                    @PathVariable UUID itemId,
                                    @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        book.removeItem(accountId, year, number, itemId, Versions.fromIfMatch(ifMatch), access.manager());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Record an action item's progress (also on approved versions)",
            description = "National KA managers; regional coordinators for items of their own region.")
    @PostMapping("/{year}/actions/{itemId}/progress")
    ActionProgressed recordProgress(@PathVariable UUID accountId, @PathVariable int year, @PathVariable UUID itemId,
                                    @Valid @RequestBody PlanRequests.RecordProgress request) {
        Actor actor = worker(accountId);
        return book.recordProgress(accountId, year, itemId, request, confinement(actor), actor);
    }

    private Actor reader(UUID accountId) {
        Actor actor = access.managerOrCoordinator();
        access.visible(accountId, actor);
        return actor;
    }

    private Actor worker(UUID accountId) {
        Actor actor = access.managerOrCoordinator();
        access.visible(accountId, actor);
        return actor;
    }

    private Optional<Region> confinement(Actor actor) {
        return access.confinement(actor);
    }

    private ResponseEntity<PlanVersionView> created(PlanVersion version, String path) {
        return ResponseEntity.created(URI.create(path)).eTag(Versions.etag(version.version()))
                .body(view(version, Optional.empty()));
    }

    /** The answer to a manager's command: the whole version. */
    private ResponseEntity<PlanVersionView> ok(PlanVersion version) {
        return ResponseEntity.ok().eTag(Versions.etag(version.version())).body(view(version, Optional.empty()));
    }

    private static String versionPath(PlanVersion version) {
        return "/api/accounts/" + version.accountId() + "/plans/" + version.year() + "/versions/" + version.number();
    }

    private LocalDate today() {
        return calendar.today();
    }

    private static Integer inForce(List<VersionRow> versions) {
        return versions.stream().filter(v -> v.status() == io.kam.accounts.api.PlanStatus.APPROVED)
                .map(VersionRow::number).reduce((a, b) -> b).orElse(null);
    }

    /**
     * The version as the caller may see it: a coordinator sees the national items and those of their region, not
     * another region's.
     */
    private PlanVersionView view(PlanVersion v, Optional<Region> confinedTo) {
        Map<UUID, ProgressRow> progress = store.progress(v.planId());
        LocalDate today = today();
        boolean inForce = store.inForce(v.planId()).filter(n -> n == v.number()).isPresent();
        List<MonthTarget> phasing = new java.util.ArrayList<>();
        for (int i = 0; i < v.content().phasing().size(); i++) {
            phasing.add(new MonthTarget(i + 1, v.content().phasing().get(i)));
        }
        return new PlanVersionView(v.planId(), v.accountId(), v.year(), v.number(), v.status(), inForce,
                v.revisionOf(), v.author(), v.createdAt(), v.submittedBy(), v.submittedAt(), v.decidedBy(),
                v.decidedAt(), v.returnComment(), v.content().targets().stream().map(PlanDiffs::view).toList(),
                phasing, v.content().phasing().isEmpty() ? null : v.content().phasingTotal(), v.content().dependsOn(),
                v.items().stream()
                        .filter(item -> confinedTo.map(region -> item.definition().region() == null
                                || item.definition().region() == region).orElse(true))
                        .map(item -> itemView(v, item, progress, today)).toList(), actuals(v, today), v.version());
    }

    /** The year's KPI actuals: the agreed trade spend, with its basis source. */
    private List<KpiActual> actuals(PlanVersion v, LocalDate today) {
        return tradeSpend.forYear(v.accountId(), v.year(), today)
                .map(agreed -> List.of(new KpiActual(PlanKpi.TRADE_SPEND_RATE, PlanKpi.TRADE_SPEND_RATE.unit(),
                        agreed.percent(), agreed.basisSource(), agreed.asOf(), agreed.effectiveFrom(),
                        agreed.effectiveTo())))
                .orElse(List.of());
    }

    private static ActionItemView itemView(PlanVersion version, PlanItem item, Map<UUID, ProgressRow> progress,
                                           LocalDate today) {
        var d = item.definition();
        ProgressRow latest = progress.get(d.itemId());
        var status = latest == null ? io.kam.accounts.api.ActionStatus.PLANNED : latest.status();
        return new ActionItemView(d.itemId(), d.what(), d.owner(), d.due(), d.region(), d.servesKpi(),
                d.servesSwotPoint(), status, !status.isClosed() && d.due().isBefore(today),
                latest == null ? null : latest.note(), latest == null ? null : latest.changedBy(),
                latest == null ? null : latest.changedAt(), item.version());
    }
}
