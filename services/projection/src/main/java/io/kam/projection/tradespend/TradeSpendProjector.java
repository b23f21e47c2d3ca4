package io.kam.projection.tradespend;

import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.negotiations.api.NegotiationEvents.AgreedTerm;
import io.kam.negotiations.api.NegotiationEvents.AgreementAmended;
import io.kam.negotiations.api.NegotiationEvents.AgreementSigned;
import io.kam.negotiations.api.NegotiationEvents.AgreementTerms;
import io.kam.negotiations.api.NegotiationEvents.AliasMapped;
import io.kam.negotiations.api.NegotiationEvents.Attendee;
import io.kam.negotiations.api.NegotiationEvents.GiveRecorded;
import io.kam.negotiations.api.NegotiationEvents.NegotiationEvent;
import io.kam.negotiations.api.NegotiationEvents.NegotiationOpened;
import io.kam.negotiations.api.NegotiationEvents.PreparationApproved;
import io.kam.negotiations.api.NegotiationEvents.PreparationSubmitted;
import io.kam.negotiations.api.NegotiationEvents.RoundRecorded;
import io.kam.platform.events.EventEnvelope;
import io.kam.platform.events.UndecodableEventException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies one negotiations event to the trade-spend tables, inside the transaction that records it as processed.
 * Every write is keyed by what it describes and sets facts, never adds to them: an agreement version is written once
 * as signed (a later copy changes nothing), a round and a give are replaced whole by their own key, a preparation only
 * by a revision at least as high, an approval only raises the approved revision. An event applied twice, published
 * again or replayed leaves the same rows. Alias mappings only name kinds, which the agreements already carry: they
 * are recorded as applied.
 */
@Component
class TradeSpendProjector {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    TradeSpendProjector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void apply(EventEnvelope envelope, NegotiationEvent event) {
        jdbc.sql("""
                        insert into negotiation_event (event_id, account_id, type, occurred_at)
                        values (:eventId, :accountId, :type, :at) on conflict (event_id) do nothing""")
                .param("eventId", envelope.id()).param("accountId", event.accountId()).param("type", envelope.type())
                .param("at", envelope.time().atOffset(ZoneOffset.UTC)).update();
        switch (event) {
            case NegotiationOpened e -> {
                known(e.accountId(), e.negotiationId());
                jdbc.sql("""
                                update negotiation set year = :year, opened_at = :at, opened_by = :by
                                where negotiation_id = :id""")
                        .param("year", e.year()).param("at", envelope.time().atOffset(ZoneOffset.UTC))
                        .param("by", e.openedBy()).param("id", e.negotiationId()).update();
            }
            case AliasMapped e -> {
                // recorded as applied: the agreements and gives carry the canonical kind already
            }
            case PreparationSubmitted e -> {
                known(e.accountId(), e.negotiationId());
                jdbc.sql("""
                                update negotiation set preparation_revision = :revision, concession_budget = :budget,
                                    expected_asks = :asks
                                where negotiation_id = :id
                                  and (preparation_revision is null or preparation_revision <= :revision)""")
                        .param("revision", e.revision()).param("budget", e.concessionBudget())
                        .param("asks", e.expectedAsks().size()).param("id", e.negotiationId()).update();
            }
            case PreparationApproved e -> {
                known(e.accountId(), e.negotiationId());
                jdbc.sql("""
                                update negotiation set approved_revision = :revision, approved_by = :by
                                where negotiation_id = :id
                                  and (approved_revision is null or approved_revision <= :revision)""")
                        .param("revision", e.revision()).param("by", e.approvedBy()).param("id", e.negotiationId())
                        .update();
            }
            case RoundRecorded e -> {
                known(e.accountId(), e.negotiationId());
                jdbc.sql("""
                                insert into negotiation_round (negotiation_id, round, account_id, held_on, asks, claims,
                                    senior_present)
                                values (:id, :round, :accountId, :heldOn, :asks, :claims, :senior)
                                on conflict (negotiation_id, round) do update set held_on = excluded.held_on,
                                    asks = excluded.asks, claims = excluded.claims,
                                    senior_present = excluded.senior_present""")
                        .param("id", e.negotiationId()).param("round", e.round()).param("accountId", e.accountId())
                        .param("heldOn", e.heldOn()).param("asks", e.asks().size()).param("claims", e.claims().size())
                        .param("senior", e.theirAttendees().stream().anyMatch(Attendee::senior)).update();
            }
            case GiveRecorded e -> {
                known(e.accountId(), e.negotiationId());
                jdbc.sql("""
                                insert into negotiation_give (give_id, negotiation_id, account_id, round, sequence, kind,
                                    cost, get_kind, get_value, unreturned, overridden, warnings)
                                values (:giveId, :id, :accountId, :round, :sequence, :kind, :cost, :getKind, :getValue,
                                    :unreturned, :overridden, :warnings)
                                on conflict (give_id) do nothing""")
                        .param("giveId", e.giveId()).param("id", e.negotiationId()).param("accountId", e.accountId())
                        .param("round", e.round()).param("sequence", e.sequence()).param("kind", e.kind().name())
                        .param("cost", e.cost()).param("getKind", e.get() == null ? null : e.get().kind().name())
                        .param("getValue", e.get() == null ? null : e.get().estimatedValue())
                        .param("unreturned", e.unreturned()).param("overridden", e.override() != null)
                        .param("warnings", e.warnings().stream().map(Enum::name).toArray(String[]::new)).update();
            }
            case AgreementSigned e -> signed(envelope, e.accountId(), e.negotiationId(), e.agreementId(), e.version(),
                    e.agreement(), null);
            case AgreementAmended e -> signed(envelope, e.accountId(), e.negotiationId(), e.agreementId(), e.version(),
                    e.agreement(), e.reason());
        }
    }

    /** The negotiation's row, whichever of its events comes first. */
    private void known(UUID accountId, UUID negotiationId) {
        jdbc.sql("""
                        insert into negotiation (negotiation_id, account_id) values (:id, :accountId)
                        on conflict (negotiation_id) do nothing""")
                .param("id", negotiationId).param("accountId", accountId).update();
    }

    /**
     * A signed version as it was signed, with its terms in their order. A version already kept changes nothing (a
     * signed version is immutable). An agreement on no positive basis, or whose period ends before it begins, cannot
     * be shown as a share of sales nor be in force on any day, and is refused.
     */
    private void signed(EventEnvelope envelope, UUID accountId, UUID negotiationId,
                        UUID agreementId, int version, AgreementTerms agreement, @Nullable String reason) {
        if (agreement.basis().annualSales().signum() <= 0) {
            throw new UndecodableEventException(envelope.type() + " " + envelope.id() + " has a sales basis of "
                    + agreement.basis().annualSales() + ": shares of sales need a positive one");
        }
        if (agreement.effectiveTo().isBefore(agreement.effectiveFrom())) {
            throw new UndecodableEventException(envelope.type() + " " + envelope.id() + " ends on "
                    + agreement.effectiveTo() + ", before it begins on " + agreement.effectiveFrom());
        }
        known(accountId, negotiationId);
        jdbc.sql("update negotiation set agreement_id = :agreementId where negotiation_id = :id")
                .param("agreementId", agreementId).param("id", negotiationId).update();
        int written = jdbc.sql("""
                        insert into agreement_version (agreement_id, version, account_id, negotiation_id, effective_from,
                            effective_to, signed_on, basis_source, basis_sales, basis_note, financing_rate_percent,
                            total_annual_cost, trade_spend_percent, amendment_reason)
                        values (:agreementId, :version, :accountId, :negotiationId, :from, :to, :signedOn, :source,
                            :sales, :note, :rate, :total, :percent, :reason)
                        on conflict (agreement_id, version) do nothing""")
                .param("agreementId", agreementId).param("version", version).param("accountId", accountId)
                .param("negotiationId", negotiationId).param("from", agreement.effectiveFrom())
                .param("to", agreement.effectiveTo()).param("signedOn", agreement.signedOn())
                .param("source", agreement.basis().source().name()).param("sales", agreement.basis().annualSales())
                .param("note", agreement.basis().note()).param("rate", agreement.financingRatePercent())
                .param("total", agreement.totalAnnualCost()).param("percent", agreement.tradeSpendPercent())
                .param("reason", reason).update();
        if (written == 0) {
            return;
        }
        List<AgreedTerm> terms = agreement.terms();
        for (int i = 0; i < terms.size(); i++) {
            AgreedTerm term = terms.get(i);
            jdbc.sql("""
                            insert into agreement_term (agreement_id, version, term_id, position, account_id, kind,
                                buyer_name, value, annual_cost, share_of_sales, units, applied_percent)
                            values (:agreementId, :version, :termId, :position, :accountId, :kind, :buyerName,
                                cast(:value as jsonb), :cost, :share, :units, :applied)
                            on conflict do nothing""")
                    .param("agreementId", agreementId).param("version", version).param("termId", term.termId())
                    .param("position", i).param("accountId", accountId).param("kind", term.kind().name())
                    .param("buyerName", term.buyerName()).param("value", JSON.writeValueAsString(term.value()))
                    .param("cost", term.annualCost()).param("share", term.shareOfSales()).param("units", term.units())
                    .param("applied", term.appliedPercent()).update();
        }
    }
}
