package io.kam.visits.promotion;

import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.platform.events.UndecodableEventException;
import io.kam.promotions.api.PromotionEvents.PromotionAgreed;
import io.kam.promotions.api.PromotionEvents.PromotionApproved;
import io.kam.promotions.api.PromotionEvents.PromotionCancelled;
import io.kam.promotions.api.PromotionEvents.PromotionChanged;
import io.kam.promotions.api.PromotionEvents.PromotionDrafted;
import io.kam.promotions.api.PromotionEvents.PromotionEnded;
import io.kam.promotions.api.PromotionEvents.PromotionEvent;
import io.kam.promotions.api.PromotionEvents.PromotionProposed;
import io.kam.promotions.api.PromotionEvents.PromotionReturned;
import io.kam.promotions.api.PromotionEvents.PromotionRevised;
import io.kam.promotions.api.PromotionEvents.PromotionStarted;
import io.kam.promotions.api.PromotionEvents.Terms;
import io.kam.promotions.api.PromotionStatus;

/**
 * What one promotion event does to the copy of its promotion, so that a redelivered, replayed or late event changes
 * nothing it should not:
 * <ul>
 *   <li>terms (drafted, changed, revised) replace the copy when they are of a newer revision, or of the same one while
 *       it is not yet agreed; the copy is then a draft again (a revision is no longer agreed);</li>
 *   <li>a step (proposed, returned, approved, agreed, started, ended, cancelled) applies to the revision held only: one of
 *       an older revision changes nothing; from agreed on, a revision only moves forward (agreed, running, ended or
 *       cancelled), so a step replayed out of its place does not set it back;</li>
 *   <li>a step of a promotion or revision the copy does not hold cannot be applied (its terms were never processed)
 *       and is refused as a record that can never be processed: it goes straight to the dead-letter topic with the
 *       reason, without holding up the promotions after it;</li>
 *   <li>fees, evaluations, funds, costs and settings concern no store execution and change nothing.</li>
 * </ul>
 */
final class Revisions {

    private Revisions() {
    }

    /** The revision held and where it stands. */
    record Held(int revision, PromotionStatus status) {
    }

    sealed interface Change {
        /** New terms: the copy holds this revision, as a draft. */
        record NewTerms(int revision, Terms terms) implements Change {
        }

        record NewStatus(PromotionStatus status) implements Change {
        }
    }

    /** The promotion whose copy the event may change; empty for fees, evaluations, funds, costs and settings. */
    static Optional<UUID> promotionOf(PromotionEvent event) {
        return Optional.ofNullable(switch (event) {
            case PromotionDrafted e -> e.promotionId();
            case PromotionChanged e -> e.promotionId();
            case PromotionRevised e -> e.promotionId();
            case PromotionProposed e -> e.promotionId();
            case PromotionReturned e -> e.promotionId();
            case PromotionApproved e -> e.promotionId();
            case PromotionAgreed e -> e.promotionId();
            case PromotionStarted e -> e.promotionId();
            case PromotionEnded e -> e.promotionId();
            case PromotionCancelled e -> e.promotionId();
            default -> null;
        });
    }

    static Optional<Change> of(@Nullable Held held, PromotionEvent event) {
        return switch (event) {
            case PromotionDrafted e -> terms(held, e.revision(), e.terms());
            case PromotionChanged e -> terms(held, e.revision(), e.terms());
            case PromotionRevised e -> terms(held, e.revision(), e.terms());
            case PromotionProposed e -> step(held, e.promotionId(), e.revision(), PromotionStatus.PROPOSED);
            case PromotionReturned e -> step(held, e.promotionId(), e.revision(), PromotionStatus.RETURNED);
            case PromotionApproved e -> step(held, e.promotionId(), e.revision(), PromotionStatus.APPROVED);
            case PromotionAgreed e -> step(held, e.promotionId(), e.revision(), PromotionStatus.AGREED);
            case PromotionStarted e -> step(held, e.promotionId(), e.revision(), PromotionStatus.RUNNING);
            case PromotionEnded e -> step(held, e.promotionId(), e.revision(), PromotionStatus.ENDED);
            case PromotionCancelled e -> step(held, e.promotionId(), e.revision(), PromotionStatus.CANCELLED);
            default -> Optional.empty();
        };
    }

    private static Optional<Change> terms(@Nullable Held held, int revision, Terms terms) {
        if (held == null || revision > held.revision() || revision == held.revision() && !fixed(held.status())) {
            return Optional.of(new Change.NewTerms(revision, terms));
        }
        return Optional.empty();
    }

    private static Optional<Change> step(@Nullable Held held, UUID promotionId, int revision, PromotionStatus to) {
        if (held == null) {
            throw new UndecodableEventException("promotion " + promotionId + " is unknown here: no event with its terms "
                    + "was processed, so its step to " + to + " cannot be applied");
        }
        if (revision > held.revision()) {
            throw new UndecodableEventException("promotion " + promotionId + " is held at revision " + held.revision()
                    + ": the terms of its revision " + revision + " were not processed, so its step to " + to
                    + " cannot be applied");
        }
        if (revision < held.revision() || held.status() == to) {
            return Optional.empty();
        }
        if (fixed(held.status()) && rank(to) <= rank(held.status())) {
            return Optional.empty();
        }
        return Optional.of(new Change.NewStatus(to));
    }

    /** Whether the retailer agreed the revision: its terms are fixed and it only moves forward. */
    private static boolean fixed(PromotionStatus status) {
        return rank(status) > 0;
    }

    private static int rank(PromotionStatus status) {
        return switch (status) {
            case AGREED -> 1;
            case RUNNING -> 2;
            case ENDED, EVALUATED, CANCELLED -> 3;
            default -> 0;
        };
    }
}
