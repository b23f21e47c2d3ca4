package io.kam.negotiations.negotiation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kam.negotiations.api.NegotiationEvents;
import io.kam.negotiations.api.NegotiationEvents.Attendee;
import io.kam.negotiations.api.NegotiationEvents.BuyerAsk;
import io.kam.negotiations.api.NegotiationEvents.CounterpartClaim;
import io.kam.negotiations.api.NegotiationEvents.ExpectedAsk;
import io.kam.negotiations.api.NegotiationEvents.Get;
import io.kam.negotiations.api.NegotiationEvents.GiveOverride;
import io.kam.negotiations.api.NegotiationEvents.GiveRecorded;
import io.kam.negotiations.api.NegotiationEvents.NegotiationOpened;
import io.kam.negotiations.api.NegotiationEvents.PreparationApproved;
import io.kam.negotiations.api.NegotiationEvents.PreparationSubmitted;
import io.kam.negotiations.api.NegotiationEvents.PreparedTerm;
import io.kam.negotiations.api.NegotiationEvents.RoundRecorded;
import io.kam.negotiations.api.NegotiationEvents.SalesBasis;
import io.kam.negotiations.api.NegotiationEvents.TermValue;
import io.kam.negotiations.api.NegotiationRequests;
import io.kam.negotiations.api.NegotiationRequests.AttendeeInput;
import io.kam.negotiations.api.NegotiationRequests.PreparedTermInput;
import io.kam.negotiations.api.NegotiationRequests.RecordGive;
import io.kam.negotiations.api.NegotiationStatus;
import io.kam.negotiations.api.OverrideGround;
import io.kam.negotiations.api.TermKind;
import io.kam.negotiations.replica.AccountFacts;
import io.kam.negotiations.terms.Counts;
import io.kam.negotiations.terms.TermValues;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.domain.ExpectedVersion;
import io.kam.platform.domain.FieldError;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
import io.kam.platform.outbox.Outbox;

/**
 * The negotiation use cases, from opening to the rounds' gives. Each locks the account, loads what it changes, checks
 * the rules, saves the new state and appends the event to the outbox in the same transaction; a refusal writes
 * nothing.
 */
@Service
class Negotiations {

    private final NegotiationStore store;
    private final Aliases aliases;
    private final Costing costing;
    private final AccountFacts facts;
    private final Outbox outbox;
    private final Clock clock;

    Negotiations(NegotiationStore store, Aliases aliases, Costing costing, AccountFacts facts, Outbox outbox,
                 Clock clock) {
        this.store = store;
        this.aliases = aliases;
        this.costing = costing;
        this.facts = facts;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    Negotiation open(NegotiationRequests.OpenNegotiation request, Actor actor) {
        if (!facts.accountExists(request.accountId())) {
            throw new Rejection.Invalid("accountId", "is not a known account").refused();
        }
        store.lockAccount(request.accountId());
        store.find(request.accountId(), request.year()).ifPresent(existing -> {
            throw new Rejection.Conflict("negotiation-exists", "the account's " + request.year()
                    + " negotiation is open already", Map.of("negotiationId", existing.id())).refused();
        });
        UUID previous = store.latestOfYear(request.accountId(), request.year() - 1)
                .map(NegotiationStore.AgreementVersion::agreementId).orElse(null);
        Negotiation opened = store.insert(Negotiation.opened(UUID.randomUUID(), request.accountId(), request.year(),
                previous, actor.name(), clock.instant()));
        outbox.append(NegotiationEvents.CATALOG, new NegotiationOpened(opened.accountId(), opened.id(), opened.year(),
                previous, actor.name()), actor.name());
        return opened;
    }

    /**
     * A preparation revision: every term's name mapped, its values of a shape its kind allows, and its positions in
     * order (opening ≤ target ≤ walk-away by annual cost on the basis). Last year's value, when not given, is the
     * previous agreement's value of the term of the same name.
     */
    @Transactional
    Negotiation submitPreparation(UUID id, long expected, NegotiationRequests.SubmitPreparation request, Actor actor) {
        Negotiation current = locked(id, expected);
        if (current.status() != NegotiationStatus.OPENED && current.status() != NegotiationStatus.PREPARATION_SUBMITTED) {
            throw new Rejection.Conflict("preparation-closed", "negotiation " + id + " is " + current.status()
                    + ": its preparation was approved, and rounds follow it").refused();
        }
        UUID account = current.accountId();
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < request.terms().size(); i++) {
            names.put("terms[" + i + "].buyerName", request.terms().get(i).buyerName());
        }
        refuseDuplicates(request.terms().stream().map(PreparedTermInput::buyerName).toList(), "terms");
        Map<String, TermKind> kinds = aliases.resolve(account, names);
        SalesBasis basis = costing.basis(account, current.year(), request.basis(), "basis");
        Counts counts = costing.year(account, current.year(), basis);
        Map<String, TermValue> lastYear = lastYearValues(current);
        Map<String, UUID> termIds = previousTermIds(current);
        List<FieldError> errors = new ArrayList<>();
        List<PreparedTerm> terms = new ArrayList<>();
        for (int i = 0; i < request.terms().size(); i++) {
            PreparedTermInput in = request.terms().get(i);
            String path = "terms[" + i + "]";
            TermKind kind = kinds.get(path + ".buyerName");
            TermValue last = in.lastYear() == null ? lastYear.get(Aliases.key(in.buyerName()))
                    : TermValues.read(kind, in.lastYear(), path + ".lastYear", errors);
            TermValue opening = TermValues.read(kind, in.opening(), path + ".opening", errors);
            TermValue target = TermValues.read(kind, in.target(), path + ".target", errors);
            TermValue walkAway = TermValues.read(kind, in.walkAway(), path + ".walkAway", errors);
            if (opening != null && target != null && walkAway != null) {
                terms.add(new PreparedTerm(termIds.getOrDefault(Aliases.key(in.buyerName()), UUID.randomUUID()), kind,
                        in.buyerName().strip(), last, opening, target, walkAway, clean(in.note())));
            }
        }
        if (!errors.isEmpty()) {
            throw Refusals.unprocessable("invalid-term-value", errors.size() == 1 ? "a term's value is invalid"
                    : errors.size() + " term values are invalid", errors);
        }
        refuseOutOfOrder(terms, counts);
        List<ExpectedAsk> asks = request.expectedAsks() == null ? List.of() : request.expectedAsks().stream()
                .map(a -> new ExpectedAsk(a.description().strip(), a.kind(),
                        a.estimatedCost() == null ? null : a.estimatedCost().setScale(2, RoundingMode.HALF_UP)))
                .toList();
        int revision = current.preparation() == null ? 1 : current.preparation().revision() + 1;
        PreparationSubmitted submitted = new PreparationSubmitted(account, id, revision, List.copyOf(terms),
                request.concessionBudget().setScale(2, RoundingMode.HALF_UP), asks, basis, actor.name());
        Negotiation saved = store.update(current.prepared(submitted, clock.instant()));
        outbox.append(NegotiationEvents.CATALOG, submitted, actor.name());
        return saved;
    }

    /** Positions out of order by cost: walk-away better for us than target, or target better than opening. */
    private static void refuseOutOfOrder(List<PreparedTerm> terms, Counts counts) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            PreparedTerm t = terms.get(i);
            BigDecimal opening = Ledger.cost(t.kind(), t.opening(), counts);
            BigDecimal target = Ledger.cost(t.kind(), t.target(), counts);
            BigDecimal walkAway = Ledger.cost(t.kind(), t.walkAway(), counts);
            if (target.compareTo(opening) < 0) {
                errors.add(new FieldError("terms[" + i + "].target", "costs " + target.toPlainString()
                        + " a year, less than the opening's " + opening.toPlainString()
                        + ": the target may not be better for us than the opening"));
            }
            if (walkAway.compareTo(target) < 0) {
                errors.add(new FieldError("terms[" + i + "].walkAway", "costs " + walkAway.toPlainString()
                        + " a year, less than the target's " + target.toPlainString()
                        + ": the walk-away may not be better for us than the target"));
            }
        }
        if (!errors.isEmpty()) {
            throw Refusals.unprocessable("positions-out-of-order", "by annual cost to us, every term's opening ≤"
                    + " target ≤ walk-away", errors);
        }
    }

    /** The previous agreement's values, by the buyer's name: what last year's values default to. */
    private Map<String, TermValue> lastYearValues(Negotiation n) {
        Map<String, TermValue> values = new HashMap<>();
        store.latestOfYear(n.accountId(), n.year() - 1).ifPresent(v -> v.terms().terms()
                .forEach(t -> values.put(Aliases.key(t.buyerName()), t.value())));
        return values;
    }

    /** A term keeps its id across revisions (by the buyer's name), so the ledger and the agreement can follow it. */
    private static Map<String, UUID> previousTermIds(Negotiation n) {
        Map<String, UUID> ids = new HashMap<>();
        if (n.preparation() != null) {
            n.preparation().terms().forEach(t -> ids.put(Aliases.key(t.buyerName()), t.termId()));
        }
        return ids;
    }

    /** A second national KA manager approves the revision they read; nobody who wrote a revision of it may. */
    @Transactional
    Negotiation approvePreparation(UUID id, long expected, int revision, Actor actor) {
        Negotiation current = locked(id, expected);
        if (current.status() != NegotiationStatus.PREPARATION_SUBMITTED || current.preparation() == null) {
            throw new Rejection.Conflict("no-preparation-to-approve", "negotiation " + id + " is "
                    + current.status() + ": only a submitted preparation awaits approval").refused();
        }
        if (current.preparation().revision() != revision) {
            throw new Rejection.Conflict("not-the-latest-revision", "revision " + revision + " is not the latest; "
                    + "read revision " + current.preparation().revision() + " and approve that",
                    Map.of("latestRevision", current.preparation().revision())).refused();
        }
        if (current.preparationAuthors().contains(actor.name())) {
            throw new Rejection.Forbidden("own-preparation", "you wrote a revision of this preparation: a second "
                    + "national KA manager approves it").refused();
        }
        Negotiation saved = store.update(current.approved(actor.name(), clock.instant()));
        outbox.append(NegotiationEvents.CATALOG, new PreparationApproved(current.accountId(), id, revision,
                current.preparation().author(), actor.name()), actor.name());
        return saved;
    }

    /** A round, after the preparation is approved and before the agreement is signed; held today or earlier. */
    @Transactional
    Negotiation recordRound(UUID id, long expected, NegotiationRequests.RecordRound request, Actor actor) {
        Negotiation current = locked(id, expected);
        current.approvedPreparation();
        if (current.status() == NegotiationStatus.SIGNED) {
            throw signed(current);
        }
        LocalDate today = LocalDate.now(clock.withZone(MarketCalendar.ZONE));
        if (request.heldOn().isAfter(today)) {
            throw Refusals.unprocessable("round-in-the-future", "heldOn", "a round is recorded once held; "
                    + request.heldOn() + " is after today (" + today + ")");
        }
        List<RoundRecorded> rounds = store.rounds(id);
        if (!rounds.isEmpty() && request.heldOn().isBefore(rounds.getLast().heldOn())) {
            throw Refusals.unprocessable("round-out-of-order", "heldOn", "round " + rounds.getLast().round()
                    + " was held on " + rounds.getLast().heldOn() + "; a later round cannot be held before it");
        }
        List<NegotiationRequests.BuyerAskInput> askInputs = request.asks() == null ? List.of() : request.asks();
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < askInputs.size(); i++) {
            names.put("asks[" + i + "].buyerName", askInputs.get(i).buyerName());
        }
        Map<String, TermKind> kinds = aliases.resolve(current.accountId(), names);
        List<FieldError> errors = new ArrayList<>();
        List<BuyerAsk> asks = new ArrayList<>();
        for (int i = 0; i < askInputs.size(); i++) {
            var in = askInputs.get(i);
            TermKind kind = kinds.get("asks[" + i + "].buyerName");
            TermValue asked = in.asked() == null ? null : TermValues.read(kind, in.asked(), "asks[" + i + "].asked",
                    errors);
            asks.add(new BuyerAsk(in.buyerName().strip(), kind, asked, clean(in.note())));
        }
        if (!errors.isEmpty()) {
            throw Refusals.unprocessable("invalid-term-value", "an ask's value is invalid", errors);
        }
        List<CounterpartClaim> claims = request.claims() == null ? List.of() : request.claims().stream()
                .map(c -> new CounterpartClaim(c.tactic(), c.claim().strip(), clean(c.madeBy()))).toList();
        RoundRecorded round = new RoundRecorded(current.accountId(), id, current.rounds() + 1, request.heldOn(),
                attendees(request.ourAttendees()), attendees(request.theirAttendees()), List.copyOf(asks), claims,
                clean(request.note()), actor.name());
        store.insertRound(round);
        Negotiation saved = store.update(current.roundRecorded(clock.instant()));
        outbox.append(NegotiationEvents.CATALOG, round, actor.name());
        return saved;
    }

    /**
     * A give (让步) of {@code proposer}'s: linked to a get and within the walk-away, or else carrying the override of a
     * second national KA manager ({@code approver}, who is not the proposer), with the reason.
     */
    /** A give as recorded, and the negotiation's version after it (its new ETag). */
    record Given(GiveRecorded give, long version) {
    }

    @Transactional
    Given recordGive(UUID id, long expected, RecordGive give, String proposer, @Nullable Actor approver,
                            @Nullable String reason) {
        Negotiation current = locked(id, expected);
        PreparationSubmitted preparation = current.approvedPreparation();
        if (current.status() == NegotiationStatus.SIGNED) {
            throw signed(current);
        }
        if (give.round() > current.rounds()) {
            throw Refusals.unprocessable("round-not-recorded", "round", current.rounds() == 0
                    ? "no round is recorded yet: record the round the give was made in first"
                    : "the negotiation has " + current.rounds() + " rounds; record round " + give.round() + " first");
        }
        if ((give.termId() == null) == (give.buyerName() == null || give.buyerName().isBlank())) {
            throw new Rejection.Invalid("termId", "give the prepared term's id or the buyer's name of a new term,"
                    + " exactly one of the two").refused();
        }
        List<GiveRecorded> previous = store.gives(id);
        Ledger.Proposal proposal = proposal(current.accountId(), preparation, previous, give);
        Counts counts = costing.year(current.accountId(), current.year(), preparation.basis());
        Set<OverrideGround> grounds = Ledger.grounds(preparation, proposal, counts);
        GiveOverride override = null;
        if (approver == null) {
            if (grounds.contains(OverrideGround.NO_GET)) {
                throw Refusals.unprocessable("give-needs-a-get", "get", "every give is linked to what it got back;"
                        + " a give without a get needs a second national KA manager's override");
            }
            if (grounds.contains(OverrideGround.BEYOND_WALK_AWAY)) {
                throw Refusals.unprocessable("beyond-walk-away", "to", "this goes past the term's walk-away (or adds"
                        + " a term the preparation did not have); it needs a second national KA manager's override");
            }
        } else {
            if (Objects.equals(approver.name(), proposer)) {
                throw new Rejection.Forbidden("own-give", "the override of a give is a second national KA manager's,"
                        + " not its proposer's").refused();
            }
            if (grounds.isEmpty()) {
                throw Refusals.unprocessable("override-not-needed", "give", "the give is linked to a get and within"
                        + " the walk-away: record it without an override");
            }
            override = new GiveOverride(approver.name(), Objects.requireNonNull(reason).strip(),
                    grounds.stream().sorted().toList());
        }
        GiveRecorded recorded = Ledger.record(preparation, previous, proposal, override, counts, UUID.randomUUID(),
                proposer);
        if (recorded.cost().signum() <= 0) {
            throw Refusals.unprocessable("no-concession", "to", "moving the term to this value costs us "
                    + recorded.cost().negate().toPlainString() + " a year less, or nothing more: it is no give");
        }
        store.insertGive(recorded);
        Negotiation saved = store.update(current.giveRecorded(clock.instant()));
        outbox.append(NegotiationEvents.CATALOG, recorded, approver == null ? proposer : approver.name());
        return new Given(recorded, saved.version());
    }

    /** The term the give moves: prepared (by id, or by its buyer's name), given before as a new term, or new. */
    private Ledger.Proposal proposal(UUID account, PreparationSubmitted preparation, List<GiveRecorded> previous,
                                     RecordGive give) {
        PreparedTerm prepared;
        UUID termId;
        TermKind kind;
        String name;
        if (give.termId() != null) {
            prepared = Ledger.prepared(preparation, give.termId()).orElse(null);
            GiveRecorded earlier = previous.stream().filter(g -> g.termId().equals(give.termId())).findFirst()
                    .orElse(null);
            if (prepared == null && earlier == null) {
                throw Refusals.unprocessable("unknown-term", "termId", "the preparation has no term "
                        + give.termId() + "; name a new term by the buyer's name instead");
            }
            termId = give.termId();
            kind = prepared != null ? prepared.kind() : earlier.kind();
            name = prepared != null ? prepared.buyerName() : earlier.buyerName();
        } else {
            String key = Aliases.key(give.buyerName());
            Optional<PreparedTerm> byName = preparation.terms().stream()
                    .filter(t -> Aliases.key(t.buyerName()).equals(key)).findFirst();
            Optional<GiveRecorded> earlier = previous.stream().filter(g -> Aliases.key(g.buyerName()).equals(key))
                    .findFirst();
            if (byName.isPresent()) {
                termId = byName.get().termId();
                kind = byName.get().kind();
                name = byName.get().buyerName();
            } else if (earlier.isPresent()) {
                termId = earlier.get().termId();
                kind = earlier.get().kind();
                name = earlier.get().buyerName();
            } else {
                kind = aliases.resolve(account, Map.of("buyerName", give.buyerName())).get("buyerName");
                termId = UUID.randomUUID();
                name = give.buyerName().strip();
            }
        }
        List<FieldError> errors = new ArrayList<>();
        TermValue to = TermValues.read(kind, give.to(), "to", errors);
        if (to == null) {
            throw Refusals.unprocessable("invalid-term-value", "the value given is invalid", errors);
        }
        Get get = give.get() == null ? null : new Get(give.get().kind(), give.get().description().strip(),
                give.get().estimatedValue() == null ? null : give.get().estimatedValue().setScale(2, RoundingMode.HALF_UP));
        return new Ledger.Proposal(give.round(), termId, kind, name, to, get);
    }

    Negotiation locked(UUID id, long expected) {
        Negotiation found = store.find(id).orElseThrow(() -> new Rejection.NotFound("Negotiation", id).refused());
        store.lockAccount(found.accountId());
        Negotiation current = store.findForUpdate(id).orElseThrow();
        ExpectedVersion.require(expected, current.version());
        return current;
    }

    static RuntimeException signed(Negotiation n) {
        return new Rejection.Conflict("negotiation-signed", "negotiation " + n.id() + " ended in agreement "
                + n.agreementId() + "; change the terms by amending it").refused();
    }

    static void refuseDuplicates(List<String> names, String field) {
        Map<String, Integer> seen = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Integer first = seen.putIfAbsent(Aliases.key(names.get(i)), i);
            if (first != null) {
                errors.add(new FieldError(field + "[" + i + "].buyerName", "'" + names.get(i).strip()
                        + "' is already " + field + "[" + first + "]: one entry per term"));
            }
        }
        if (!errors.isEmpty()) {
            throw Refusals.unprocessable("duplicate-term", "a term appears twice", errors);
        }
    }

    private static List<Attendee> attendees(List<AttendeeInput> in) {
        return in.stream().map(a -> new Attendee(a.name().strip(), clean(a.title()), a.senior())).toList();
    }

    static @Nullable String clean(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
