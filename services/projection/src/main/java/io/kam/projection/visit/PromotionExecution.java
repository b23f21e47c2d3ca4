package io.kam.projection.visit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.Region;

/**
 * How a promotion is executed in its stores (促销执行), as the store checks found it: for the promotion as a whole and
 * for each region with a checked store. Each store counts once, by its latest check of the promotion's revision.
 *
 * @param overall  every checked store of the promotion
 * @param byRegion the regions with a checked store, each with its stores' figures
 */
public record PromotionExecution(Compliance overall, Map<Region, Compliance> byRegion) {

    /** A promotion no store check has looked at yet. */
    public static PromotionExecution unchecked() {
        return new PromotionExecution(Compliance.NONE, Map.of());
    }

    /** As a coordinator of the region sees it: that region's stores only, also as the promotion's figures. */
    public PromotionExecution seenFrom(Region region) {
        Compliance only = byRegion.getOrDefault(region, Compliance.NONE);
        Map<Region, Compliance> one = new EnumMap<>(Region.class);
        if (byRegion.containsKey(region)) {
            one.put(region, only);
        }
        return new PromotionExecution(only, one);
    }

    /**
     * A promotion's compliance over its checked stores.
     *
     * @param checkedStores     stores where a check looked at the promotion
     * @param executedStores    of those, the stores whose latest check found it executed (every element it calls for
     *                          passed)
     * @param compliancePercent executedStores / checkedStores in percent, one decimal, half up; null when none was
     *                          checked
     * @param deviations        what the latest checks found wrong, with the stores where they did: most stores first,
     *                          then by code ({@code price:<gtin>}, {@code display}, {@code pos-material},
     *                          {@code promoter}, {@code photo})
     * @param lastCheckedAt     the latest of those checks; null when none was made
     */
    public record Compliance(long checkedStores, long executedStores, @Nullable BigDecimal compliancePercent,
                             List<Deviation> deviations, @Nullable Instant lastCheckedAt) {

        static final Compliance NONE = new Compliance(0, 0, null, List.of(), null);

        /** The figures of these stores' latest checks. */
        static Compliance of(List<StoreCheck> latest) {
            long executed = latest.stream().filter(StoreCheck::executed).count();
            Map<String, Long> stores = new HashMap<>();
            latest.forEach(check -> check.deviations().forEach(code -> stores.merge(code, 1L, Long::sum)));
            List<Deviation> deviations = stores.entrySet().stream().map(e -> new Deviation(e.getKey(), e.getValue()))
                    .sorted(Comparator.comparingLong(Deviation::stores).reversed().thenComparing(Deviation::code))
                    .toList();
            BigDecimal percent = latest.isEmpty() ? null : BigDecimal.valueOf(executed * 100)
                    .divide(BigDecimal.valueOf(latest.size()), 1, RoundingMode.HALF_UP);
            Instant last = latest.stream().map(StoreCheck::checkedAt).max(Comparator.naturalOrder()).orElse(null);
            return new Compliance(latest.size(), executed, percent, deviations, last);
        }
    }

    /** A deviation found at this many of the promotion's checked stores. */
    public record Deviation(String code, long stores) {
    }

    /** The latest check of the promotion at one store. */
    record StoreCheck(Region region, boolean executed, List<String> deviations, Instant checkedAt) {
    }
}
