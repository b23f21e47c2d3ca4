package io.kam.promotions.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.promotions.api.PromotionEvents.Period;
import io.kam.promotions.api.PromotionEvents.PromotedSku;
import io.kam.promotions.evaluation.Evaluation.Cost;
import io.kam.promotions.evaluation.Evaluation.Series;
import io.kam.promotions.promotion.Promotion;

/**
 * What an evaluation reads, in four queries whatever the promotion's size: the daily sell-through of its stores for
 * its SKUs and the other SKUs of their categories, over the window the baseline, its last-year ratio and the dip
 * need; the days other promotions that ran (running, ended, evaluated) held those SKUs in those stores; and the
 * SKUs' costs.
 */
@Component
class SalesHistory {

    /** What one promotion's evaluation reads. */
    record Inputs(Map<String, List<Series>> promoted, Map<String, List<Series>> others, Map<String, Cost> costs) {
    }

    private final JdbcClient jdbc;

    SalesHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The window read: from the first day of the last-year pre-period (of the weeks before {@code anchor}, the
     * in-store period's first day or, for a forecast, today if earlier) to the dip's last.
     */
    static Period window(Period inStore, LocalDate anchor, int baselineWeeks, int dipWeeks) {
        return new Period(anchor.minusDays(7L * baselineWeeks + Baseline.LAST_YEAR_DAYS),
                inStore.to().plusDays(7L * dipWeeks));
    }

    /** What the promotion's evaluation reads. */
    Inputs load(Promotion promotion, int baselineWeeks, int dipWeeks) {
        return load(promotion.accountId(), promotion.id(), promotion.terms().skus(), promotion.terms().storeIds(),
                promotion.terms().inStore(), promotion.terms().inStore().from(), baselineWeeks, dipWeeks);
    }

    /**
     * What an evaluation or a forecast of these SKUs in these stores over the in-store period reads; {@code self} is
     * the promotion itself, whose own days are not left out of its baseline.
     */
    Inputs load(UUID account, UUID self, List<PromotedSku> skus, List<UUID> storeIds, Period in, LocalDate anchor,
                int baselineWeeks, int dipWeeks) {
        Period window = window(in, anchor, baselineWeeks, dipWeeks);
        List<String> promotedGtins = skus.stream().map(PromotedSku::gtin).toList();
        List<String> categories = skus.stream().map(PromotedSku::category).distinct().toList();

        Map<String, Cost> costs = new HashMap<>();
        jdbc.sql("""
                        select gtin, category, list_price, unit_cost from product_cost
                        where account_id = :account
                          and (gtin = any(cast(:gtins as text[])) or category = any(cast(:categories as text[])))""")
                .param("account", account).param("gtins", promotedGtins.toArray(String[]::new))
                .param("categories", categories.toArray(String[]::new))
                .query(rs -> {
                    costs.put(rs.getString("gtin"), new Cost(rs.getString("category"), rs.getBigDecimal("list_price"),
                            rs.getBigDecimal("unit_cost")));
                });
        List<String> otherGtins = costs.keySet().stream().filter(g -> !promotedGtins.contains(g)).sorted().toList();
        List<String> gtins = new ArrayList<>(promotedGtins);
        gtins.addAll(otherGtins);

        String[] stores = storeIds.stream().map(UUID::toString).toArray(String[]::new);
        Map<UUID, Map<String, Map<LocalDate, Long>>> units = new HashMap<>();
        Map<UUID, Map<String, BigDecimal>> sales = new HashMap<>();
        jdbc.sql("""
                        select k.id as store_id, d.gtin, d.day, d.units, d.sales
                        from known_store k
                        join sell_through_day d on d.account_id = k.account_id and d.store_code = k.code
                        where k.account_id = :account and k.id = any(cast(:stores as uuid[]))
                          and d.gtin = any(cast(:gtins as text[])) and d.day between :from and :to""")
                .param("account", account).param("stores", stores).param("gtins", gtins.toArray(String[]::new))
                .param("from", window.from()).param("to", window.to())
                .query(rs -> {
                    UUID store = rs.getObject("store_id", UUID.class);
                    String gtin = rs.getString("gtin");
                    LocalDate day = rs.getObject("day", LocalDate.class);
                    units.computeIfAbsent(store, s -> new HashMap<>()).computeIfAbsent(gtin, g -> new HashMap<>())
                            .put(day, rs.getLong("units"));
                    if (!day.isBefore(in.from()) && !day.isAfter(in.to())) {
                        sales.computeIfAbsent(store, s -> new HashMap<>()).merge(gtin, rs.getBigDecimal("sales"),
                                BigDecimal::add);
                    }
                });

        Map<UUID, Map<String, Set<LocalDate>>> excluded = new HashMap<>();
        jdbc.sql("""
                        select s.store_id, s.gtin, greatest(s.in_store_from, :from) as first_day,
                            least(s.in_store_to, :to) as last_day
                        from promotion_slot s join promotion p on p.id = s.promotion_id
                        where s.account_id = :account and s.promotion_id <> :self
                          and p.status in ('RUNNING', 'ENDED', 'EVALUATED')
                          and s.store_id = any(cast(:stores as uuid[])) and s.gtin = any(cast(:gtins as text[]))
                          and s.in_store_to >= :from and s.in_store_from <= :to""")
                .param("account", account).param("self", self).param("stores", stores)
                .param("gtins", gtins.toArray(String[]::new)).param("from", window.from()).param("to", window.to())
                .query(rs -> {
                    Set<LocalDate> days = excluded.computeIfAbsent(rs.getObject("store_id", UUID.class),
                            s -> new HashMap<>()).computeIfAbsent(rs.getString("gtin"), g -> new HashSet<>());
                    LocalDate last = rs.getObject("last_day", LocalDate.class);
                    for (LocalDate d = rs.getObject("first_day", LocalDate.class); !d.isAfter(last); d = d.plusDays(1)) {
                        days.add(d);
                    }
                });

        Map<String, List<Series>> promoted = new LinkedHashMap<>();
        for (String gtin : promotedGtins) {
            promoted.put(gtin, series(storeIds, gtin, units, sales, excluded));
        }
        Map<String, List<Series>> others = new LinkedHashMap<>();
        for (String gtin : otherGtins) {
            boolean sold = storeIds.stream().anyMatch(s -> units.getOrDefault(s, Map.of()).containsKey(gtin));
            if (sold) {
                others.put(gtin, series(storeIds, gtin, units, sales, excluded));
            }
        }
        return new Inputs(promoted, others, costs);
    }

    private static List<Series> series(List<UUID> stores, String gtin, Map<UUID, Map<String, Map<LocalDate, Long>>> units,
                                       Map<UUID, Map<String, BigDecimal>> sales,
                                       Map<UUID, Map<String, Set<LocalDate>>> excluded) {
        List<Series> all = new ArrayList<>(stores.size());
        for (UUID store : stores) {
            all.add(new Series(store, units.getOrDefault(store, Map.of()).getOrDefault(gtin, Map.of()),
                    sales.getOrDefault(store, Map.of()).getOrDefault(gtin, BigDecimal.ZERO),
                    excluded.getOrDefault(store, Map.of()).getOrDefault(gtin, Set.of())));
        }
        return all;
    }
}
