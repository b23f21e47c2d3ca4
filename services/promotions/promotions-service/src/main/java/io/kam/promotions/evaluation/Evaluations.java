package io.kam.promotions.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.kam.platform.calendar.MarketCalendar;
import io.kam.promotions.api.PromotionEvents.EvaluationTrigger;
import io.kam.promotions.api.PromotionEvents.PromotionEvaluated;
import io.kam.promotions.api.PromotionEvents.SettledFee;
import io.kam.promotions.promotion.Promotion;
import io.kam.promotions.promotion.PromotionEvaluations;

/**
 * Evaluates promotions: every {@code kam.promotions.evaluation-interval} it evaluates the ended promotions whose
 * post-promotion weeks are over and those marked due again, each in a transaction of its own. {@link #runUntil} is
 * public for the tests of the whole service.
 */
@Component
public class Evaluations {

    private static final Logger log = LoggerFactory.getLogger(Evaluations.class);
    private static final int BATCH = 200;

    private final PromotionEvaluations evaluations;
    private final SalesHistory history;
    private final MarketCalendar calendar;
    private final int baselineWeeks;
    private final int dipWeeks;

    Evaluations(PromotionEvaluations evaluations, SalesHistory history, MarketCalendar calendar,
                @Value("${kam.promotions.baseline-weeks:8}") int baselineWeeks,
                @Value("${kam.promotions.dip-weeks:2}") int dipWeeks) {
        this.evaluations = evaluations;
        this.history = history;
        this.calendar = calendar;
        this.baselineWeeks = baselineWeeks;
        this.dipWeeks = dipWeeks;
    }

    int baselineWeeks() {
        return baselineWeeks;
    }

    int dipWeeks() {
        return dipWeeks;
    }

    @Scheduled(fixedDelayString = "${kam.promotions.evaluation-interval:PT30S}",
            initialDelayString = "${kam.promotions.evaluation-interval:PT30S}")
    void scheduled() {
        runUntil(calendar.today());
    }

    /** Evaluates everything ripe by this day and everything due; returns the evaluations made. */
    public List<PromotionEvaluated> runUntil(LocalDate today) {
        List<PromotionEvaluated> made = new java.util.ArrayList<>();
        for (List<UUID> batch = evaluations.ripe(today, dipWeeks, BATCH); !batch.isEmpty();
             batch = evaluations.ripe(today, dipWeeks, BATCH)) {
            batch.forEach(id -> evaluations.evaluate(id, this::evaluate).ifPresent(made::add));
            if (batch.size() < BATCH) {
                break;
            }
        }
        for (List<UUID> batch = evaluations.due(BATCH); !batch.isEmpty(); batch = evaluations.due(BATCH)) {
            batch.forEach(id -> evaluations.evaluate(id, this::evaluate).ifPresent(made::add));
            if (batch.size() < BATCH) {
                break;
            }
        }
        if (!made.isEmpty()) {
            log.info("Evaluated {} promotion(s)", made.size());
        }
        return made;
    }

    /** Works out a promotion's outcome now, without recording it. */
    Evaluation.Result preview(Promotion promotion) {
        var inputs = history.load(promotion, baselineWeeks, dipWeeks);
        return Evaluation.evaluate(promotion.terms(), inputs.promoted(), inputs.others(), inputs.costs(),
                settledTotal(promotion), baselineWeeks, dipWeeks);
    }

    private PromotionEvaluated evaluate(Promotion promotion, int number, EvaluationTrigger trigger) {
        Evaluation.Result result = preview(promotion);
        return new PromotionEvaluated(promotion.accountId(), promotion.id(), promotion.revision(), number, trigger,
                promotion.terms().inStore(), baselineWeeks, dipWeeks, result.skus(), result.total(),
                result.cannibalisation(), result.investment(), result.roi(), result.costPerIncrementalUnit(),
                result.missingCosts());
    }

    private static @Nullable BigDecimal settledTotal(Promotion promotion) {
        return Optional.ofNullable(promotion.settledFees())
                .map(fees -> fees.stream().map(SettledFee::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .orElse(null);
    }
}
