package io.kam.negotiations.negotiation;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kam.negotiations.api.NegotiationEvents;
import io.kam.negotiations.api.NegotiationEvents.AgreementAmended;
import io.kam.negotiations.api.NegotiationEvents.AgreementSigned;
import io.kam.negotiations.api.NegotiationEvents.AgreementTerms;
import io.kam.negotiations.api.NegotiationEvents.GiveRecorded;
import io.kam.negotiations.api.NegotiationEvents.PreparationSubmitted;
import io.kam.negotiations.api.NegotiationEvents.SalesBasis;
import io.kam.negotiations.api.NegotiationEvents.Signatory;
import io.kam.negotiations.api.NegotiationEvents.TermValue;
import io.kam.negotiations.api.NegotiationRequests.AgreedTermInput;
import io.kam.negotiations.api.NegotiationRequests.SalesBasisInput;
import io.kam.negotiations.api.NegotiationRequests.SignatoryInput;
import io.kam.negotiations.api.NegotiationStatus;
import io.kam.negotiations.api.Party;
import io.kam.negotiations.api.TermKind;
import io.kam.negotiations.negotiation.NegotiationStore.AgreementVersion;
import io.kam.negotiations.terms.Counts;
import io.kam.negotiations.terms.Normaliser;
import io.kam.negotiations.terms.Term;
import io.kam.negotiations.terms.TermValues;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.domain.ExpectedVersion;
import io.kam.platform.domain.FieldError;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
import io.kam.platform.outbox.Outbox;

/**
 * The signed agreement (version 1, immutable) and its amendments (new versions, each immutable too). Every term is
 * normalised on the basis over the agreement's period (ADR 0012), so that each version carries its true trade spend.
 * A term signed at a value that costs more than the ledger's position of it would be a give nobody recorded, and is
 * refused.
 */
@Service
class Agreements {

    private final NegotiationStore store;
    private final Negotiations negotiations;
    private final Aliases aliases;
    private final Costing costing;
    private final Outbox outbox;
    private final Clock clock;

    Agreements(NegotiationStore store, Negotiations negotiations, Aliases aliases, Costing costing, Outbox outbox,
               Clock clock) {
        this.store = store;
        this.negotiations = negotiations;
        this.aliases = aliases;
        this.costing = costing;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A signed version and the negotiation's version after it. */
    record Signed(AgreementVersion agreement, long negotiationVersion) {
    }

    @Transactional
    Signed sign(UUID negotiationId, long expected, LocalDate from, LocalDate to, LocalDate signedOn,
                List<SignatoryInput> signatories, List<AgreedTermInput> terms, @Nullable SalesBasisInput basisInput,
                Actor actor) {
        Negotiation current = negotiations.locked(negotiationId, expected);
        PreparationSubmitted preparation = current.approvedPreparation();
        if (current.status() == NegotiationStatus.SIGNED) {
            throw Negotiations.signed(current);
        }
        refuseDates(from, to, signedOn, current.year());
        List<Signatory> signed = signatories(signatories);
        SalesBasis basis = basisInput == null ? preparation.basis()
                : costing.basis(current.accountId(), current.year(), basisInput, "basis");
        List<GiveRecorded> gives = store.gives(negotiationId);
        List<Term> resolved = resolve(current.accountId(), terms, preparation, gives, Map.of());
        refuseUnrecordedGives(resolved, preparation, gives,
                costing.year(current.accountId(), current.year(), preparation.basis()));
        Counts counts = costing.counts(current.accountId(), from, to, basis);
        AgreementTerms agreement = Normaliser.agreement(from, to, signedOn, signed, resolved, counts);
        UUID agreementId = UUID.randomUUID();
        AgreementVersion version = new AgreementVersion(agreementId, 1, current.accountId(), negotiationId,
                current.year(), agreement, actor.name(), clock.instant(), null);
        store.insertVersion(version);
        Negotiation saved = store.update(current.signed(agreementId, clock.instant()));
        outbox.append(NegotiationEvents.CATALOG, new AgreementSigned(current.accountId(), negotiationId, agreementId,
                1, agreement, actor.name()), actor.name());
        return new Signed(version, saved.version());
    }

    /**
     * A new version of the agreement, in force from its {@code effectiveFrom} (not before the version it replaces
     * took effect); the whole terms again. The version named by If-Match must be the latest.
     */
    @Transactional
    AgreementVersion amend(UUID agreementId, long expectedVersion, LocalDate from, LocalDate to, LocalDate signedOn,
                           List<SignatoryInput> signatories, List<AgreedTermInput> terms,
                           @Nullable SalesBasisInput basisInput, String reason, Actor actor) {
        AgreementVersion latest = latest(agreementId);
        store.lockAccount(latest.accountId());
        latest = latest(agreementId);
        ExpectedVersion.require(expectedVersion, latest.version());
        refuseDates(from, to, signedOn, latest.year());
        if (from.isBefore(latest.terms().effectiveFrom())) {
            throw Refusals.unprocessable("amendment-before-version", "effectiveFrom", "version " + latest.version()
                    + " took effect on " + latest.terms().effectiveFrom() + "; an amendment replaces it from a day"
                    + " not before that");
        }
        List<Signatory> signed = signatories(signatories);
        SalesBasis basis = basisInput == null ? latest.terms().basis()
                : costing.basis(latest.accountId(), latest.year(), basisInput, "basis");
        Map<String, UUID> ids = new HashMap<>();
        latest.terms().terms().forEach(t -> ids.put(Aliases.key(t.buyerName()), t.termId()));
        List<Term> resolved = resolve(latest.accountId(), terms, null, List.of(), ids);
        Counts counts = costing.counts(latest.accountId(), from, to, basis);
        AgreementTerms agreement = Normaliser.agreement(from, to, signedOn, signed, resolved, counts);
        AgreementVersion next = new AgreementVersion(agreementId, latest.version() + 1, latest.accountId(),
                latest.negotiationId(), latest.year(), agreement, actor.name(), clock.instant(), reason.strip());
        store.insertVersion(next);
        outbox.append(NegotiationEvents.CATALOG, new AgreementAmended(latest.accountId(), latest.negotiationId(),
                agreementId, next.version(), latest.version(), agreement, reason.strip(), actor.name()), actor.name());
        return next;
    }

    AgreementVersion latest(UUID agreementId) {
        List<AgreementVersion> versions = store.versions(agreementId);
        if (versions.isEmpty()) {
            throw new Rejection.NotFound("Agreement", agreementId).refused();
        }
        return versions.getLast();
    }

    Optional<AgreementVersion> version(UUID agreementId, int version) {
        return store.versions(agreementId).stream().filter(v -> v.version() == version).findFirst();
    }

    /**
     * The terms as signed, by the buyer's names: mapped names, one entry per term, values of a shape the kind allows.
     * A term keeps the id it had in the preparation, the ledger or the version amended.
     */
    private List<Term> resolve(UUID account, List<AgreedTermInput> terms, @Nullable PreparationSubmitted preparation,
                               List<GiveRecorded> gives, Map<String, UUID> knownIds) {
        Negotiations.refuseDuplicates(terms.stream().map(AgreedTermInput::buyerName).toList(), "terms");
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            names.put("terms[" + i + "].buyerName", terms.get(i).buyerName());
        }
        Map<String, TermKind> kinds = aliases.resolve(account, names);
        Map<String, UUID> ids = new HashMap<>(knownIds);
        if (preparation != null) {
            preparation.terms().forEach(t -> ids.put(Aliases.key(t.buyerName()), t.termId()));
        }
        gives.forEach(g -> ids.putIfAbsent(Aliases.key(g.buyerName()), g.termId()));
        List<FieldError> errors = new ArrayList<>();
        List<Term> resolved = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            AgreedTermInput in = terms.get(i);
            TermKind kind = kinds.get("terms[" + i + "].buyerName");
            TermValue value = TermValues.read(kind, in.value(), "terms[" + i + "].value", errors);
            if (value != null) {
                resolved.add(new Term(ids.getOrDefault(Aliases.key(in.buyerName()), UUID.randomUUID()), kind,
                        in.buyerName().strip(), value));
            }
        }
        if (!errors.isEmpty()) {
            throw Refusals.unprocessable("invalid-term-value", errors.size() == 1 ? "a term's value is invalid"
                    : errors.size() + " term values are invalid", errors);
        }
        return resolved;
    }

    /** A signed value costlier than the ledger's position of its term is a give nobody recorded. */
    private static void refuseUnrecordedGives(List<Term> terms, PreparationSubmitted preparation,
                                              List<GiveRecorded> gives, Counts counts) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            Term term = terms.get(i);
            BigDecimal signed = Ledger.cost(term.kind(), term.value(), counts);
            Optional<TermValue> position = Ledger.position(preparation, gives, term.termId());
            BigDecimal ledger = position.map(v -> Ledger.cost(term.kind(), v, counts)).orElse(BigDecimal.ZERO);
            if (signed.compareTo(ledger) > 0) {
                errors.add(new FieldError("terms[" + i + "].value", "costs " + signed.toPlainString() + " a year,"
                        + " more than the ledger's position of '" + term.buyerName() + "' ("
                        + ledger.toPlainString() + "): record the give, with its get, before signing it"));
            }
        }
        if (!errors.isEmpty()) {
            throw Refusals.unprocessable("unrecorded-give", "the agreement gives more than the ledger records",
                    errors);
        }
    }

    private void refuseDates(LocalDate from, LocalDate to, LocalDate signedOn, int year) {
        if (from.getYear() != year || to.getYear() != year) {
            throw Refusals.unprocessable("period-outside-year", from.getYear() != year ? "effectiveFrom"
                    : "effectiveTo", "the agreement is the " + year + " negotiation's: it is in force within " + year);
        }
        if (to.isBefore(from)) {
            throw Refusals.unprocessable("invalid-period", "effectiveTo", "must not be before effectiveFrom (" + from
                    + ")");
        }
        LocalDate today = LocalDate.now(clock.withZone(MarketCalendar.ZONE));
        if (signedOn.isAfter(today)) {
            throw Refusals.unprocessable("signed-in-the-future", "signedOn", "an agreement is recorded once signed; "
                    + signedOn + " is after today (" + today + ")");
        }
    }

    private static List<Signatory> signatories(List<SignatoryInput> in) {
        Set<Party> parties = EnumSet.noneOf(Party.class);
        in.forEach(s -> parties.add(s.party()));
        if (!parties.containsAll(EnumSet.allOf(Party.class))) {
            throw Refusals.unprocessable("signatories-missing", "signatories", "an agreement is signed by at least"
                    + " one signatory of each party (SUPPLIER and RETAILER)");
        }
        return in.stream().map(s -> new Signatory(s.party(), s.name().strip(), Negotiations.clean(s.title())))
                .toList();
    }
}
