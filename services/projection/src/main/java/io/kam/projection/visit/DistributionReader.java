package io.kam.projection.visit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.Region;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.projection.visit.Distribution.Figures;
import io.kam.projection.visit.Distribution.Period;
import io.kam.projection.visit.Distribution.Sku;

/**
 * Reads an account's distribution section in the caller's transaction (the review's snapshot), by the rules of
 * {@link Distribution}: listings from their history, stores from the review's stores, carrying from the sell-through
 * figures and the store checks' SKU lines, grouped by the store's region in SQL; the account's figures are the
 * regions' sums (a store is in one region).
 */
@Component
public class DistributionReader {

    /** The SKUs listed at some moment of the period: listed during it, or left listed by the last change before it. */
    private static final String LISTED_IN = """
            with history as (
                select gtin, changed_at, listed from listed_sku_change
                where account_id = :account and changed_at < :endAt
            ), listed_in as (
                select distinct h.gtin from history h
                where h.listed and (h.changed_at >= :fromAt or not exists (
                    select 1 from history later
                    where later.gtin = h.gtin and later.changed_at > h.changed_at and later.changed_at < :fromAt))
            ), open_store as (
                select store_id, code, region from review_store
                where account_id = :account and (open or closed_on > :to)
            )
            """;

    private final JdbcClient jdbc;

    DistributionReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The year's distribution up to today (the whole year once over), against the same span a year earlier. */
    public Distribution of(UUID accountId, int year, LocalDate today) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate end = LocalDate.of(year, 12, 31);
        LocalDate to = today.isBefore(end) ? today : end;
        Map<String, String> names = new HashMap<>();
        jdbc.sql("select gtin, name from listed_sku where account_id = ? and name is not null").param(accountId)
                .query((ResultSet rs) -> {
                    names.put(rs.getString("gtin"), rs.getString("name"));
                });
        return Distribution.of(year, period(accountId, from, to, names),
                period(accountId, from.minusYears(1), to.minusYears(1), names));
    }

    private Period period(UUID accountId, LocalDate from, LocalDate to, Map<String, String> names) {
        Map<String, Object> params = new HashMap<>();
        params.put("account", accountId);
        params.put("from", from);
        params.put("to", to);
        params.put("fromAt", startOf(from));
        params.put("endAt", startOf(to.plusDays(1)));

        Map<Region, Tally> tallies = new EnumMap<>(Region.class);
        for (Region region : Region.values()) {
            tallies.put(region, new Tally());
        }
        List<String> listed = jdbc.sql(LISTED_IN + "select gtin from listed_in order by gtin").params(params)
                .query(String.class).list();
        jdbc.sql(LISTED_IN + "select region, count(*) as stores from open_store group by region").params(params)
                .query((ResultSet rs) -> {
                    tally(tallies, rs).open = rs.getLong("stores");
                });
        jdbc.sql(LISTED_IN + """
                        , carried as (
                            select s.store_id, s.region, f.gtin
                            from sell_through_fact f join open_store s on s.code = f.store_code
                            where f.account_id = :account and f.day between :from and :to and f.units > 0
                            union
                            select s.store_id, s.region, l.gtin
                            from store_check c join store_check_sku l on l.check_id = c.check_id
                                 join open_store s on s.store_id = c.store_id
                            where c.account_id = :account and c.checked_at >= :fromAt and c.checked_at < :endAt
                              and l.on_shelf
                        )
                        select region, gtin, count(distinct store_id) as stores
                        from carried where gtin in (select gtin from listed_in)
                        group by grouping sets ((region, gtin), (region))""")
                .params(params).query((ResultSet rs) -> {
                    Tally tally = tally(tallies, rs);
                    String gtin = rs.getString("gtin");
                    if (gtin == null) {
                        tally.carrying = rs.getLong("stores");
                    } else {
                        tally.bySku.put(gtin, rs.getLong("stores"));
                    }
                });
        jdbc.sql("""
                        select c.region, count(*) as lines,
                               sum(l.shelf_price / l.agreed_retail_price) as ratio_sum
                        from store_check c join store_check_sku l on l.check_id = c.check_id
                        where c.account_id = :account and c.checked_at >= :fromAt and c.checked_at < :endAt
                          and l.on_shelf and l.shelf_price is not null and l.agreed_retail_price > 0
                        group by c.region""")
                .params(params).query((ResultSet rs) -> {
                    Tally tally = tally(tallies, rs);
                    tally.pricedLines = rs.getLong("lines");
                    tally.ratioSum = rs.getBigDecimal("ratio_sum");
                });
        jdbc.sql("""
                        select region, count(*) as stores, sum(secondary_displays) as displays
                        from (select distinct on (coalesce(store_id, check_id)) region, secondary_displays
                              from store_check
                              where account_id = :account and checked_at >= :fromAt and checked_at < :endAt
                                and secondary_displays is not null
                              order by coalesce(store_id, check_id), checked_at desc) latest
                        group by region""")
                .params(params).query((ResultSet rs) -> {
                    Tally tally = tally(tallies, rs);
                    tally.storesChecked = rs.getLong("stores");
                    tally.displays = rs.getLong("displays");
                });

        Map<Region, Figures> byRegion = new EnumMap<>(Region.class);
        tallies.forEach((region, tally) -> byRegion.put(region, tally.figures(listed, names)));
        Figures overall = tallies.values().stream().reduce(new Tally(), Tally::plus).figures(listed, names);
        boolean listingsKnown = jdbc.sql("select count(*) from listed_sku_change where account_id = :account "
                + "and changed_at < :endAt").params(params).query(Long.class).single() > 0;
        Long listedSkus = null;
        Long newListings = null;
        if (listingsKnown) {
            listedSkus = jdbc.sql("""
                            select count(*) from (
                                select distinct on (gtin) listed from listed_sku_change
                                where account_id = :account and changed_at < :endAt
                                order by gtin, changed_at desc) latest
                            where listed""")
                    .params(params).query(Long.class).single();
            newListings = jdbc.sql("""
                            select count(*) from (
                                select min(changed_at) as first_listed from listed_sku_change
                                where account_id = :account and listed group by gtin) firsts
                            where first_listed >= :fromAt and first_listed < :endAt""")
                    .params(params).query(Long.class).single();
        }
        return new Period(from, to, listedSkus, newListings, overall, byRegion);
    }

    /** The first instant of the day in the market, as the timestamps are bound. */
    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(MarketCalendar.ZONE).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static Tally tally(Map<Region, Tally> tallies, ResultSet rs) throws SQLException {
        return tallies.get(Region.valueOf(rs.getString("region")));
    }

    /** One region's counts, or the account's when the regions' are put together. */
    private static final class Tally {
        long open;
        long carrying;
        final Map<String, Long> bySku = new HashMap<>();
        long pricedLines;
        BigDecimal ratioSum = BigDecimal.ZERO;
        long storesChecked;
        long displays;

        Tally plus(Tally other) {
            Tally sum = new Tally();
            sum.open = open + other.open;
            sum.carrying = carrying + other.carrying;
            sum.bySku.putAll(bySku);
            other.bySku.forEach((gtin, stores) -> sum.bySku.merge(gtin, stores, Long::sum));
            sum.pricedLines = pricedLines + other.pricedLines;
            sum.ratioSum = ratioSum.add(other.ratioSum);
            sum.storesChecked = storesChecked + other.storesChecked;
            sum.displays = displays + other.displays;
            return sum;
        }

        Figures figures(List<String> listed, Map<String, String> names) {
            List<Sku> skus = new ArrayList<>();
            for (String gtin : listed) {
                long stores = bySku.getOrDefault(gtin, 0L);
                skus.add(new Sku(gtin, names.get(gtin), stores, Distribution.percent(stores, open)));
            }
            skus.sort(Comparator.comparingLong(Sku::storesCarrying).reversed().thenComparing(Sku::gtin));
            @Nullable BigDecimal index = pricedLines == 0 ? null
                    : ratioSum.multiply(BigDecimal.valueOf(100))
                            .divide(BigDecimal.valueOf(pricedLines), 1, RoundingMode.HALF_UP);
            return new Figures(open, carrying, Distribution.percent(carrying, open), pricedLines, index, storesChecked,
                    displays, List.copyOf(skus));
        }
    }
}
