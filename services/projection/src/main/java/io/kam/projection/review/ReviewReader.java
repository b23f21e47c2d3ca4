package io.kam.projection.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import io.kam.accounts.api.ContactLevel;
import io.kam.accounts.api.Department;
import io.kam.accounts.api.PlanKpi;
import io.kam.accounts.api.Region;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.projection.promotion.PromotionSection;
import io.kam.projection.promotion.PromotionSectionReader;
import io.kam.projection.prospect.OriginReader;
import io.kam.projection.review.PlanViews.Plan;
import io.kam.projection.review.ReviewViews.Classification;
import io.kam.projection.review.ReviewViews.Contacts;
import io.kam.projection.review.ReviewViews.Header;
import io.kam.projection.review.ReviewViews.Review;
import io.kam.projection.review.ReviewViews.Stores;
import io.kam.projection.review.ReviewViews.TimelineEntry;
import io.kam.projection.sellthrough.SellThroughTotals;
import io.kam.projection.tradespend.TradeSpendReader;
import io.kam.projection.tradespend.TradeSpendSection;
import io.kam.projection.visit.Distribution;
import io.kam.projection.visit.DistributionReader;
import io.kam.projection.visit.ExecutionReader;

/**
 * Reads one account's review from one snapshot of the tables; counts are derived from the rows with GROUP BY. The
 * plan (with its sell-through, distribution, promotion and trade-spend actuals), action, heat, wall, SWOT, origin,
 * execution, promotions, trade-spend, sell-through and distribution sections have readers of their own, which run inside the same snapshot.
 * The review's year is the shown plan's, else the year asked (by default the current one): the promotions,
 * trade-spend and distribution sections' figures are that year's. The trade-spend section is read only for a caller who may see
 * negotiations and terms (national KA managers): for anyone else nothing of it is even read.
 */
@Component
class ReviewReader {

    private final AccountRows accounts;
    private final TimelineRows timeline;
    private final JdbcClient jdbc;
    private final PlanReader plans;
    private final ActionsReader actions;
    private final HeatReader heat;
    private final WallReader wall;
    private final SwotReader swot;
    private final OriginReader origin;
    private final ExecutionReader execution;
    private final MarketCalendar market;
    private final SellThroughTotals sellThrough;
    private final PromotionSectionReader promotions;
    private final TradeSpendReader tradeSpend;
    private final DistributionReader distribution;

    ReviewReader(AccountRows accounts, TimelineRows timeline, JdbcClient jdbc, PlanReader plans, ActionsReader actions,
                 HeatReader heat, WallReader wall, SwotReader swot, OriginReader origin, ExecutionReader execution,
                 MarketCalendar market, SellThroughTotals sellThrough, PromotionSectionReader promotions,
                 TradeSpendReader tradeSpend, DistributionReader distribution) {
        this.accounts = accounts;
        this.timeline = timeline;
        this.jdbc = jdbc;
        this.plans = plans;
        this.actions = actions;
        this.heat = heat;
        this.wall = wall;
        this.swot = swot;
        this.origin = origin;
        this.execution = execution;
        this.market = market;
        this.sellThrough = sellThrough;
        this.promotions = promotions;
        this.tradeSpend = tradeSpend;
        this.distribution = distribution;
    }

    /**
     * @param year the plan year asked; null for the current year in the market's time zone. When that year has no
     *             approved plan, the latest year that has one is shown.
     * @param terms whether the caller may see negotiations and terms (a national KA manager): without, the review has
     *             no trade-spend section and no TRADE_SPEND_RATE actual
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Optional<Review> review(UUID accountId, @Nullable Integer year, boolean terms) {
        return review(accountId, year, terms, market.now());
    }

    /**
     * The review as the tables describe it, read as on {@code now}: its today and current year are that instant's
     * in the market's time zone. An as-of read calls it with the tables shadowed by the account's history up to then.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Optional<Review> review(UUID accountId, @Nullable Integer year, boolean terms, Instant now) {
        LocalDate today = MarketCalendar.dayOf(now);
        return accounts.findById(accountId).map(account -> {
            Map<Region, Long> byRegion = counts(Region.class,
                    "select region, count(*) from review_store where account_id = ? and open group by region", accountId);
            Map<Department, Long> byDepartment = counts(Department.class,
                    "select department, count(*) from review_contact where account_id = ? group by department", accountId);
            Map<ContactLevel, Long> byLevel = counts(ContactLevel.class,
                    "select level, count(*) from review_contact where account_id = ? and level is not null group by level",
                    accountId);
            Applied applied = jdbc.sql("select count(*), max(occurred_at) from review_event where account_id = ?")
                    .param(accountId).query(ReviewReader::applied).single();
            List<Integer> planYears = plans.approvedYears(accountId);
            Integer shownYear = PlanReader.shownYear(year == null ? today.getYear() : year, planYears);
            Plan plan = shownYear == null ? null : plans.inForce(accountId, shownYear);
            int reviewYear = plan != null ? plan.year() : year == null ? today.getYear() : year;
            PromotionSection promotionSection = promotions.of(accountId, reviewYear,
                    plan == null ? null : plan.target(PlanKpi.PROMOTION_SPEND));
            TradeSpendSection tradeSpendSection = !terms ? null : tradeSpend.of(accountId, reviewYear, today,
                    plan == null ? null : plan.target(PlanKpi.TRADE_SPEND_RATE), promotionSection);
            Distribution distributionSection = distribution.of(accountId, reviewYear, today);
            if (plan != null) {
                plan = plan.withDistributionActuals(distributionSection.thisYear())
                        .withActuals(sellThrough.planActuals(accountId, plan.year(), today).orElse(null))
                        .withPromotionActuals(promotionSection)
                        .withTradeSpendActual(tradeSpendSection == null || tradeSpendSection.tradeSpend() == null ? null
                                : tradeSpendSection.tradeSpend().percent());
            }
            return new Review(accountId,
                    new Header(account.name(), account.banner(), account.format(), account.scope(),
                            account.homeRegion(), account.owner(), account.status()),
                    new Classification(account.tier(), account.role()),
                    account.stage(),
                    new Stores(sum(byRegion), byRegion),
                    new Contacts(sum(byDepartment), byDepartment, byLevel),
                    timeline.findTimeline(accountId).stream().map(TimelineEntry::of).toList(),
                    plan, planYears,
                    plan == null ? null : actions.of(accountId, plan.year(), plan.version(), today),
                    heat.of(accountId),
                    wall.of(accountId, plan == null ? List.of() : plan.dependsOn(), today),
                    swot.of(accountId),
                    origin.of(accountId),
                    execution.of(accountId, now),
                    promotionSection,
                    tradeSpendSection,
                    sellThrough.summary(accountId, today).orElse(null),
                    distributionSection,
                    applied.asOf(), applied.count());
        });
    }

    /** Every constant of the enum with its count, zeros included, in the enum's order. */
    private <E extends Enum<E>> Map<E, Long> counts(Class<E> type, String sql, UUID accountId) {
        Map<E, Long> counts = new EnumMap<>(type);
        for (E constant : type.getEnumConstants()) {
            counts.put(constant, 0L);
        }
        jdbc.sql(sql).param(accountId).query((ResultSet rs) -> {
            counts.put(Enum.valueOf(type, rs.getString(1)), rs.getLong(2));
        });
        return counts;
    }

    private static long sum(Map<?, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Applied applied(ResultSet rs, int row) throws SQLException {
        // an account row is only ever written together with the event that made it known
        return new Applied(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant());
    }

    private record Applied(long count, Instant asOf) {
    }
}
