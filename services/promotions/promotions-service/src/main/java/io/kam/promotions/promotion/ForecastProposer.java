package io.kam.promotions.promotion;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.promotions.api.PromotionEvents.Forecast;
import io.kam.promotions.api.PromotionEvents.Period;
import io.kam.promotions.api.PromotionEvents.PromotedSku;

/** Proposes a promotion's expected volume from history when the manager leaves the forecast out. */
public interface ForecastProposer {

    /**
     * A proposed forecast: the baseline units over the period, and the uplift the past evaluated promotions of these
     * SKUs achieved ({@code upliftPercent}, the mean over {@code evaluations} of them; null, and no uplift, without
     * any); {@code basis} says whose history it is: {@code ACCOUNT}, {@code NATIONAL} (every account's) or
     * {@code NONE}.
     */
    record Proposal(Forecast forecast, BigDecimal baselineDailyUnits, @Nullable BigDecimal upliftPercent,
                    int evaluations, String basis) {
    }

    Proposal propose(UUID accountId, List<PromotedSku> skus, List<UUID> storeIds, Period inStore);
}
