package io.kam.promotions.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.kam.platform.domain.Rejection;
import io.kam.platform.events.Actor;
import io.kam.platform.web.CurrentActor;
import io.kam.promotions.api.PromotionEvents.Period;
import io.kam.promotions.api.PromotionEvents.PromotedSku;
import io.kam.promotions.promotion.Promotion;
import io.kam.promotions.promotion.PromotionReader;
import io.swagger.v3.oas.annotations.Operation;

/**
 * A promotion's uplift per store × SKU and in total, computed on read from the service's own sell-through (no event
 * yet). Uplift % = net incremental units ÷ baseline units over the period × 100, 2 decimals half-even (null when the
 * baseline is zero).
 */
@RestController
class UpliftController {

    record Line(@Nullable UUID storeId, @Nullable String gtin, BigDecimal baselineDailyUnits, BigDecimal baselineUnits,
                long actualUnits, BigDecimal actualSales, BigDecimal incrementalUnits, BigDecimal dip,
                BigDecimal netIncrementalUnits, @Nullable BigDecimal upliftPercent) {
    }

    record Uplift(UUID promotionId, LocalDate from, LocalDate to, int baselineWeeks, int dipWeeks, List<Line> lines,
                  Line total) {
    }

    private final PromotionReader promotions;
    private final CurrentActor current;
    private final JdbcClient jdbc;
    private final int baselineWeeks;
    private final int dipWeeks;

    UpliftController(PromotionReader promotions, CurrentActor current, JdbcClient jdbc,
                     @Value("${kam.promotions.baseline-weeks:8}") int baselineWeeks,
                     @Value("${kam.promotions.dip-weeks:2}") int dipWeeks) {
        this.promotions = promotions;
        this.current = current;
        this.jdbc = jdbc;
        this.baselineWeeks = baselineWeeks;
        this.dipWeeks = dipWeeks;
    }

    @Operation(summary = "A promotion's uplift per store and SKU and in total (national KA managers)")
    @GetMapping("/api/promotions/{id}/uplift")
    @Transactional(readOnly = true)
    Uplift uplift(@PathVariable UUID id) {
        current.requireAny(Actor.NATIONAL_KA_MANAGER);
        Promotion promotion = promotions.find(id).orElseThrow(() -> new Rejection.NotFound("Promotion", id).refused());
        Period in = promotion.terms().inStore();
        Period dip = new Period(in.to().plusDays(1), in.to().plusDays(7L * dipWeeks));
        long days = Baseline.days(in);
        List<Line> lines = new ArrayList<>();
        BigDecimal bu = BigDecimal.ZERO, ac = BigDecimal.ZERO, inc = BigDecimal.ZERO, dp = BigDecimal.ZERO;
        long au = 0;
        for (UUID store : promotion.terms().storeIds()) {
            for (PromotedSku sku : promotion.terms().skus()) {
                Map<LocalDate, Long> units = new HashMap<>();
                BigDecimal[] sales = {BigDecimal.ZERO};
                jdbc.sql("""
                                select d.day, d.units, d.sales from sell_through_day d
                                join known_store k on k.account_id = d.account_id and k.code = d.store_code
                                where d.account_id = :account and k.id = :store and d.gtin = :gtin
                                  and d.day between :from and :to""")
                        .param("account", promotion.accountId()).param("store", store).param("gtin", sku.gtin())
                        .param("from", in.from().minusDays(7L * baselineWeeks + 364)).param("to", dip.to())
                        .query(rs -> {
                            LocalDate day = rs.getObject("day", LocalDate.class);
                            units.put(day, rs.getLong("units"));
                            if (!day.isBefore(in.from()) && !day.isAfter(in.to())) {
                                sales[0] = sales[0].add(rs.getBigDecimal("sales"));
                            }
                        });
                Set<LocalDate> excluded = new HashSet<>();
                jdbc.sql("""
                                select in_store_from, in_store_to from promotion_slot
                                where promotion_id <> :self and store_id = :store and gtin = :gtin""")
                        .param("self", id).param("store", store).param("gtin", sku.gtin())
                        .query(rs -> {
                            for (LocalDate d = rs.getObject(1, LocalDate.class); !d.isAfter(rs.getObject(2, LocalDate.class));
                                 d = d.plusDays(1)) {
                                excluded.add(d);
                            }
                        });
                BigDecimal daily = Baseline.dailyUnits(units, excluded, in, baselineWeeks);
                BigDecimal baselineUnits = daily.multiply(BigDecimal.valueOf(days));
                long actual = Baseline.total(units, in);
                BigDecimal incremental = BigDecimal.valueOf(actual).subtract(baselineUnits);
                BigDecimal lost = daily.multiply(BigDecimal.valueOf(Baseline.days(dip)))
                        .subtract(BigDecimal.valueOf(Baseline.total(units, dip))).max(BigDecimal.ZERO.setScale(Baseline.SCALE));
                lines.add(line(store, sku.gtin(), daily, baselineUnits, actual, sales[0], incremental, lost));
                bu = bu.add(baselineUnits);
                au += actual;
                ac = ac.add(sales[0]);
                inc = inc.add(incremental);
                dp = dp.add(lost);
            }
        }
        BigDecimal totalDaily = bu.divide(BigDecimal.valueOf(days), Baseline.SCALE, RoundingMode.HALF_EVEN);
        Line total = line(null, null, totalDaily, bu, au, ac, inc, dp);
        return new Uplift(id, in.from(), in.to(), baselineWeeks, dipWeeks, lines, total);
    }

    private static Line line(@Nullable UUID store, @Nullable String gtin, BigDecimal daily, BigDecimal baselineUnits,
                             long actual, BigDecimal sales, BigDecimal incremental, BigDecimal dip) {
        BigDecimal net = incremental.subtract(dip);
        BigDecimal percent = baselineUnits.signum() == 0 ? null
                : net.multiply(BigDecimal.valueOf(100)).divide(baselineUnits, MathContext.DECIMAL128)
                        .setScale(2, RoundingMode.HALF_EVEN);
        return new Line(store, gtin, daily, baselineUnits, actual, sales, incremental, dip, net, percent);
    }
}
