package io.kam.promotions.promotion;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.domain.ExpectedVersion;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
import io.kam.platform.outbox.Outbox;
import io.kam.promotions.api.PromotionEvents;
import io.kam.promotions.api.PromotionEvents.EvaluationTrigger;
import io.kam.promotions.api.PromotionEvents.PromotedSku;
import io.kam.promotions.api.PromotionEvents.PromotionEvent;
import io.kam.promotions.api.PromotionEvents.SettledFee;
import io.kam.promotions.api.PromotionEvents.Terms;
import io.kam.promotions.api.PromotionEvents.Warning;
import io.kam.promotions.api.PromotionRequests;
import io.kam.promotions.api.PromotionStatus;
import io.kam.promotions.fund.Funds;
import io.kam.promotions.replica.Stores;

/**
 * The promotion use cases. Each loads and locks what it changes, lets the aggregate decide, saves the new state and
 * appends the event to the outbox in the same transaction; a refusal writes nothing. Changes to one account's
 * promotions are serialised, so that the clash check sees every other promotion of the account as it stands.
 */
@Service
class Promotions {

    private final PromotionStore store;
    private final TermsRules rules;
    private final Stores stores;
    private final Funds funds;
    private final Outbox outbox;
    private final PromotionSettings settings;
    private final ForecastProposer forecasts;
    private final Clock clock;
    private final MarketCalendar calendar;

    Promotions(PromotionStore store, TermsRules rules, Stores stores, Funds funds, Outbox outbox,
               PromotionSettings settings, ForecastProposer forecasts, Clock clock, MarketCalendar calendar) {
        this.store = store;
        this.settings = settings;
        this.forecasts = forecasts;
        this.rules = rules;
        this.stores = stores;
        this.funds = funds;
        this.outbox = outbox;
        this.clock = clock;
        this.calendar = calendar;
    }

    @Transactional
    Promotion draft(PromotionRequests.DraftPromotion request, Actor actor) {
        if (!stores.accountExists(request.accountId())) {
            throw new Rejection.Invalid("accountId", "is not a known account").refused();
        }
        store.lockAccount(request.accountId());
        var resolved = rules.resolve(request.accountId(), request.terms(), "terms.");
        var drafted = Promotion.draft(request.accountId(), resolved.terms(), resolved.regions(), actor.name(),
                clock.instant());
        refuseClash(drafted.promotion().accountId(), drafted.promotion().id(), resolved.terms());
        Promotion saved = store.insert(drafted.promotion());
        outbox.append(PromotionEvents.CATALOG, drafted.event(), actor.name());
        return saved;
    }

    /** What history proposes as the forecast of these terms (any forecast they hold is ignored); nothing is written. */
    @Transactional(readOnly = true)
    ForecastProposer.Proposal forecast(PromotionRequests.DraftPromotion request) {
        if (!stores.accountExists(request.accountId())) {
            throw new Rejection.Invalid("accountId", "is not a known account").refused();
        }
        var resolved = rules.resolve(request.accountId(), request.terms(), "terms.");
        return forecasts.propose(request.accountId(), resolved.terms().skus(), resolved.terms().storeIds(),
                resolved.terms().inStore());
    }

    @Transactional
    Promotion change(UUID id, long expected, PromotionRequests.TermsInput terms, Actor actor) {
        Promotion current = locked(id, expected);
        var resolved = rules.resolve(current.accountId(), terms, "");
        var changed = current.change(resolved.terms(), resolved.regions(), actor.name(), clock.instant());
        refuseClash(current.accountId(), id, resolved.terms());
        return save(changed.promotion(), changed.event(), actor);
    }

    /**
     * Revises an agreed promotion before it starts: new terms under a new revision, a draft again, to be approved and
     * agreed anew. The clash check applies as to any change.
     */
    @Transactional
    Promotion revise(UUID id, long expected, PromotionRequests.Revise request, Actor actor) {
        Promotion current = locked(id, expected);
        var resolved = rules.resolve(current.accountId(), request.terms(), "terms.");
        var revised = current.revise(resolved.terms(), resolved.regions(), request.reason(), actor.name(), clock.instant());
        refuseClash(current.accountId(), id, resolved.terms());
        return save(revised.promotion(), revised.event(), actor);
    }

    /** Records the fees the retailer actually charged for an ended promotion; an evaluated one is evaluated again. */
    @Transactional
    Promotion settle(UUID id, long expected, PromotionRequests.SettleFees request, Actor actor) {
        Promotion current = locked(id, expected);
        List<SettledFee> fees = request.fees().stream()
                .map(f -> new SettledFee(f.kind(), f.amount().setScale(2, RoundingMode.HALF_UP),
                        f.note() == null || f.note().isBlank() ? null : f.note().strip()))
                .toList();
        Promotion saved = apply(current, actor, p -> p.settle(fees, actor.name(), clock.instant()));
        if (saved.status() == PromotionStatus.EVALUATED) {
            store.evaluationDue(id, EvaluationTrigger.FEES_SETTLED, clock.instant());
        }
        return saved;
    }

    /** Sets the account's minimum gap between two promotions of a SKU in a store. */
    @Transactional
    void setMinimumGap(UUID accountId, int days, Actor actor) {
        if (!stores.accountExists(accountId)) {
            throw new Rejection.NotFound("Account", accountId).refused();
        }
        settings.setMinimumGap(accountId, days, actor.name());
    }

    @Transactional
    Promotion propose(UUID id, long expected, Actor actor) {
        Promotion current = locked(id, expected);
        List<Warning> warnings = new ArrayList<>(store.sameCategoryOverlaps(current.accountId(), id, current.terms()));
        warnings.addAll(store.tooShortGaps(current.accountId(), id, current.terms(),
                settings.minimumGapDays(current.accountId())));
        return apply(current, actor, p -> p.propose(actor.name(), warnings, clock.instant()));
    }

    @Transactional
    Promotion returnToAuthor(UUID id, long expected, PromotionRequests.Return request, Actor actor) {
        return apply(locked(id, expected), actor, p -> p.returnToAuthor(request.reason(), actor.name(), clock.instant()));
    }

    /**
     * Approves a proposed promotion and commits its planned spend on its fund. A promotion that would take the fund
     * past its budget is refused (422 with the figures) unless the approver gives the reason to override.
     */
    @Transactional
    Promotion approve(UUID id, long expected, PromotionRequests.Approve request, Actor actor) {
        Promotion current = locked(id, expected);
        BigDecimal planned = Spend.planned(current.terms()).total();
        var fund = funds.forPromotion(current.accountId(), current.terms().inStore().from().getYear(),
                current.terms().fundId(), current.terms().skus().stream().map(PromotedSku::category).distinct().toList());
        String override = request.overrideReason() == null || request.overrideReason().isBlank() ? null
                : request.overrideReason().strip();
        boolean overdrawn = false;
        if (fund.isPresent()) {
            BigDecimal committed = funds.committedExcept(fund.get().id(), id);
            BigDecimal after = committed.add(planned);
            overdrawn = after.compareTo(fund.get().budget()) > 0;
            if (overdrawn && override == null) {
                throw new Rejection.BrokenRule("fund-overdrawn", "the planned spend of " + planned + " would take the "
                        + fund.get().year() + " fund past its budget of " + fund.get().budget() + " by "
                        + after.subtract(fund.get().budget()) + "; a second national KA manager may approve it with "
                        + "the reason to override", Map.of("fundId", fund.get().id(), "budget", fund.get().budget(),
                        "committed", committed, "plannedSpend", planned, "overdraw", after.subtract(fund.get().budget())))
                        .refused();
            }
        }
        UUID fundId = fund.map(Funds.Fund::id).orElse(null);
        String reason = overdrawn ? override : null;
        return apply(current, actor, p -> p.approve(actor.name(), fundId, planned, reason, clock.instant()));
    }

    /**
     * Records the retailer's agreement. One whose in-store period has begun is started (and one whose period is over
     * ended) at once by the calendar's rule, rather than at the next night's run.
     */
    @Transactional
    Promotion agree(UUID id, long expected, PromotionRequests.Agree request, Actor actor) {
        LocalDate today = calendar.today();
        Promotion agreed = apply(locked(id, expected), actor, p -> p.agree(request.confirmedBy(), request.confirmedOn(),
                request.reference(), actor.name(), today, clock.instant()));
        if (agreed.startsBy(today)) {
            advance(id, today, PromotionCalendar.ACTOR);
            return store.find(id).orElseThrow();
        }
        return agreed;
    }

    @Transactional
    Promotion cancel(UUID id, long expected, PromotionRequests.Cancel request, Actor actor) {
        return apply(locked(id, expected), actor, p -> p.cancel(request.reason(), actor.name(), clock.instant()));
    }

    /**
     * Moves one promotion on by the calendar: starts an agreed one whose in-store period has begun, and ends a running
     * one whose period is over (one agreed whose period passed while nothing ran starts and ends at once). Does nothing
     * to any other.
     */
    @Transactional
    List<PromotionEvent> advance(UUID id, LocalDate today, String service) {
        Promotion current = store.findForUpdate(id).orElseThrow();
        List<PromotionEvent> caused = new ArrayList<>();
        if (current.startsBy(today)) {
            var started = current.start(today, clock.instant());
            current = store.update(started.promotion());
            caused.add(started.event());
        }
        if (current.endsBy(today)) {
            var ended = current.end(today, clock.instant());
            current = store.update(ended.promotion());
            caused.add(ended.event());
        }
        outbox.appendAll(PromotionEvents.CATALOG, caused, service);
        return caused;
    }

    private void refuseClash(UUID accountId, UUID promotionId, Terms terms) {
        store.firstClash(accountId, promotionId, terms).ifPresent(clash -> {
            throw new Rejection.Conflict("promotion-clash", "SKU " + clash.gtin() + " is promoted in store "
                    + clash.storeId() + " by " + clash.name() + " from " + clash.from() + " to " + clash.to()
                    + "; one SKU runs one promotion at a time in a store",
                    Map.of("clashingPromotion", clash.promotionId(), "storeId", clash.storeId(),
                            "gtin", clash.gtin(), "from", clash.from(), "to", clash.to())).refused();
        });
    }

    private Promotion locked(UUID id, long expected) {
        Promotion found = store.find(id).orElseThrow(() -> new Rejection.NotFound("Promotion", id).refused());
        store.lockAccount(found.accountId());
        Promotion current = store.findForUpdate(id).orElseThrow();
        ExpectedVersion.require(expected, current.version());
        return current;
    }

    private Promotion apply(Promotion current, Actor actor,
                            Function<Promotion, Promotion.Changed<? extends PromotionEvent>> decision) {
        var changed = decision.apply(current);
        return save(changed.promotion(), changed.event(), actor);
    }

    private Promotion save(Promotion promotion, PromotionEvent event, Actor actor) {
        Promotion saved = store.update(promotion);
        outbox.append(PromotionEvents.CATALOG, event, actor.name());
        return saved;
    }
}
