package io.kam.negotiations.negotiation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.negotiations.api.ConcessionWarning;
import io.kam.negotiations.api.NegotiationEvents.Get;
import io.kam.negotiations.api.NegotiationEvents.GiveOverride;
import io.kam.negotiations.api.NegotiationEvents.GiveRecorded;
import io.kam.negotiations.api.NegotiationEvents.PreparationSubmitted;
import io.kam.negotiations.api.NegotiationEvents.PreparedTerm;
import io.kam.negotiations.api.NegotiationEvents.TermValue;
import io.kam.negotiations.api.NegotiationViews.LedgerView;
import io.kam.negotiations.api.NegotiationViews.RoundLedger;
import io.kam.negotiations.api.OverrideGround;
import io.kam.negotiations.api.TermKind;
import io.kam.negotiations.terms.Counts;
import io.kam.negotiations.terms.Normaliser;

/**
 * The concession ledger's rules (让步), as pure code. A give moves a term from its position (the opening at first, then
 * the last give's value) to a value that costs us more a year; it is linked to the get it bought. A give without a get,
 * or past the term's walk-away (a term the preparation did not have is past it), needs a second national KA manager's
 * override. The ledger warns, and refuses nothing for it, when we conceded first in a round, when a give costs more
 * than the one before it, and when the running cost is past the concession budget.
 */
final class Ledger {

    /** A give as proposed: the term it moves and where to, and what it got. */
    record Proposal(int round, UUID termId, TermKind kind, String buyerName, TermValue to, @Nullable Get get) {
    }

    private Ledger() {
    }

    /** The term's position before a new give: the last give's value, else the opening; empty for a term not prepared. */
    static Optional<TermValue> position(PreparationSubmitted preparation, List<GiveRecorded> gives, UUID termId) {
        for (int i = gives.size() - 1; i >= 0; i--) {
            if (gives.get(i).termId().equals(termId)) {
                return Optional.of(gives.get(i).to());
            }
        }
        return prepared(preparation, termId).map(PreparedTerm::opening);
    }

    static Optional<PreparedTerm> prepared(PreparationSubmitted preparation, UUID termId) {
        return preparation.terms().stream().filter(t -> t.termId().equals(termId)).findFirst();
    }

    /** Why the give needs an override: it bought nothing, or it goes past the walk-away (or adds a new term). */
    static Set<OverrideGround> grounds(PreparationSubmitted preparation, Proposal give, Counts counts) {
        Set<OverrideGround> grounds = EnumSet.noneOf(OverrideGround.class);
        if (give.get() == null) {
            grounds.add(OverrideGround.NO_GET);
        }
        Optional<PreparedTerm> term = prepared(preparation, give.termId());
        if (term.isEmpty() || cost(give.kind(), give.to(), counts).compareTo(
                cost(give.kind(), term.get().walkAway(), counts)) > 0) {
            grounds.add(OverrideGround.BEYOND_WALK_AWAY);
        }
        return grounds;
    }

    /**
     * The give as the ledger records it: its cost (the cost of its value less that of its position, on the
     * preparation's basis), the running cost and what is left of the budget, and its warnings.
     */
    static GiveRecorded record(PreparationSubmitted preparation, List<GiveRecorded> previous, Proposal give,
                               @Nullable GiveOverride override, Counts counts, UUID giveId, String proposedBy) {
        TermValue from = position(preparation, previous, give.termId()).orElse(null);
        BigDecimal cost = cost(give.kind(), give.to(), counts)
                .subtract(from == null ? BigDecimal.ZERO : cost(give.kind(), from, counts));
        BigDecimal running = previous.stream().map(GiveRecorded::cost).reduce(BigDecimal.ZERO, BigDecimal::add).add(cost);
        BigDecimal remaining = preparation.concessionBudget().subtract(running);
        List<ConcessionWarning> warnings = new ArrayList<>();
        if (previous.stream().noneMatch(g -> g.round() == give.round())) {
            warnings.add(ConcessionWarning.CONCEDED_FIRST);
        }
        if (!previous.isEmpty() && cost.compareTo(previous.getLast().cost()) > 0) {
            warnings.add(ConcessionWarning.LARGER_THAN_PREVIOUS);
        }
        if (remaining.signum() < 0) {
            warnings.add(ConcessionWarning.OVER_BUDGET);
        }
        return new GiveRecorded(preparation.accountId(), preparation.negotiationId(), giveId, give.round(),
                previous.size() + 1, give.termId(), give.kind(), give.buyerName(), from, give.to(), cost, running,
                remaining, give.get(), give.get() == null, override, List.copyOf(warnings), proposedBy);
    }

    static BigDecimal cost(TermKind kind, TermValue value, Counts counts) {
        return Normaliser.cost(kind, value, counts).annualCost();
    }

    /** The ledger: every give, and per round how many, at what cost, how many returned, and the warnings raised. */
    static LedgerView view(UUID negotiationId, int rounds, List<GiveRecorded> gives, BigDecimal budget) {
        List<RoundLedger> perRound = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            int r = round;
            List<GiveRecorded> of = gives.stream().filter(g -> g.round() == r).toList();
            Set<ConcessionWarning> warnings = new LinkedHashSet<>();
            of.forEach(g -> warnings.addAll(g.warnings()));
            perRound.add(new RoundLedger(round, of.size(), sum(of), (int) of.stream().filter(g -> !g.unreturned())
                    .count(), (int) of.stream().filter(GiveRecorded::unreturned).count(), List.copyOf(warnings)));
        }
        BigDecimal total = sum(gives);
        return new LedgerView(negotiationId, List.copyOf(gives), perRound, gives.size(), total,
                (int) gives.stream().filter(GiveRecorded::unreturned).count(), budget, budget.subtract(total));
    }

    private static BigDecimal sum(List<GiveRecorded> gives) {
        return gives.stream().map(GiveRecorded::cost).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
