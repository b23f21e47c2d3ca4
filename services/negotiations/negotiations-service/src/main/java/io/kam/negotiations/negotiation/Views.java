package io.kam.negotiations.negotiation;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import io.kam.negotiations.api.NegotiationEvents.PreparationSubmitted;
import io.kam.negotiations.api.NegotiationEvents.TermValue;
import io.kam.negotiations.api.NegotiationViews.AgreementView;
import io.kam.negotiations.api.NegotiationViews.NegotiationView;
import io.kam.negotiations.api.NegotiationViews.PositionCost;
import io.kam.negotiations.api.NegotiationViews.PreparationView;
import io.kam.negotiations.api.NegotiationViews.PreparedTermView;
import io.kam.negotiations.api.TermKind;
import io.kam.negotiations.negotiation.NegotiationStore.AgreementVersion;
import io.kam.negotiations.terms.Counts;
import io.kam.negotiations.terms.Normaliser;

/** The API's views of negotiations and agreements, with each position costed on the preparation's basis. */
@Component
class Views {

    private final Costing costing;
    private final NegotiationStore store;

    Views(Costing costing, NegotiationStore store) {
        this.costing = costing;
        this.store = store;
    }

    NegotiationView of(Negotiation n) {
        Integer agreementVersion = n.agreementId() == null ? null : store.versions(n.agreementId()).getLast().version();
        return new NegotiationView(n.id(), n.accountId(), n.year(), n.status(),
                n.preparation() == null ? null : preparation(n, n.preparation()), n.rounds(), n.gives(),
                n.agreementId(), agreementVersion, n.openedBy(), n.updatedAt(), n.version());
    }

    private PreparationView preparation(Negotiation n, PreparationSubmitted p) {
        Counts counts = costing.year(n.accountId(), n.year(), p.basis());
        List<PreparedTermView> terms = p.terms().stream().map(t -> new PreparedTermView(t,
                t.lastYear() == null ? null : cost(t.kind(), t.lastYear(), counts), cost(t.kind(), t.opening(), counts),
                cost(t.kind(), t.target(), counts), cost(t.kind(), t.walkAway(), counts))).toList();
        return new PreparationView(p.revision(), terms, p.concessionBudget(), p.expectedAsks(), p.basis(),
                total(terms, PreparedTermView::opening, counts), total(terms, PreparedTermView::target, counts),
                total(terms, PreparedTermView::walkAway, counts), p.author(), n.approvedBy());
    }

    private static PositionCost cost(TermKind kind, TermValue value, Counts counts) {
        BigDecimal cost = Normaliser.cost(kind, value, counts).annualCost();
        return new PositionCost(cost, Normaliser.share(cost, counts.basis().annualSales()));
    }

    private static PositionCost total(List<PreparedTermView> terms,
                                      Function<PreparedTermView, PositionCost> position,
                                      Counts counts) {
        BigDecimal total = terms.stream().map(position).map(PositionCost::annualCost)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new PositionCost(total, Normaliser.share(total, counts.basis().annualSales()));
    }

    static AgreementView of(AgreementVersion v, boolean current) {
        return new AgreementView(v.agreementId(), v.accountId(), v.negotiationId(), v.version(), current, v.terms(),
                v.recordedBy(), v.amendmentReason());
    }
}
