package io.kam.projection.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import io.kam.accounts.api.DevelopmentStage;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.ValueTier;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.projection.sellthrough.SellThroughTotals;
import io.kam.projection.tradespend.TradeSpendReader;
import io.kam.projection.visit.ExecutionReader;

/**
 * Ranks the accounts by one of their review figures. Every figure is read by one query over all accounts (never a
 * review per account), in one snapshot, and the accounts are put in order here.
 */
@Component
class ReviewRanking {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** What the accounts are ranked by, highest first. */
    enum RankBy {
        SELL_THROUGH(Entry::sellThrough), GROWTH(Entry::growthPercent), PLAN_ATTAINMENT(Entry::planAttainmentPercent),
        EXECUTION(Entry::executionCompliance), HEAT(e -> e.heat() == null ? null : BigDecimal.valueOf(e.heat())),
        TRADE_SPEND(Entry::tradeSpendPercent);

        private final Function<Entry, @Nullable BigDecimal> figure;

        RankBy(Function<Entry, @Nullable BigDecimal> figure) {
            this.figure = figure;
        }
    }

    /**
     * @param from         the first day of the sell-through span, 1 January of the year
     * @param to           its last day: today in the current year, 31 December of a past one
     * @param accounts     in rank order
     */
    record Ranking(int year, RankBy by, @Nullable Region region, @Nullable ValueTier tier, LocalDate from, LocalDate to,
                   List<Entry> accounts) {
    }

    /** The region's view: its accounts, ranked, with the region's figures, and its open stores. */
    record RegionalView(int year, RankBy by, Region region, @Nullable ValueTier tier, LocalDate from, LocalDate to,
                        List<Entry> accounts, List<Store> stores) {
    }

    /**
     * @param sellThrough         the store's sales over the span (by its code); null without figures
     * @param executionCompliance the average score of the store's checks in the execution window; null without
     */
    record Store(UUID storeId, UUID accountId, @Nullable String code, @Nullable BigDecimal sellThrough,
                 @Nullable BigDecimal executionCompliance) {
    }

    record Entry(int rank, UUID accountId, @Nullable String name, @Nullable ValueTier tier,
                 @Nullable DevelopmentStage stage, @Nullable BigDecimal sellThrough,
                 @Nullable BigDecimal lastYearSameSpan, @Nullable BigDecimal growthPercent,
                 @Nullable BigDecimal planTarget, @Nullable BigDecimal planAttainmentPercent,
                 @Nullable BigDecimal executionCompliance, @Nullable Integer heat,
                 @Nullable BigDecimal tradeSpendPercent) {

        Entry ranked(int rank) {
            return new Entry(rank, accountId, name, tier, stage, sellThrough, lastYearSameSpan, growthPercent,
                    planTarget, planAttainmentPercent, executionCompliance, heat, tradeSpendPercent);
        }
    }

    private final JdbcClient jdbc;
    private final MarketCalendar market;
    private final ExecutionReader execution;
    private final TradeSpendReader tradeSpends;

    ReviewRanking(JdbcClient jdbc, MarketCalendar market, ExecutionReader execution, TradeSpendReader tradeSpends) {
        this.tradeSpends = tradeSpends;
        this.jdbc = jdbc;
        this.market = market;
        this.execution = execution;
    }

    /**
     * @param region accounts with an open store in the region, or regional accounts at home there (as the list)
     * @param terms  whether the caller may see trade spend (a national KA manager); without, it is null
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Ranking rank(@Nullable Integer asked, @Nullable Region region, @Nullable ValueTier tier, RankBy by, boolean terms) {
        Span span = span(asked);
        return new Ranking(span.year(), by, region, tier, span.from(), span.to(),
                entries(span, region, tier, by, terms, false));
    }

    /**
     * The region's view: the accounts present there ranked with their figures restricted to the region's stores
     * (sell-through by the stores' codes, execution by the checks naming the region; the plan, its attainment, heat
     * and trade spend stay the account's), and the region's open stores with their own sell-through and compliance.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    RegionalView region(@Nullable Integer asked, Region region, @Nullable ValueTier tier, RankBy by, boolean terms) {
        Span span = span(asked);
        List<Entry> accounts = entries(span, region, tier, by, terms, true);
        Map<String, BigDecimal> storeSales = new HashMap<>();
        jdbc.sql("""
                        select account_id, store_code, sum(sales) as sales from sell_through_store_day
                        where day between :from and :to group by 1, 2""")
                .param("from", span.from()).param("to", span.to()).query((ResultSet rs) -> {
                    storeSales.put(rs.getString("account_id") + "/" + rs.getString("store_code"),
                            rs.getBigDecimal("sales"));
                });
        Map<UUID, BigDecimal> storeCompliance = new HashMap<>();
        execution.complianceByStore(region).forEach(storeCompliance::put);
        Map<UUID, Entry> byId = new HashMap<>();
        accounts.forEach(a -> byId.put(a.accountId(), a));
        List<Store> stores = jdbc.sql("""
                        select store_id, account_id, code from review_store where open and region = :region
                        order by code, store_id""")
                .param("region", region.name())
                .query((rs, row) -> new Store(rs.getObject("store_id", UUID.class),
                        rs.getObject("account_id", UUID.class), rs.getString("code"),
                        storeSales.get(rs.getString("account_id") + "/" + rs.getString("code")),
                        storeCompliance.get(rs.getObject("store_id", UUID.class))))
                .list().stream().filter(store -> byId.containsKey(store.accountId())).toList();
        return new RegionalView(span.year(), by, region, tier, span.from(), span.to(), accounts, stores);
    }

    private Span span(@Nullable Integer asked) {
        LocalDate today = market.today();
        int year = asked == null ? today.getYear() : asked;
        LocalDate end = LocalDate.of(year, 12, 31);
        return new Span(year, LocalDate.of(year, 1, 1), end.isBefore(today) ? end : today, today);
    }

    private record Span(int year, LocalDate from, LocalDate to, LocalDate today) {
    }

    /** Sales this span and last year's same span, by account; of the region's stores only when a region is given. */
    private Map<UUID, BigDecimal[]> sales(Span span, @Nullable Region storesOf) {
        LocalDate from = span.from();
        LocalDate to = span.to();
        String days = storesOf == null ? "sell_through_day" : """
                (select d.account_id, d.day, d.sales from sell_through_store_day d
                 join (select distinct on (account_id, code) account_id, code, region from review_store
                       where code is not null order by account_id, code, open desc) r
                   on r.account_id = d.account_id and r.code = d.store_code
                 where r.region = :region)""";
        Map<String, Object> params = new HashMap<>();
        params.put("from", from);
        params.put("to", to);
        params.put("lastFrom", from.minusYears(1));
        params.put("lastTo", to.minusYears(1));
        if (storesOf != null) {
            params.put("region", storesOf.name());
        }
        Map<UUID, BigDecimal[]> sales = new HashMap<>();
        // This year's span and last year's: the latter ends on the latest day of the span with figures, a year earlier.
        jdbc.sql("""
                        with days as (select * from %1$s x),
                             span as (select account_id, sum(sales) as sales, max(day) as last_day from days
                                      where day between :from and :to group by account_id)
                        select s.account_id, s.sales,
                               (select sum(d.sales) from days d where d.account_id = s.account_id
                                  and d.day between :lastFrom and (s.last_day - interval '1 year')::date) as last_sales
                        from span s""".formatted(days))
                .params(params).query((ResultSet rs) -> {
                    sales.put(rs.getObject("account_id", UUID.class),
                            new BigDecimal[] {rs.getBigDecimal("sales"), rs.getBigDecimal("last_sales")});
                });
        // An account without figures this year is compared with last year up to the span's end.
        jdbc.sql("""
                        select account_id, sum(sales) as last_sales from %s x
                        where day between :lastFrom and :lastTo group by account_id""".formatted(days))
                .params(params).query((ResultSet rs) -> {
                    sales.putIfAbsent(rs.getObject("account_id", UUID.class),
                            new BigDecimal[] {null, rs.getBigDecimal("last_sales")});
                });
        return sales;
    }

    private List<Entry> entries(Span span, @Nullable Region region, @Nullable ValueTier tier, RankBy by,
                                boolean terms, boolean regional) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (region != null) {
            conditions.add("""
                    (exists (select 1 from review_store s where s.account_id = a.account_id and s.open and s.region = :region)
                     or (a.scope = 'REGIONAL' and a.home_region = :region))""");
            params.put("region", region.name());
        }
        if (tier != null) {
            conditions.add("a.tier = :tier");
            params.put("tier", tier.name());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        record Account(UUID id, @Nullable String name, @Nullable ValueTier tier, @Nullable DevelopmentStage stage) {
        }
        List<Account> accounts = jdbc.sql("select a.account_id, a.name, a.tier, a.stage from review_account a" + where)
                .params(params).query((rs, row) -> new Account(rs.getObject("account_id", UUID.class),
                        rs.getString("name"), rs.getString("tier") == null ? null : ValueTier.valueOf(rs.getString("tier")),
                        rs.getString("stage") == null ? null : DevelopmentStage.valueOf(rs.getString("stage"))))
                .list();

        Map<UUID, BigDecimal[]> sales = sales(span, regional ? region : null);
        Map<UUID, BigDecimal[]> accountSales = regional ? sales(span, null) : sales;
        Map<UUID, BigDecimal> targets = new HashMap<>();
        jdbc.sql("""
                        select distinct on (v.account_id) v.account_id, t.target
                        from review_plan_version v
                        left join review_plan_target t on t.account_id = v.account_id and t.year = v.year
                             and t.version = v.version and t.kpi = 'SELL_THROUGH_VALUE'
                        where v.year = :year and v.status = 'APPROVED'
                        order by v.account_id, v.version desc""")
                .param("year", span.year()).query((ResultSet rs) -> {
                    BigDecimal target = rs.getBigDecimal("target");
                    if (target != null) {
                        targets.put(rs.getObject("account_id", UUID.class), target);
                    }
                });
        Map<UUID, BigDecimal> compliance = regional ? execution.complianceByAccount(region) : execution.complianceByAccount(null);
        Map<UUID, Integer> heat = new HashMap<>();
        jdbc.sql("""
                        select distinct on (account_id) account_id, score from review_heat_assessment
                        order by account_id, assessed_at desc, assessment_id desc""")
                .query((ResultSet rs) -> {
                    heat.put(rs.getObject("account_id", UUID.class), rs.getInt("score"));
                });
        // the agreement in force on the trade-spend section's day, as that section shows it
        Map<UUID, TradeSpendReader.InForce> tradeSpend = terms
                ? tradeSpends.inForce(TradeSpendReader.day(span.year(), span.today())) : Map.of();

        List<Entry> entries = accounts.stream().map(a -> {
            BigDecimal[] figures = sales.getOrDefault(a.id(), new BigDecimal[2]);
            BigDecimal thisYear = figures[0];
            BigDecimal lastYear = figures[1];
            BigDecimal target = targets.get(a.id());
            BigDecimal accountYear = accountSales.getOrDefault(a.id(), new BigDecimal[2])[0];
            return new Entry(0, a.id(), a.name(), a.tier(), a.stage(), thisYear, lastYear,
                    lastYear == null ? null
                            : SellThroughTotals.growthPercent(thisYear == null ? BigDecimal.ZERO : thisYear, lastYear),
                    target, accountYear == null ? null : attainment(accountYear, target),
                    compliance.get(a.id()), heat.get(a.id()),
                    tradeSpend.containsKey(a.id()) ? tradeSpend.get(a.id()).tradeSpendPercent() : null);
        }).sorted(Comparator.comparing(by.figure, Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()))
                .thenComparing(Entry::name, Comparator.nullsLast(Comparator.<String>naturalOrder()))
                .thenComparing(Entry::accountId)).toList();
        List<Entry> ranked = new ArrayList<>();
        for (Entry entry : entries) {
            ranked.add(entry.ranked(ranked.size() + 1));
        }
        return ranked;
    }


    /** sales ÷ target × 100, one decimal, half up; null without a non-zero target. */
    private static @Nullable BigDecimal attainment(BigDecimal sales, @Nullable BigDecimal target) {
        if (target == null || target.signum() == 0) {
            return null;
        }
        return sales.multiply(HUNDRED).divide(target.abs(), 1, RoundingMode.HALF_UP);
    }
}
