package io.kam.projection.promotion;

import java.time.Instant;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.platform.events.EventEnvelope;
import io.kam.promotions.api.PromotionEvents.FeesSettled;
import io.kam.promotions.api.PromotionEvents.FundSet;
import io.kam.promotions.api.PromotionEvents.ProductCostSet;
import io.kam.promotions.api.PromotionEvents.PromotionAgreed;
import io.kam.promotions.api.PromotionEvents.PromotionApproved;
import io.kam.promotions.api.PromotionEvents.PromotionCancelled;
import io.kam.promotions.api.PromotionEvents.PromotionChanged;
import io.kam.promotions.api.PromotionEvents.PromotionDrafted;
import io.kam.promotions.api.PromotionEvents.PromotionEnded;
import io.kam.promotions.api.PromotionEvents.PromotionEvaluated;
import io.kam.promotions.api.PromotionEvents.PromotionEvent;
import io.kam.promotions.api.PromotionEvents.PromotionProposed;
import io.kam.promotions.api.PromotionEvents.PromotionReturned;
import io.kam.promotions.api.PromotionEvents.PromotionRevised;
import io.kam.promotions.api.PromotionEvents.PromotionSettingsChanged;
import io.kam.promotions.api.PromotionEvents.PromotionStarted;

/**
 * Applies one promotions event to the promotion tables, inside the transaction that records it as processed. Every
 * promotion event first settles its revision ({@link PromotionRows#atRevision}): one of an older revision than the
 * promotion's is recorded as applied and changes nothing. Facts are set, never added, and an evaluation replaces the
 * kept one only with a higher number, so an event applied twice, published again or arriving late leaves the same
 * rows. Settled fees count through the evaluation they trigger; product costs and promotion settings have no part in
 * the review's figures: all three are only recorded as applied.
 */
@Component
class PromotionProjector {

    private final JdbcClient jdbc;
    private final PromotionRows promotions;
    private final OutcomeRows outcomes;

    PromotionProjector(JdbcClient jdbc, PromotionRows promotions, OutcomeRows outcomes) {
        this.jdbc = jdbc;
        this.promotions = promotions;
        this.outcomes = outcomes;
    }

    void apply(EventEnvelope envelope, PromotionEvent event) {
        Instant at = envelope.time();
        jdbc.sql("""
                        insert into promotion_event (event_id, account_id, type, occurred_at)
                        values (:eventId, :accountId, :type, :at) on conflict (event_id) do nothing""")
                .param("eventId", envelope.id()).param("accountId", event.accountId()).param("type", envelope.type())
                .param("at", at.atOffset(ZoneOffset.UTC)).update();
        switch (event) {
            case PromotionDrafted e -> {
                if (promotions.atRevision(e.accountId(), e.promotionId(), e.revision())) {
                    promotions.terms(e.promotionId(), e.terms(), at);
                }
            }
            case PromotionChanged e -> {
                if (promotions.atRevision(e.accountId(), e.promotionId(), e.revision())) {
                    promotions.terms(e.promotionId(), e.terms(), at);
                    promotions.stage(e.promotionId(), "DRAFT");
                }
            }
            case PromotionRevised e -> {
                if (promotions.atRevision(e.accountId(), e.promotionId(), e.revision())) {
                    promotions.terms(e.promotionId(), e.terms(), at);
                }
            }
            case PromotionProposed e -> {
                if (promotions.atRevision(e.accountId(), e.promotionId(), e.revision())) {
                    promotions.stage(e.promotionId(), "PROPOSED");
                }
            }
            case PromotionReturned e -> {
                if (promotions.atRevision(e.accountId(), e.promotionId(), e.revision())) {
                    promotions.stage(e.promotionId(), "RETURNED");
                }
            }
            case PromotionApproved e -> {
                if (promotions.atRevision(e.accountId(), e.promotionId(), e.revision())) {
                    promotions.approved(e.promotionId(), e.fundId(), e.committedSpend());
                }
            }
            case PromotionAgreed e -> {
                if (promotions.atRevision(e.accountId(), e.promotionId(), e.revision())) {
                    promotions.agreed(e.promotionId(), e.confirmedOn(), e.reference());
                }
            }
            case PromotionStarted e -> {
                if (promotions.atRevision(e.accountId(), e.promotionId(), e.revision())) {
                    promotions.started(e.promotionId(), e.on());
                }
            }
            case PromotionEnded e -> {
                if (promotions.atRevision(e.accountId(), e.promotionId(), e.revision())) {
                    promotions.ended(e.promotionId(), e.on());
                }
            }
            case PromotionCancelled e -> {
                if (promotions.atRevision(e.accountId(), e.promotionId(), e.revision())) {
                    promotions.cancelled(e.promotionId());
                }
            }
            case PromotionEvaluated e -> {
                if (promotions.atRevision(e.accountId(), e.promotionId(), e.revision())) {
                    outcomes.evaluated(e);
                }
            }
            case FundSet e -> outcomes.fund(e, at);
            case FeesSettled e -> {
                // recorded as applied: the evaluation it triggers carries the settled fees in its investment
            }
            case ProductCostSet e -> {
                // recorded as applied: costs count through the evaluation's gross profit
            }
            case PromotionSettingsChanged e -> {
                // recorded as applied: the minimum gap only warns at proposal
            }
        }
    }
}
