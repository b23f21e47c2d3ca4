package io.kam.promotions.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.kam.platform.calendar.MarketCalendar;
import io.kam.promotions.api.PromotionEvents.Forecast;
import io.kam.promotions.api.PromotionEvents.Period;
import io.kam.promotions.api.PromotionEvents.PromotedSku;
import io.kam.promotions.api.PromotionEvents.PromotionEvaluated;
import io.kam.promotions.api.PromotionEvents.SkuOutcome;
import io.kam.promotions.evaluation.Evaluation.Series;
import io.kam.promotions.promotion.ForecastProposer;
import io.kam.promotions.promotion.PromotionEvaluations;

/**
 * Proposes a forecast from history. Baseline: per store × SKU the expected daily units (the baseline method over the
 * weeks before the period, or before today for a future one, scaled by last year where it can be), times the
 * period's days, summed and rounded half up to whole units. Uplift: the mean uplift % these SKUs achieved in the
 * account's promotions evaluated over the last two years, else in every account's, else none; the uplift units are
 * the baseline units times it, rounded half up.
 */
@Component
class Forecasts implements ForecastProposer {

    private static final int HISTORY_DAYS = 730;

    private final SalesHistory history;
    private final PromotionEvaluations evaluations;
    private final MarketCalendar calendar;
    private final int baselineWeeks;

    Forecasts(SalesHistory history, PromotionEvaluations evaluations, MarketCalendar calendar,
              @Value("${kam.promotions.baseline-weeks:8}") int baselineWeeks) {
        this.history = history;
        this.evaluations = evaluations;
        this.calendar = calendar;
        this.baselineWeeks = baselineWeeks;
    }

    @Override
    public Proposal propose(UUID accountId, List<PromotedSku> skus, List<UUID> storeIds, Period inStore) {
        var today = calendar.today();
        var anchor = inStore.from().isBefore(today) ? inStore.from() : today;
        var inputs = history.load(accountId, UUID.randomUUID(), skus, storeIds, inStore, anchor, baselineWeeks, 0);
        BigDecimal daily = BigDecimal.ZERO;
        for (List<Series> perStore : inputs.promoted().values()) {
            for (Series series : perStore) {
                daily = daily.add(Baseline.expectedDailyUnits(series.units(), series.excluded(), inStore, today,
                        baselineWeeks));
            }
        }
        BigDecimal baseline = daily.multiply(BigDecimal.valueOf(inStore.days())).setScale(0, RoundingMode.HALF_UP);
        List<String> gtins = skus.stream().map(PromotedSku::gtin).toList();
        var since = today.minusDays(HISTORY_DAYS);
        String basis = "ACCOUNT";
        List<BigDecimal> uplifts = uplifts(evaluations.evaluatedWith(accountId, gtins, since), gtins);
        if (uplifts.isEmpty()) {
            basis = "NATIONAL";
            uplifts = uplifts(evaluations.evaluatedWith(null, gtins, since), gtins);
        }
        @Nullable BigDecimal mean = null;
        long uplift = 0;
        if (uplifts.isEmpty()) {
            basis = "NONE";
        } else {
            mean = uplifts.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(uplifts.size()), 2, RoundingMode.HALF_UP);
            uplift = baseline.multiply(mean).movePointLeft(2).setScale(0, RoundingMode.HALF_UP).max(BigDecimal.ZERO)
                    .longValueExact();
        }
        return new Proposal(new Forecast(baseline.longValueExact(), uplift),
                daily.round(MathContext.DECIMAL64).setScale(Baseline.SCALE, RoundingMode.HALF_EVEN), mean,
                uplifts.size(), basis);
    }

    /** The uplift % of each of these SKUs in each evaluation that has one. */
    private static List<BigDecimal> uplifts(List<PromotionEvaluated> evaluated, List<String> gtins) {
        List<BigDecimal> found = new ArrayList<>();
        for (PromotionEvaluated e : evaluated) {
            for (SkuOutcome sku : e.skus()) {
                if (gtins.contains(sku.gtin()) && sku.outcome().upliftPercent() != null) {
                    found.add(sku.outcome().upliftPercent());
                }
            }
        }
        return found;
    }
}
