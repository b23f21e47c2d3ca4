package io.kam.negotiations.negotiation;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
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

import io.kam.negotiations.api.NegotiationEvents.GiveRecorded;
import io.kam.negotiations.api.NegotiationEvents.RoundRecorded;
import io.kam.negotiations.api.NegotiationRequests;
import io.kam.negotiations.api.NegotiationViews.AliasView;
import io.kam.negotiations.api.NegotiationViews.AliasesView;
import io.kam.negotiations.api.NegotiationViews.LedgerView;
import io.kam.negotiations.api.NegotiationViews.NegotiationView;
import io.kam.negotiations.replica.AccountFacts;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
import io.kam.platform.web.CurrentActor;
import io.kam.platform.web.Versions;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Negotiations (谈判) per account and year: opened, prepared and approved with four eyes, negotiated in rounds whose
 * gives enter the concession ledger. Confidential: national KA managers only; anyone else is refused (403).
 */
@RestController
@RequestMapping("/api/negotiations")
@Validated
class NegotiationsController {

    private final Negotiations negotiations;
    private final NegotiationStore store;
    private final Aliases aliases;
    private final AccountFacts facts;
    private final Views views;
    private final CurrentActor current;

    NegotiationsController(Negotiations negotiations, NegotiationStore store, Aliases aliases, AccountFacts facts,
                           Views views, CurrentActor current) {
        this.negotiations = negotiations;
        this.store = store;
        this.aliases = aliases;
        this.facts = facts;
        this.views = views;
        this.current = current;
    }

    /** Negotiations and terms are confidential: national KA managers only. */
    private Actor manager() {
        return current.requireAny(Actor.NATIONAL_KA_MANAGER);
    }

    @Operation(summary = "Open the negotiation of an account's year (national KA managers)",
            description = "One per account and year (a second is a 409 naming the first). The agreement in force the "
                    + "year before, if any, seeds the preparation's last-year values.")
    @PostMapping
    ResponseEntity<NegotiationView> open(@Valid @RequestBody NegotiationRequests.OpenNegotiation request) {
        Negotiation opened = negotiations.open(request, manager());
        return ResponseEntity.created(URI.create("/api/negotiations/" + opened.id()))
                .eTag(Versions.etag(opened.version())).body(views.of(opened));
    }

    @Operation(summary = "Negotiations, latest year first; filter by account and year")
    @GetMapping
    @Transactional(readOnly = true)
    List<NegotiationView> list(@RequestParam(required = false) @Nullable UUID accountId,
                               @RequestParam(required = false) @Nullable @Min(2000) @Max(2100) Integer year) {
        manager();
        return store.list(accountId, year).stream().map(views::of).toList();
    }

    @Operation(summary = "A negotiation as it stands, with its preparation costed on its basis (ETag: its version)")
    @GetMapping("/{id}")
    @Transactional(readOnly = true)
    ResponseEntity<NegotiationView> get(@PathVariable UUID id) {
        manager();
        return withVersion(find(id));
    }

    @Operation(summary = "Map a name the buyer uses to a canonical kind in the account's alias table",
            description = "Names are compared trimmed and without case; a new mapping replaces the old. A term under "
                    + "an unmapped name is refused (422 unmapped-term) until it is mapped here.")
    @PutMapping("/aliases")
    @Transactional
    AliasView map(@Valid @RequestBody NegotiationRequests.MapAlias request) {
        Actor actor = manager();
        if (!facts.accountExists(request.accountId())) {
            throw new Rejection.Invalid("accountId", "is not a known account").refused();
        }
        if (request.negotiationId() != null && store.find(request.negotiationId())
                .filter(n -> n.accountId().equals(request.accountId())).isEmpty()) {
            throw new Rejection.Invalid("negotiationId", "is not a negotiation of this account").refused();
        }
        return aliases.map(request.accountId(), request.buyerName(), request.kind(), request.negotiationId(),
                actor.name());
    }

    @Operation(summary = "The account's alias table, by canonical kind")
    @GetMapping("/aliases")
    @Transactional(readOnly = true)
    AliasesView aliases(@RequestParam UUID accountId) {
        manager();
        return new AliasesView(accountId, aliases.list(accountId));
    }

    @Operation(summary = "Submit a preparation revision (If-Match)",
            description = "Per term, by the buyer's name: last year's value (default: the previous agreement's), the "
                    + "opening, target and walk-away. By annual cost on the basis opening ≤ target ≤ walk-away, else "
                    + "422 positions-out-of-order naming the term; an unmapped name is 422 unmapped-term. A new "
                    + "revision replaces an unapproved one whole.")
    @PutMapping("/{id}/preparation")
    ResponseEntity<NegotiationView> prepare(@PathVariable UUID id,
                                            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                            @Valid @RequestBody NegotiationRequests.SubmitPreparation request) {
        Actor actor = manager();
        return withVersion(negotiations.submitPreparation(id, Versions.fromIfMatch(ifMatch), request, actor));
    }

    @Operation(summary = "Approve the preparation revision read (If-Match; a second national KA manager)",
            description = "Nobody who wrote a revision of the preparation may approve it (403 own-preparation).")
    @PostMapping("/{id}/preparation/approval")
    ResponseEntity<NegotiationView> approve(@PathVariable UUID id,
                                            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                            @Valid @RequestBody NegotiationRequests.ApprovePreparation request) {
        Actor actor = manager();
        return withVersion(negotiations.approvePreparation(id, Versions.fromIfMatch(ifMatch), request.revision(),
                actor));
    }

    @Operation(summary = "Record a round once held (If-Match)",
            description = "Attendees of both sides (a senior of theirs flagged), the buyer's asks by their names, and "
                    + "the counterpart's claims tagged by tactic. Our gives follow one by one.")
    @PostMapping("/{id}/rounds")
    ResponseEntity<NegotiationView> round(@PathVariable UUID id,
                                          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          @Valid @RequestBody NegotiationRequests.RecordRound request) {
        Actor actor = manager();
        return withVersion(negotiations.recordRound(id, Versions.fromIfMatch(ifMatch), request, actor));
    }

    @Operation(summary = "The rounds, in the order held")
    @GetMapping("/{id}/rounds")
    @Transactional(readOnly = true)
    List<RoundRecorded> rounds(@PathVariable UUID id) {
        manager();
        return store.rounds(find(id).id());
    }

    @Operation(summary = "Record a give in a recorded round, with the get it bought (If-Match)",
            description = "Without a get it is 422 give-needs-a-get; past the term's walk-away (or a term the "
                    + "preparation did not have) 422 beyond-walk-away: such a give comes as an override. A value "
                    + "that costs nothing more is 422 no-concession. The ledger's warnings refuse nothing.")
    @PostMapping("/{id}/gives")
    ResponseEntity<GiveRecorded> give(@PathVariable UUID id,
                                      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                      @Valid @RequestBody NegotiationRequests.RecordGive request) {
        Actor actor = manager();
        return created(id, negotiations.recordGive(id, Versions.fromIfMatch(ifMatch), request, actor.name(), null,
                null));
    }

    @Operation(summary = "Record a give that needs an override, as the second national KA manager (If-Match)",
            description = "The caller approves a give proposed by another manager, with the reason; the grounds (no "
                    + "get, beyond the walk-away) follow from the give, and an unreturned give stays flagged for good.")
    @PostMapping("/{id}/gives/overrides")
    ResponseEntity<GiveRecorded> override(@PathVariable UUID id,
                                          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          @Valid @RequestBody NegotiationRequests.OverrideGive request) {
        Actor actor = manager();
        return created(id, negotiations.recordGive(id, Versions.fromIfMatch(ifMatch), request.give(),
                request.proposedBy().strip(), actor, request.reason()));
    }

    @Operation(summary = "The concession ledger (让步)",
            description = "Every give in order with its get, per round the number of gives (which matters more than "
                    + "their size), their cost, how many were returned, and the warnings; the total against the "
                    + "concession budget.")
    @GetMapping("/{id}/ledger")
    @Transactional(readOnly = true)
    LedgerView ledger(@PathVariable UUID id) {
        manager();
        Negotiation n = find(id);
        return Ledger.view(id, n.rounds(), store.gives(id), n.preparation() == null ? java.math.BigDecimal.ZERO
                .setScale(2) : n.preparation().concessionBudget());
    }

    private Negotiation find(UUID id) {
        return store.find(id).orElseThrow(() -> new Rejection.NotFound("Negotiation", id).refused());
    }

    private ResponseEntity<NegotiationView> withVersion(Negotiation n) {
        return ResponseEntity.ok().eTag(Versions.etag(n.version())).body(views.of(n));
    }

    private static ResponseEntity<GiveRecorded> created(UUID id, Negotiations.Given given) {
        return ResponseEntity.created(URI.create("/api/negotiations/" + id + "/ledger"))
                .eTag(Versions.etag(given.version())).body(given.give());
    }
}
