package io.kam.promotions.promotion;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.kam.platform.outbox.Outbox;
import io.kam.promotions.api.PromotionEvents;
import io.kam.promotions.api.PromotionEvents.EvaluationTrigger;
import io.kam.promotions.api.PromotionEvents.PromotionEvaluated;
import io.kam.promotions.api.PromotionStatus;

/**
 * When promotions are evaluated, and the recording of each evaluation, for the evaluation feature of this service. A
 * promotion is first evaluated once its in-store period and the post-promotion weeks are over; after that it is
 * evaluated again when something it was computed from changes, which marks it due with the trigger (one mark per
 * promotion: the first trigger stands until the evaluation runs).
 */
@Component
public class PromotionEvaluations {

    /** Works out the next evaluation of a promotion. */
    @FunctionalInterface
    public interface Evaluator {
        PromotionEvaluated evaluate(Promotion promotion, int evaluation, EvaluationTrigger trigger);
    }

    private final PromotionStore store;
    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Clock clock;

    PromotionEvaluations(PromotionStore store, JdbcClient jdbc, Outbox outbox, Clock clock) {
        this.store = store;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Ended promotions never evaluated whose post-promotion weeks are over by this day, oldest first. */
    public List<UUID> ripe(LocalDate today, int dipWeeks, int limit) {
        return jdbc.sql("""
                        select id from promotion where status = 'ENDED' and evaluation = 0 and in_store_to < :cutoff
                        order by in_store_to, id limit :limit""")
                .param("cutoff", today.minusDays(7L * dipWeeks)).param("limit", limit).query(UUID.class).list();
    }

    /** Evaluated promotions marked for another evaluation, longest waiting first. */
    public List<UUID> due(int limit) {
        return jdbc.sql("select promotion_id from evaluation_due order by since, promotion_id limit ?").param(limit)
                .query(UUID.class).list();
    }

    /**
     * Evaluates one promotion in a transaction of its own: the first evaluation of a ripe ended one, or the next of a
     * promotion marked due (taking the mark). Does nothing, and returns empty, when neither holds any more (another
     * instance got there first, or it is not evaluable).
     */
    @Transactional
    public Optional<PromotionEvaluated> evaluate(UUID id, Evaluator evaluator) {
        Optional<Promotion> found = store.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        store.lockAccount(found.get().accountId());
        Promotion current = store.findForUpdate(id).orElseThrow();
        Optional<EvaluationTrigger> mark = jdbc.sql("delete from evaluation_due where promotion_id = ? returning trigger")
                .param(id).query(String.class).optional().map(EvaluationTrigger::valueOf);
        EvaluationTrigger trigger;
        if (current.evaluation() == 0 && current.status() == PromotionStatus.ENDED) {
            trigger = EvaluationTrigger.ENDED;
        } else if (mark.isPresent() && current.evaluable()) {
            trigger = mark.get();
        } else {
            return Optional.empty();
        }
        var evaluated = current.evaluated(evaluator.evaluate(current, current.evaluation() + 1, trigger), clock.instant());
        store.update(evaluated.promotion());
        store.saveEvaluation(evaluated.event());
        outbox.append(PromotionEvents.CATALOG, evaluated.event(), PromotionCalendar.ACTOR);
        return Optional.of(evaluated.event());
    }

    /**
     * Marks for another evaluation the account's evaluated promotions in one of these stores (by code) whose
     * evaluation window (from the last-year pre-period to the end of the dip) holds the day; returns how many.
     */
    public int markDueForSales(UUID accountId, LocalDate day, Collection<String> storeCodes, int daysBefore,
                               int daysAfter) {
        return jdbc.sql("""
                        insert into evaluation_due (promotion_id, trigger, since)
                        select distinct p.id, 'RESTATED', cast(:now as timestamptz) from promotion p
                        where p.account_id = :account and p.status = 'EVALUATED'
                          and p.in_store_from - :before <= :day and p.in_store_to + :after >= :day
                          and exists (select 1 from promotion_slot s join known_store k on k.id = s.store_id
                                      where s.promotion_id = p.id and k.code = any(cast(:codes as text[])))
                        on conflict (promotion_id) do nothing""")
                .param("now", Timestamp.from(clock.instant())).param("account", accountId)
                .param("before", daysBefore).param("after", daysAfter).param("day", day)
                .param("codes", storeCodes.toArray(String[]::new)).update();
    }

    /** Marks for another evaluation the account's evaluated promotions of a SKU, or of its category; returns how many. */
    public int markDueForCost(UUID accountId, String gtin, String category) {
        return jdbc.sql("""
                        insert into evaluation_due (promotion_id, trigger, since)
                        select distinct p.id, 'COSTS_CHANGED', cast(:now as timestamptz) from promotion p
                        join promotion_slot s on s.promotion_id = p.id
                        where p.account_id = :account and p.status = 'EVALUATED'
                          and (s.gtin = :gtin or s.category = :category)
                        on conflict (promotion_id) do nothing""")
                .param("now", Timestamp.from(clock.instant())).param("account", accountId)
                .param("gtin", gtin).param("category", category).update();
    }

    /**
     * The latest evaluations of the evaluated promotions of any of these SKUs, of one account (or of every account,
     * when null), whose in-store period began on or after the day.
     */
    public List<PromotionEvaluated> evaluatedWith(@Nullable UUID accountId, List<String> gtins, LocalDate since) {
        return jdbc.sql("""
                        select p.evaluated from promotion p
                        where p.status = 'EVALUATED' and p.in_store_from >= :since
                          and (cast(:account as uuid) is null or p.account_id = :account)
                          and exists (select 1 from promotion_slot s where s.promotion_id = p.id
                                      and s.gtin = any(cast(:gtins as text[])))
                        order by p.in_store_from, p.id""")
                .param("since", since).param("account", accountId).param("gtins", gtins.toArray(String[]::new))
                .query(String.class).list().stream().map(store::evaluationOf).toList();
    }

    /** A promotion's latest evaluation; empty before the first. */
    public Optional<PromotionEvaluated> latest(UUID id) {
        return store.latestEvaluation(id);
    }
}
