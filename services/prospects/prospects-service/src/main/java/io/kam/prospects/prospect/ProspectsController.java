package io.kam.prospects.prospect;

import java.net.URI;
import java.util.List;
import java.util.UUID;

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
import io.kam.platform.events.Actor;
import io.kam.platform.web.Versions;
import io.kam.prospects.api.ProspectRequests;
import io.kam.prospects.api.ProspectSource;
import io.kam.prospects.api.ProspectStage;
import io.kam.prospects.api.ProspectViews.Page;
import io.kam.prospects.api.ProspectViews.ProspectView;
import io.kam.prospects.api.ProspectViews.ScoreView;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Prospects (潜在客户) and their pipeline. Coordinators work their own region; national KA managers every region. */
@RestController
@Validated
@RequestMapping("/api/prospects")
class ProspectsController {

    private final Prospecting prospecting;
    private final ProspectRepository prospects;
    private final ScoreBook scores;
    private final ProspectAccess access;

    ProspectsController(Prospecting prospecting, ProspectRepository prospects, ScoreBook scores, ProspectAccess access) {
        this.prospecting = prospecting;
        this.prospects = prospects;
        this.scores = scores;
        this.access = access;
    }

    @Operation(summary = "Record a prospect as found (IDENTIFIED)",
            description = "409 with a link when the same company name and city, or the same tax id, is a prospect "
                    + "already. A REFERRAL names a known referring account.")
    @PostMapping
    ResponseEntity<ProspectView> identify(@Valid @RequestBody ProspectRequests.ProspectInput request) {
        Actor actor = access.worker();
        access.requireRegion(actor, request.region());
        Prospect created = prospecting.identify(request, actor);
        return ResponseEntity.created(URI.create("/api/prospects/" + created.id()))
                .eTag(Versions.etag(created.version())).body(view(created));
    }

    @Operation(summary = "List prospects, newest first", description = "Coordinators: their own region only.")
    @GetMapping
    @Transactional(readOnly = true)
    Page<ProspectView> list(@RequestParam(required = false) Region region,
                            @RequestParam(required = false) ProspectStage stage,
                            @RequestParam(required = false) ProspectSource source,
                            @RequestParam(defaultValue = "0") @Min(0) int page,
                            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        Actor actor = access.worker();
        String listed = access.listingRegion(actor, region).map(Enum::name).orElse(null);
        String stageName = stage == null ? null : stage.name();
        String sourceName = source == null ? null : source.name();
        List<ProspectView> items = prospects.search(listed, stageName, sourceName, size, (long) page * size).stream()
                .map(this::view).toList();
        long total = prospects.countSearch(listed, stageName, sourceName);
        return new Page<>(items, page, size, total, (int) ((total + size - 1) / size));
    }

    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    ResponseEntity<ProspectView> read(@PathVariable UUID id) {
        Prospect prospect = access.visible(id, access.worker());
        return ResponseEntity.ok().eTag(Versions.etag(prospect.version())).body(view(prospect));
    }

    @Operation(summary = "Every score the prospect was given, newest first, each explained criterion by criterion")
    @GetMapping("/{id}/scores")
    @Transactional(readOnly = true)
    List<ScoreView> scores(@PathVariable UUID id) {
        access.visible(id, access.worker());
        return scores.history(id);
    }

    @Operation(summary = "Replace what is known of the prospect", description = "If-Match required.")
    @PutMapping("/{id}")
    ResponseEntity<ProspectView> revise(@PathVariable UUID id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        @Valid @RequestBody ProspectRequests.ProspectInput request) {
        Actor actor = workerOf(id);
        return ok(prospecting.revise(id, Versions.fromIfMatch(ifMatch), request, actor));
    }

    @Operation(summary = "Rate the prospect on its territory's criteria; it is scored again",
            description = "If-Match required. Ratings off a criterion's scale or of unknown criteria are field errors.")
    @PutMapping("/{id}/ratings")
    ResponseEntity<ProspectView> rate(@PathVariable UUID id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                      @Valid @RequestBody ProspectRequests.Ratings request) {
        Actor actor = workerOf(id);
        return ok(prospecting.rate(id, Versions.fromIfMatch(ifMatch), request.ratings(), actor));
    }

    @Operation(summary = "Move the prospect on: to SCREENED (every criterion rated) or DEVELOPING",
            description = "If-Match required.")
    @PutMapping("/{id}/stage")
    ResponseEntity<ProspectView> move(@PathVariable UUID id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                      @Valid @RequestBody ProspectRequests.MoveStage request) {
        Actor actor = workerOf(id);
        return ok(prospecting.move(id, Versions.fromIfMatch(ifMatch), request.stage(), actor));
    }

    @Operation(summary = "Set the next action and its date", description = "If-Match required.")
    @PutMapping("/{id}/next-action")
    ResponseEntity<ProspectView> nextAction(@PathVariable UUID id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                            @Valid @RequestBody ProspectRequests.NextAction request) {
        Actor actor = workerOf(id);
        return ok(prospecting.planNextAction(id, Versions.fromIfMatch(ifMatch), request, actor));
    }

    @Operation(summary = "Drop the prospect with a reason from the fixed list and a note", description = "If-Match required.")
    @PostMapping("/{id}/drop")
    ResponseEntity<ProspectView> drop(@PathVariable UUID id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                      @Valid @RequestBody ProspectRequests.Drop request) {
        Actor actor = workerOf(id);
        return ok(prospecting.drop(id, Versions.fromIfMatch(ifMatch), request, actor));
    }

    @Operation(summary = "Convert a screened prospect into an account",
            description = "If-Match required. Below the qualifying score only a national KA manager converts, with an "
                    + "overrideReason. Emits kam.prospect.converted; the accounts service opens the account whose id is "
                    + "the prospect's accountId.")
    @PostMapping("/{id}/conversion")
    ResponseEntity<ProspectView> convert(@PathVariable UUID id, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                         @Valid @RequestBody(required = false) ProspectRequests.Convert request) {
        Actor actor = workerOf(id);
        return ok(prospecting.convert(id, Versions.fromIfMatch(ifMatch), request, actor));
    }

    private Actor workerOf(UUID id) {
        Actor actor = access.worker();
        access.visible(id, actor);
        return actor;
    }

    private ResponseEntity<ProspectView> ok(Prospect prospect) {
        return ResponseEntity.ok().eTag(Versions.etag(prospect.version())).body(view(prospect));
    }

    private ProspectView view(Prospect p) {
        return new ProspectView(p.id(), p.accountId(), p.details(), p.stage(), p.stageEnteredAt(), p.nextAction(),
                p.nextActionDue(), scores.ratings(p.id()), p.score() == null ? null : scores.latest(p.id()).orElse(null), p.dropReason(),
                p.dropNote(), p.convertedBy(), p.convertedAt(), p.overrideReason(), p.accountOpenedAt() != null,
                p.identifiedBy(), p.identifiedAt(), p.version());
    }
}
