package io.kam.promotions.fund;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.AccountEvents.AccountEvent;
import io.kam.accounts.api.PlanEvents.PlanApproved;
import io.kam.accounts.api.PlanKpi;
import io.kam.platform.outbox.Outbox;
import io.kam.promotions.api.FundSource;
import io.kam.promotions.api.PromotionEvents;
import io.kam.promotions.api.PromotionEvents.FundSet;
import io.kam.promotions.api.PromotionViews.FundView;
import io.kam.promotions.api.PromotionViews.FundsView;

/**
 * The funds and what is committed on them. A fund's committed amount is the planned spend that approval committed for
 * each of its promotions that is not cancelled, its actual amount the investment of the latest evaluation of each that
 * is evaluated. What a promotion draws on its fund is its actual spend once evaluated, else its committed spend;
 * every change of a budget is a {@link FundSet} event, appended in the
 * transaction that makes it.
 */
@Component
public class Funds {

    /** The actor of budgets the service seeds from plans. */
    static final String SERVICE = "promotions";
    private static final String COMMITTED = """
            coalesce((select sum(p.committed_spend) from promotion p
                      where p.fund_id = f.id and p.status <> 'CANCELLED'), 0)""";
    private static final String ACTUAL = """
            coalesce((select sum(cast(p.evaluated -> 'investment' ->> 'total' as numeric)) from promotion p
                      where p.fund_id = f.id and p.status = 'EVALUATED'), 0)""";
    /** What the fund's promotions draw on it: the actual spend of an evaluated one, else its committed spend. */
    private static final String DRAWN = """
            coalesce(sum(case when p.status = 'EVALUATED' then cast(p.evaluated -> 'investment' ->> 'total' as numeric)
                              else p.committed_spend end), 0)""";

    /** A fund with what its promotions committed, spent and draw. */
    private static final String SELECT = "select f.*, " + COMMITTED + " as committed, " + ACTUAL + " as actual, "
            + "(select " + DRAWN + " from promotion p where p.fund_id = f.id and p.status <> 'CANCELLED') as drawn "
            + "from fund f ";

    /** A fund as stored, locked for the approval that draws on it. */
    public record Fund(UUID id, UUID accountId, int year, @Nullable String category, BigDecimal budget) {
    }

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Clock clock;

    Funds(JdbcClient jdbc, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Seeds the account's general fund for the plan's year from an approved plan's {@code PROMOTION_SPEND} target,
     * unless a manager has set that fund; a plan without the target changes nothing.
     */
    public void apply(AccountEvent event) {
        if (!(event instanceof PlanApproved plan)) {
            return;
        }
        plan.targets().stream().filter(t -> t.kpi() == PlanKpi.PROMOTION_SPEND).findFirst().ifPresent(target -> {
            Optional<String> source = jdbc.sql("select source from fund where account_id = ? and year = ? and category is null")
                    .params(plan.accountId(), plan.year()).query(String.class).optional();
            if (source.filter(FundSource.MANAGER.name()::equals).isEmpty()) {
                save(plan.accountId(), plan.year(), null, target.value(), FundSource.PLAN, plan.version(), SERVICE);
            }
        });
    }

    /** Sets a fund's budget as a national KA manager; from then on, plans no longer change it. */
    public FundView set(UUID accountId, int year, @Nullable String category, BigDecimal amount, String by) {
        UUID id = save(accountId, year, category == null || category.isBlank() ? null : category.strip(), amount,
                FundSource.MANAGER, null, by);
        return view(id);
    }

    /**
     * The fund a promotion of the account draws on for this year, locked until the transaction ends: the one named,
     * else the fund of its category, else the account's general fund for the year; empty when there is none.
     */
    public Optional<Fund> forPromotion(UUID accountId, int year, @Nullable UUID named, List<String> categories) {
        if (named != null) {
            return jdbc.sql("select * from fund where id = ? and account_id = ? for update").params(named, accountId)
                    .query(Funds::fund).optional();
        }
        return jdbc.sql("""
                        select * from fund where account_id = :account and year = :year
                          and (category is null or category = any(cast(:categories as text[])))
                        order by category nulls last limit 1 for update""")
                .param("account", accountId).param("year", year).param("categories", categories.toArray(String[]::new))
                .query(Funds::fund).optional();
    }

    /** Whether the fund is one of the account's. */
    public boolean isFundOf(UUID accountId, UUID fundId) {
        return jdbc.sql("select exists (select 1 from fund where id = ? and account_id = ?)").params(fundId, accountId)
                .query(Boolean.class).single();
    }

    /**
     * What the fund's promotions other than this one draw on it: the actual spend of those evaluated, the committed
     * spend of the others.
     */
    public BigDecimal committedExcept(UUID fundId, UUID promotionId) {
        return jdbc.sql("select " + DRAWN + """
                         from promotion p
                        where p.fund_id = ? and p.id <> ? and p.status <> 'CANCELLED'""")
                .params(fundId, promotionId).query(BigDecimal.class).single().setScale(2, RoundingMode.HALF_UP);
    }

    /** The funds of an account (or of every account, when null), for a year (or every year), with their totals. */
    public FundsView list(@Nullable UUID accountId, @Nullable Integer year) {
        List<FundView> funds = jdbc.sql(SELECT + "where (cast(:account as uuid) is null or f.account_id = :account) "
                        + "and (cast(:year as int) is null or f.year = :year) order by f.account_id, f.year, f.category nulls first")
                .param("account", accountId).param("year", year).query(Funds::view).list();
        BigDecimal budget = funds.stream().map(FundView::budget).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal committed = funds.stream().map(FundView::committed).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal actual = funds.stream().map(FundView::actual).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal remaining = funds.stream().map(FundView::remaining).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new FundsView(funds, budget.setScale(2, RoundingMode.HALF_UP), committed.setScale(2, RoundingMode.HALF_UP),
                actual.setScale(2, RoundingMode.HALF_UP), remaining.setScale(2, RoundingMode.HALF_UP));
    }

    private UUID save(UUID accountId, int year, @Nullable String category, BigDecimal amount, FundSource source,
                      @Nullable Integer planVersion, String by) {
        BigDecimal budget = amount.setScale(2, RoundingMode.HALF_UP);
        UUID id = jdbc.sql("""
                        insert into fund (id, account_id, year, category, amount, source, plan_version, updated_at, version)
                        values (:id, :account, :year, :category, :amount, :source, :plan, :now, 0)
                        on conflict (account_id, year, coalesce(category, '')) do update set amount = excluded.amount,
                            source = excluded.source, plan_version = excluded.plan_version,
                            updated_at = excluded.updated_at, version = fund.version + 1
                        returning id""")
                .param("id", UUID.randomUUID()).param("account", accountId).param("year", year)
                .param("category", category).param("amount", budget).param("source", source.name())
                .param("plan", planVersion).param("now", Timestamp.from(clock.instant())).query(UUID.class).single();
        outbox.append(PromotionEvents.CATALOG, new FundSet(accountId, id, year, category, budget, source, by), by);
        return id;
    }

    private FundView view(UUID id) {
        return jdbc.sql(SELECT + "where f.id = ?").param(id)
                .query(Funds::view).single();
    }

    private static Fund fund(ResultSet rs, int n) throws SQLException {
        return new Fund(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class), rs.getInt("year"),
                rs.getString("category"), rs.getBigDecimal("amount"));
    }

    private static FundView view(ResultSet rs, int n) throws SQLException {
        BigDecimal budget = rs.getBigDecimal("amount");
        BigDecimal committed = rs.getBigDecimal("committed").setScale(2, RoundingMode.HALF_UP);
        BigDecimal actual = rs.getBigDecimal("actual").setScale(2, RoundingMode.HALF_UP);
        BigDecimal drawn = rs.getBigDecimal("drawn").setScale(2, RoundingMode.HALF_UP);
        return new FundView(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class), rs.getInt("year"),
                rs.getString("category"), budget, FundSource.valueOf(rs.getString("source")), committed, actual,
                budget.subtract(drawn), rs.getLong("version"));
    }
}
