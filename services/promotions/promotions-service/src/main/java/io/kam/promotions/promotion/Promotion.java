package io.kam.promotions.promotion;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.Region;
import io.kam.platform.domain.Rejection;
import io.kam.promotions.api.PromotionEvents.FeesSettled;
import io.kam.promotions.api.PromotionEvents.PromotedSku;
import io.kam.promotions.api.PromotionEvents.PromotionAgreed;
import io.kam.promotions.api.PromotionEvents.PromotionApproved;
import io.kam.promotions.api.PromotionEvents.PromotionCancelled;
import io.kam.promotions.api.PromotionEvents.PromotionChanged;
import io.kam.promotions.api.PromotionEvents.PromotionDrafted;
import io.kam.promotions.api.PromotionEvents.PromotionEnded;
import io.kam.promotions.api.PromotionEvents.PromotionEvaluated;
import io.kam.promotions.api.PromotionEvents.PromotionProposed;
import io.kam.promotions.api.PromotionEvents.PromotionReturned;
import io.kam.promotions.api.PromotionEvents.PromotionRevised;
import io.kam.promotions.api.PromotionEvents.PromotionStarted;
import io.kam.promotions.api.PromotionEvents.SettledFee;
import io.kam.promotions.api.PromotionEvents.Terms;
import io.kam.promotions.api.PromotionEvents.Warning;
import io.kam.promotions.api.PromotionStatus;
import io.kam.promotions.api.PromotionViews.Agreement;
import io.kam.promotions.api.PromotionViews.PlannedSpend;
import io.kam.promotions.api.PromotionViews.PromotionView;

/**
 * A promotion of one account (促销). Its terms change only while it is a draft or returned; everyone who wrote them is
 * one of its {@code editors}, and none of them may approve it (four eyes). Once the retailer has agreed it, it is
 * fixed: a change before it starts is a new revision that is approved and agreed anew. The calendar runs and ends it;
 * once ended, its fees are settled and it is evaluated, again whenever the figures it was evaluated on change.
 *
 * @param regions the regions its stores are in (a coordinator of one of them reads it)
 * @param editors everyone who wrote its terms, the author first
 * @param fundId the fund its approval committed its planned spend on; null before approval or without a fund
 * @param committedSpend the planned spend its approval committed; null before approval
 * @param settledFees the fees the retailer actually charged once it ended; null until they are settled
 * @param evaluation the number of its latest evaluation; 0 before the first
 * @param version the optimistic-locking version callers send back in {@code If-Match}
 */
public record Promotion(UUID id, UUID accountId, PromotionStatus status, int revision, Terms terms, List<Region> regions,
                        String author,
                        List<String> editors, @Nullable String lastEditor, @Nullable String proposedBy,
                        @Nullable String approvedBy, @Nullable UUID fundId, @Nullable BigDecimal committedSpend,
                        @Nullable Agreement agreement, @Nullable String statusReason,
                        List<Warning> warnings, @Nullable List<SettledFee> settledFees, int evaluation,
                        Instant updatedAt, long version) {

    public Promotion {
        regions = List.copyOf(regions);
        editors = List.copyOf(editors);
        warnings = List.copyOf(warnings);
        settledFees = settledFees == null ? null : List.copyOf(settledFees);
    }

    /** A decision: the promotion's new state and the event it caused. */
    public record Changed<E>(Promotion promotion, E event) {
    }

    static Changed<PromotionDrafted> draft(UUID accountId, Terms terms, List<Region> regions, String author, Instant now) {
        Promotion drafted = new Promotion(UUID.randomUUID(), accountId, PromotionStatus.DRAFT, 1, terms, regions, author,
                List.of(author), null, null, null, null, null, null, null, List.of(), null, 0, now, 0);
        return new Changed<>(drafted, new PromotionDrafted(accountId, drafted.id, 1, terms, author));
    }

    /** New terms for a draft or a returned promotion; a returned one is a draft again. */
    Changed<PromotionChanged> change(Terms newTerms, List<Region> newRegions, String editor, Instant now) {
        if (!status.editable()) {
            throw refusedIn("its terms can change only while it is a draft or returned");
        }
        List<String> allEditors = new ArrayList<>(editors);
        if (!allEditors.contains(editor)) {
            allEditors.add(editor);
        }
        Promotion next = new Promotion(id, accountId, PromotionStatus.DRAFT, revision, newTerms, newRegions, author, allEditors,
                editor, null, null, null, null, null, null, List.of(), null, 0, now, version);
        return new Changed<>(next, new PromotionChanged(accountId, id, revision, newTerms, editor));
    }

    /** Put forward for approval, with the warnings a reviewer should weigh. */
    Changed<PromotionProposed> propose(String by, List<Warning> found, Instant now) {
        if (!status.editable()) {
            throw refusedIn("only a draft or a returned promotion is proposed");
        }
        Promotion next = with(PromotionStatus.PROPOSED, by, approvedBy, agreement, null, found, now);
        return new Changed<>(next, new PromotionProposed(accountId, id, revision, by, found));
    }

    Changed<PromotionReturned> returnToAuthor(String reason, String by, Instant now) {
        if (status != PromotionStatus.PROPOSED) {
            throw refusedIn("only a proposed promotion is returned");
        }
        Promotion next = with(PromotionStatus.RETURNED, proposedBy, null, null, reason.strip(), warnings, now);
        return new Changed<>(next, new PromotionReturned(accountId, id, revision, next.statusReason, by));
    }

    /** Approved by a manager who wrote none of its terms, committing its planned spend on its fund. */
    Changed<PromotionApproved> approve(String by, @Nullable UUID fund, BigDecimal committed, @Nullable String overrideReason,
                                       Instant now) {
        if (status != PromotionStatus.PROPOSED) {
            throw refusedIn("only a proposed promotion is approved");
        }
        if (editors.contains(by)) {
            throw new Rejection.Forbidden("four-eyes", "you " + (author.equals(by) ? "authored" : "edited")
                    + " promotion " + id + "; another national KA manager approves it").refused();
        }
        Promotion next = new Promotion(id, accountId, PromotionStatus.APPROVED, revision, terms, regions, author, editors,
                lastEditor, proposedBy, by, fund, committed, null, null, warnings, settledFees, evaluation, now, version);
        return new Changed<>(next, new PromotionApproved(accountId, id, revision, by, fund, committed, overrideReason));
    }

    /**
     * The retailer's confirmation of an approved promotion; from here its terms are fixed. It may be recorded after
     * the fact (a promotion agreed on paper, or history brought in), as long as the retailer confirmed it before its
     * period ended; the calendar then catches up with it.
     */
    Changed<PromotionAgreed> agree(String confirmedBy, LocalDate confirmedOn, String reference, String recordedBy,
                                   LocalDate today, Instant now) {
        if (status != PromotionStatus.APPROVED) {
            throw refusedIn("the retailer agrees a promotion once it is approved");
        }
        if (confirmedOn.isAfter(today)) {
            throw new Rejection.Invalid("confirmedOn", "must not be after today (" + today + ")").refused();
        }
        if (confirmedOn.isAfter(terms.inStore().to())) {
            throw new Rejection.Invalid("confirmedOn", "must not be after the in-store period's last day ("
                    + terms.inStore().to() + "): a retailer agrees a promotion before it has run").refused();
        }
        Agreement agreed = new Agreement(confirmedBy.strip(), confirmedOn, reference.strip(), recordedBy);
        Promotion next = with(PromotionStatus.AGREED, proposedBy, approvedBy, agreed, null, warnings, now);
        return new Changed<>(next, new PromotionAgreed(accountId, id, revision, agreed.confirmedBy(), confirmedOn,
                agreed.reference(), recordedBy));
    }

    /** Whether the calendar starts it by this day: agreed, and its in-store period has begun. */
    boolean startsBy(LocalDate today) {
        return status == PromotionStatus.AGREED && !terms.inStore().from().isAfter(today);
    }

    /** Whether the calendar ends it by this day: running, and its in-store period is over. */
    boolean endsBy(LocalDate today) {
        return status == PromotionStatus.RUNNING && terms.inStore().to().isBefore(today);
    }

    Changed<PromotionStarted> start(LocalDate today, Instant now) {
        if (!startsBy(today)) {
            throw refusedIn("it starts when agreed and its in-store period has begun");
        }
        Promotion next = with(PromotionStatus.RUNNING, proposedBy, approvedBy, agreement, null, warnings, now);
        return new Changed<>(next, new PromotionStarted(accountId, id, revision, terms.inStore().from()));
    }

    Changed<PromotionEnded> end(LocalDate today, Instant now) {
        if (!endsBy(today)) {
            throw refusedIn("it ends when its in-store period is over");
        }
        Promotion next = with(PromotionStatus.ENDED, proposedBy, approvedBy, agreement, null, warnings, now);
        return new Changed<>(next, new PromotionEnded(accountId, id, revision, terms.inStore().to().plusDays(1)));
    }

    /** Called off before it ended; it frees its SKUs in its stores. */
    Changed<PromotionCancelled> cancel(String reason, String by, Instant now) {
        if (status == PromotionStatus.ENDED || status == PromotionStatus.EVALUATED || status == PromotionStatus.CANCELLED) {
            throw refusedIn("a promotion is cancelled before it ends");
        }
        Promotion next = with(PromotionStatus.CANCELLED, proposedBy, approvedBy, agreement, reason.strip(), warnings, now);
        return new Changed<>(next, new PromotionCancelled(accountId, id, revision, status, next.statusReason, by));
    }

    /**
     * New terms for an agreed promotion that has not started: a new revision, a draft again. The retailer's agreement
     * and the approval fall away (its committed spend with it); it is proposed, approved by someone who wrote none of
     * its terms, and agreed anew.
     */
    Changed<PromotionRevised> revise(Terms newTerms, List<Region> newRegions, String reason, String editor, Instant now) {
        if (status != PromotionStatus.AGREED) {
            throw refusedIn("an agreed promotion that has not started is revised; "
                    + (status.editable() ? "edit its terms instead" : "this one cannot change"));
        }
        List<String> allEditors = new ArrayList<>(editors);
        if (!allEditors.contains(editor)) {
            allEditors.add(editor);
        }
        Promotion next = new Promotion(id, accountId, PromotionStatus.DRAFT, revision + 1, newTerms, newRegions, author,
                allEditors, editor, null, null, null, null, null, reason.strip(), List.of(), null, 0, now, version);
        return new Changed<>(next, new PromotionRevised(accountId, id, next.revision, revision, newTerms,
                next.statusReason, editor));
    }

    /** The fees the retailer actually charged, once it ended; they replace any settled before. */
    Changed<FeesSettled> settle(List<SettledFee> fees, String by, Instant now) {
        if (status != PromotionStatus.ENDED && status != PromotionStatus.EVALUATED) {
            throw refusedIn("fees are settled once it has ended");
        }
        BigDecimal total = fees.stream().map(SettledFee::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
        Promotion next = new Promotion(id, accountId, status, revision, terms, regions, author, editors, lastEditor,
                proposedBy, approvedBy, fundId, committedSpend, agreement, statusReason, warnings, fees, evaluation, now,
                version);
        return new Changed<>(next, new FeesSettled(accountId, id, revision, next.settledFees, total, by));
    }

    /** Whether it may be evaluated: it has ended, and it may have been evaluated before. */
    boolean evaluable() {
        return status == PromotionStatus.ENDED || status == PromotionStatus.EVALUATED;
    }

    /** Records an evaluation, which must be the next one of this revision. */
    Changed<PromotionEvaluated> evaluated(PromotionEvaluated outcome, Instant now) {
        if (!evaluable()) {
            throw refusedIn("it is evaluated once it has ended");
        }
        if (!outcome.promotionId().equals(id) || outcome.revision() != revision || outcome.evaluation() != evaluation + 1) {
            throw new IllegalArgumentException("evaluation " + outcome.evaluation() + " of revision " + outcome.revision()
                    + " does not follow evaluation " + evaluation + " of promotion " + id + " revision " + revision);
        }
        Promotion next = new Promotion(id, accountId, PromotionStatus.EVALUATED, revision, terms, regions, author, editors,
                lastEditor, proposedBy, approvedBy, fundId, committedSpend, agreement, statusReason, warnings, settledFees,
                outcome.evaluation(), now, version);
        return new Changed<>(next, outcome);
    }

    /** Each SKU's discount depth in percent, to two decimals. */
    List<BigDecimal> discountDepth() {
        return terms.skus().stream().map(Promotion::depth).toList();
    }

    /** A SKU's discount depth in percent, to two decimals. */
    public static BigDecimal depth(PromotedSku sku) {
        return BigDecimal.ONE.subtract(sku.promotedPrice().divide(sku.regularPrice(), 10, RoundingMode.HALF_UP))
                .movePointRight(2).setScale(2, RoundingMode.HALF_UP);
    }

    /** What its terms and forecast plan to spend. */
    public PlannedSpend plannedSpend() {
        return Spend.planned(terms);
    }

    PromotionView view() {
        return new PromotionView(id, accountId, status, revision, terms, discountDepth(), Spend.planned(terms), author,
                lastEditor, proposedBy, approvedBy, fundId, committedSpend, agreement, statusReason, warnings, settledFees,
                evaluation, updatedAt, version);
    }

    private Promotion with(PromotionStatus next, @Nullable String proposer, @Nullable String approver,
                           @Nullable Agreement agreed, @Nullable String reason, List<Warning> found, Instant now) {
        return new Promotion(id, accountId, next, revision, terms, regions, author, editors, lastEditor, proposer, approver,
                fundId, committedSpend, agreed, reason, found, settledFees, evaluation, now, version);
    }

    private RuntimeException refusedIn(String rule) {
        return new Rejection.Conflict("promotion-" + status.name().toLowerCase(Locale.ROOT),
                "promotion " + id + " is " + status + ": " + rule).refused();
    }
}
