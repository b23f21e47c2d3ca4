package io.kam.negotiations.negotiation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.kam.negotiations.api.NegotiationRequests;
import io.kam.negotiations.api.NegotiationViews.AgreementView;
import io.kam.negotiations.api.NegotiationViews.ChainTradeSpend;
import io.kam.negotiations.api.NegotiationViews.ComparisonView;
import io.kam.negotiations.api.NegotiationViews.NetNetPrice;
import io.kam.negotiations.api.NegotiationViews.NetNetView;
import io.kam.negotiations.negotiation.NegotiationStore.AgreementVersion;
import io.kam.negotiations.replica.AccountFacts;
import io.kam.negotiations.terms.Normaliser;
import io.kam.platform.domain.FieldError;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
import io.kam.platform.web.CurrentActor;
import io.kam.platform.web.Versions;
import io.kam.visits.api.Gtin;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Signed terms agreements and their amendments, each version immutable, with the true trade spend, the net-net price
 * per SKU, and the chains side by side and year over year. National KA managers only.
 */
@RestController
@RequestMapping("/api/negotiations")
@Validated
class AgreementsController {

    private final Agreements agreements;
    private final NegotiationStore store;
    private final AccountFacts facts;
    private final CurrentActor current;

    AgreementsController(Agreements agreements, NegotiationStore store, AccountFacts facts, CurrentActor current) {
        this.agreements = agreements;
        this.store = store;
        this.facts = facts;
        this.current = current;
    }

    private Actor manager() {
        return current.requireAny(Actor.NATIONAL_KA_MANAGER);
    }

    @Operation(summary = "Record the signed agreement that ends the negotiation (If-Match: the negotiation's version)",
            description = "The terms as signed, by the buyer's names; each is normalised on the basis (the "
                    + "preparation's unless given) over the effective period. A value costlier than the ledger's "
                    + "position of its term is 422 unrecorded-give. At least one signatory per party. Version 1; "
                    + "immutable: change it by an amendment.")
    @PostMapping("/{id}/agreement")
    ResponseEntity<AgreementView> sign(@PathVariable UUID id,
                                       @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                       @Valid @RequestBody NegotiationRequests.SignAgreement request) {
        Actor actor = manager();
        Agreements.Signed signed = agreements.sign(id, Versions.fromIfMatch(ifMatch), request.effectiveFrom(),
                request.effectiveTo(), request.signedOn(), request.signatories(), request.terms(), request.basis(),
                actor);
        return ResponseEntity.created(URI.create("/api/negotiations/agreements/" + signed.agreement().agreementId()))
                .eTag(Versions.etag(signed.agreement().version())).body(Views.of(signed.agreement(), true));
    }

    @Operation(summary = "Amend a signed agreement: a new version in force from its effectiveFrom (If-Match: the "
            + "agreement's latest version)", description = "The whole terms again, with the reason. The versions "
            + "before stay as signed.")
    @PostMapping("/agreements/{agreementId}/amendments")
    ResponseEntity<AgreementView> amend(@PathVariable UUID agreementId,
                                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        @Valid @RequestBody NegotiationRequests.AmendAgreement request) {
        Actor actor = manager();
        AgreementVersion next = agreements.amend(agreementId, Versions.fromIfMatch(ifMatch), request.effectiveFrom(),
                request.effectiveTo(), request.signedOn(), request.signatories(), request.terms(), request.basis(),
                request.reason(), actor);
        return ResponseEntity.created(URI.create("/api/negotiations/agreements/" + agreementId + "/versions/"
                + next.version())).eTag(Versions.etag(next.version())).body(Views.of(next, true));
    }

    @Operation(summary = "Agreements, latest version of each; filter by account and year")
    @GetMapping("/agreements")
    @Transactional(readOnly = true)
    List<AgreementView> list(@RequestParam(required = false) @Nullable UUID accountId,
                             @RequestParam(required = false) @Nullable @Min(2000) @Max(2100) Integer year) {
        manager();
        return store.list(accountId, year).stream().filter(n -> n.agreementId() != null)
                .map(n -> Views.of(agreements.latest(n.agreementId()), true)).toList();
    }

    @Operation(summary = "An agreement's latest version (ETag: its version)")
    @GetMapping("/agreements/{agreementId}")
    @Transactional(readOnly = true)
    ResponseEntity<AgreementView> get(@PathVariable UUID agreementId) {
        manager();
        AgreementVersion latest = agreements.latest(agreementId);
        return ResponseEntity.ok().eTag(Versions.etag(latest.version())).body(Views.of(latest, true));
    }

    @Operation(summary = "Every version of an agreement, first to latest")
    @GetMapping("/agreements/{agreementId}/versions")
    @Transactional(readOnly = true)
    List<AgreementView> versions(@PathVariable UUID agreementId) {
        manager();
        List<AgreementVersion> versions = store.versions(agreementId);
        if (versions.isEmpty()) {
            throw new Rejection.NotFound("Agreement", agreementId).refused();
        }
        return versions.stream().map(v -> Views.of(v, v.version() == versions.getLast().version())).toList();
    }

    @Operation(summary = "One version of an agreement, as signed")
    @GetMapping("/agreements/{agreementId}/versions/{version}")
    @Transactional(readOnly = true)
    AgreementView version(@PathVariable UUID agreementId, @PathVariable int version) {
        manager();
        int latest = agreements.latest(agreementId).version();
        return agreements.version(agreementId, version).map(v -> Views.of(v, v.version() == latest))
                .orElseThrow(() -> new Rejection.NotFound("Agreement version", agreementId + "/" + version).refused());
    }

    @Operation(summary = "Net-net price per SKU under an agreement's version (latest unless named)",
            description = "List price less the on-invoice discount, less the off-invoice rebates (unconditional and "
                    + "the growth rebate at its reached tier), less the other terms allocated per unit by value. "
                    + "Nothing is written.")
    @PostMapping("/agreements/{agreementId}/net-net")
    @Transactional(readOnly = true)
    NetNetView netNet(@PathVariable UUID agreementId, @RequestParam(required = false) @Nullable Integer version,
                      @Valid @RequestBody NegotiationRequests.NetNetQuery query) {
        manager();
        AgreementVersion v = version == null ? agreements.latest(agreementId) : agreements.version(agreementId, version)
                .orElseThrow(() -> new Rejection.NotFound("Agreement version", agreementId + "/" + version).refused());
        List<FieldError> errors = new ArrayList<>();
        List<NetNetPrice> prices = new ArrayList<>();
        for (int i = 0; i < query.skus().size(); i++) {
            var sku = query.skus().get(i);
            var gtin = Gtin.normalise(sku.gtin());
            if (gtin.isEmpty()) {
                errors.add(new FieldError("skus[" + i + "].gtin", Gtin.problem(sku.gtin())));
            } else {
                prices.add(Normaliser.netNet(gtin.get(), sku.listPrice(), v.terms()));
            }
        }
        if (!errors.isEmpty()) {
            throw new Rejection.Invalid(errors).refused();
        }
        return new NetNetView(agreementId, v.version(), v.terms().basis(), prices);
    }

    @Operation(summary = "The chains side by side for a year, and each against its previous year (national KA "
            + "managers)", description = "The latest version of each account's agreement of the year, highest "
            + "trade spend first, each with its basis; the mean trade spend % of the agreements.")
    @GetMapping("/compare")
    @Transactional(readOnly = true)
    ComparisonView compare(@RequestParam @Min(2000) @Max(2100) int year) {
        manager();
        List<ChainTradeSpend> chains = new ArrayList<>();
        for (AgreementVersion v : store.latestOfYear(year)) {
            var previous = store.latestOfYear(v.accountId(), year - 1);
            BigDecimal before = previous.map(p -> p.terms().tradeSpendPercent()).orElse(null);
            chains.add(new ChainTradeSpend(v.accountId(), facts.accountName(v.accountId()).orElse("?"),
                    v.agreementId(), v.version(), v.terms().tradeSpendPercent(), v.terms().totalAnnualCost(),
                    v.terms().basis(), before, previous.map(p -> p.terms().basis()).orElse(null),
                    before == null ? null : v.terms().tradeSpendPercent().subtract(before)));
        }
        chains.sort(Comparator.comparing(ChainTradeSpend::tradeSpendPercent).reversed()
                .thenComparing(ChainTradeSpend::accountName));
        BigDecimal average = chains.isEmpty() ? null : chains.stream().map(ChainTradeSpend::tradeSpendPercent)
                .reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(chains.size()), 2,
                        RoundingMode.HALF_UP);
        return new ComparisonView(year, chains, average, chains.size());
    }
}
