package io.kam.projection.visit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.Region;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.projection.visit.Execution.Figures;
import io.kam.visits.api.ComplaintStatus;
import io.kam.visits.api.ComplaintType;

/**
 * Reads an account's execution section in the caller's transaction (the review's snapshot): the rows are grouped by
 * region in SQL, and the account's figures are the regions' sums put together.
 */
@Component
public class ExecutionReader {

    /** The window of visits and checks: this many weeks up to today, today included. */
    static final int WINDOW_WEEKS = 13;
    /** The day of a check: days of visits, checks and complaints are days in the market. */
    private static final String CHECK_DAY = "(c.checked_at at time zone '" + MarketCalendar.ZONE_NAME + "')::date";

    private final JdbcClient jdbc;
    private final MarketCalendar calendar;

    ExecutionReader(JdbcClient jdbc, MarketCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    /** The account's execution over the last {@value #WINDOW_WEEKS} weeks up to today, by region. */
    public Execution of(UUID accountId) {
        return of(accountId, calendar.now());
    }

    /**
     * The account's execution as it stood at {@code now}: over the {@value #WINDOW_WEEKS} weeks up to that day, the
     * complaints' promises judged against it (an as-of review).
     */
    public Execution of(UUID accountId, Instant now) {
        LocalDate today = MarketCalendar.dayOf(now);
        LocalDate from = today.minusWeeks(WINDOW_WEEKS).plusDays(1);
        Map<String, Object> params = new HashMap<>();
        params.put("account", accountId);
        params.put("from", from);
        params.put("to", today);
        params.put("today", today);
        params.put("now", now.atOffset(ZoneOffset.UTC));

        Map<Region, Tally> tallies = new EnumMap<>(Region.class);
        for (Region region : Region.values()) {
            tallies.put(region, Tally.empty());
        }
        visits(params, tallies);
        checks(params, tallies);
        skuLines(params, tallies);
        complaints(params, tallies);

        Map<String, String> names = new HashMap<>();
        jdbc.sql("select gtin, name from listed_sku where account_id = ? and name is not null").param(accountId)
                .query((ResultSet rs) -> {
                    names.put(rs.getString("gtin"), rs.getString("name"));
                });
        Map<Region, Figures> byRegion = new EnumMap<>(Region.class);
        tallies.forEach((region, tally) -> byRegion.put(region, tally.figures(names, today)));
        Figures overall = tallies.values().stream().reduce(Tally.empty(), Tally::plus).figures(names, today);
        Applied applied = jdbc.sql("select count(*), max(occurred_at) from visit_event where account_id = ?")
                .param(accountId).query(ExecutionReader::applied).single();
        return new Execution(from, today, overall, byRegion, applied.asOf(), applied.count());
    }

    /**
     * Every account's store-check compliance over the same window as {@link #of}: the average score of the window's
     * checks, one decimal, half up, exactly as the section's {@code compliance.averageScore}. Accounts without a check
     * in the window are absent. One query over all accounts.
     *
     * @param region only the checks naming this region (the section's {@code byRegion} figure); null for all
     */
    public Map<UUID, BigDecimal> complianceByAccount(@Nullable Region region) {
        return compliance("account_id", region);
    }

    /** {@link #complianceByAccount} by store, of the region's checks. */
    public Map<UUID, BigDecimal> complianceByStore(Region region) {
        return compliance("store_id", region);
    }

    private Map<UUID, BigDecimal> compliance(String key, @Nullable Region region) {
        LocalDate today = MarketCalendar.dayOf(calendar.now());
        Map<String, Object> params = new HashMap<>();
        params.put("from", today.minusWeeks(WINDOW_WEEKS).plusDays(1));
        params.put("to", today);
        if (region != null) {
            params.put("region", region.name());
        }
        Map<UUID, BigDecimal> scores = new HashMap<>();
        jdbc.sql("""
                        select c.%1$s as id, count(*) as checks, sum(c.score) as score_sum from store_check c
                        where %2$s between :from and :to and c.%1$s is not null %3$s group by c.%1$s"""
                        .formatted(key, CHECK_DAY, region == null ? "" : "and c.region = :region"))
                .params(params).query((ResultSet rs) -> {
                    scores.put(rs.getObject("id", UUID.class), rs.getBigDecimal("score_sum")
                            .divide(BigDecimal.valueOf(rs.getLong("checks")), 1, RoundingMode.HALF_UP));
                });
        return scores;
    }

    /** Scheduled visits planned for a day of the window, cancelled ones excluded. */
    private void visits(Map<String, Object> params, Map<Region, Tally> tallies) {
        jdbc.sql("""
                        select region, count(*) as due,
                               count(*) filter (where status = 'COMPLETED') as done,
                               count(*) filter (where status = 'COMPLETED' and late) as late,
                               count(*) filter (where status = 'MISSED'
                                                   or (status = 'PLANNED' and log_deadline < :now)) as missed
                        from visit
                        where account_id = :account and origin = 'SCHEDULE' and status <> 'CANCELLED'
                          and planned_date between :from and :to
                        group by region""")
                .params(params).query((ResultSet rs) -> {
                    Tally.Visits visits = new Tally.Visits(rs.getLong("due"), rs.getLong("done"), rs.getLong("late"),
                            rs.getLong("missed"));
                    add(tallies, rs, t -> t.plusVisits(visits));
                });
    }

    /** Checks of the window with their scores; the last day checked whenever it was. */
    private void checks(Map<String, Object> params, Map<Region, Tally> tallies) {
        jdbc.sql("""
                        select c.region,
                               count(*) filter (where %1$s between :from and :to) as checks,
                               coalesce(sum(c.score) filter (where %1$s between :from and :to), 0) as score_sum,
                               max(%1$s) as last_checked_on
                        from store_check c where c.account_id = :account
                        group by c.region""".formatted(CHECK_DAY))
                .params(params).query((ResultSet rs) -> {
                    Tally.Checks checks = new Tally.Checks(rs.getLong("checks"), rs.getBigDecimal("score_sum"),
                            rs.getObject("last_checked_on", LocalDate.class));
                    add(tallies, rs, t -> t.plusChecks(checks));
                });
    }

    /**
     * The SKU lines of the window's checks, per region and SKU. A line is priced when the SKU was on shelf with a
     * price; it is outside the tolerance when |shelf − agreed| × 100 > 5 × agreed, exactly as the compliance score
     * decides (the reported deviation is rounded).
     */
    private void skuLines(Map<String, Object> params, Map<Region, Tally> tallies) {
        jdbc.sql("""
                        select c.region, l.gtin, count(*) as lines,
                               count(*) filter (where l.out_of_stock) as out_of_stock,
                               count(*) filter (where not l.on_shelf) as off_shelf,
                               count(l.deviation_percent) filter (where l.on_shelf) as priced,
                               coalesce(sum(l.deviation_percent) filter (where l.on_shelf), 0) as deviation_sum,
                               coalesce(sum(abs(l.deviation_percent)) filter (where l.on_shelf), 0) as absolute_sum,
                               max(l.deviation_percent) filter (where l.on_shelf) as max_deviation,
                               min(l.deviation_percent) filter (where l.on_shelf) as min_deviation,
                               count(*) filter (where l.on_shelf and l.deviation_percent is not null
                                   and abs(l.shelf_price - l.agreed_retail_price) * 100 > 5 * l.agreed_retail_price)
                                   as outside
                        from store_check_sku l join store_check c on c.check_id = l.check_id
                        where c.account_id = :account and %s between :from and :to
                        group by c.region, l.gtin""".formatted(CHECK_DAY))
                .params(params).query((ResultSet rs) -> {
                    String gtin = rs.getString("gtin");
                    Tally.Sku sku = new Tally.Sku(rs.getLong("lines"), rs.getLong("out_of_stock"),
                            rs.getLong("off_shelf"), rs.getLong("priced"), rs.getBigDecimal("deviation_sum"),
                            rs.getBigDecimal("absolute_sum"), rs.getBigDecimal("max_deviation"),
                            rs.getBigDecimal("min_deviation"), rs.getLong("outside"));
                    add(tallies, rs, t -> t.plusSku(gtin, sku));
                });
    }

    /** Every complaint, whenever it was opened. */
    private void complaints(Map<String, Object> params, Map<Region, Tally> tallies) {
        jdbc.sql("""
                        select region, status, type, awaiting, count(*) as complaints,
                               count(*) filter (where awaiting and promised_date < :today) as overdue,
                               min(opened_at) as oldest
                        from (select *, (status = 'RESOLVED' and resolution = 'PROMISED_DATE'
                                         and promise_kept_on is null) as awaiting
                              from complaint where account_id = :account) c
                        group by region, status, type, awaiting""")
                .params(params).query((ResultSet rs) -> {
                    ComplaintStatus status = ComplaintStatus.valueOf(rs.getString("status"));
                    String type = rs.getString("type");
                    long count = rs.getLong("complaints");
                    // A complaint resolved with a promised date is open to the retailer until the promise is kept.
                    boolean awaiting = rs.getBoolean("awaiting");
                    boolean open = status == ComplaintStatus.OPEN || status == ComplaintStatus.INVESTIGATING || awaiting;
                    Map<ComplaintStatus, Long> byStatus = Tally.Complaint.zeros(ComplaintStatus.class);
                    byStatus.put(status, count);
                    Map<ComplaintType, Long> openByType = Tally.Complaint.zeros(ComplaintType.class);
                    if (open && type != null) {
                        openByType.put(ComplaintType.valueOf(type), count);
                    }
                    OffsetDateTime oldest = rs.getObject("oldest", OffsetDateTime.class);
                    Tally.Complaint complaint = new Tally.Complaint(byStatus, awaiting ? count : 0, openByType,
                            rs.getLong("overdue"),
                            open && oldest != null ? oldest.toInstant() : null);
                    add(tallies, rs, t -> t.plusComplaints(complaint));
                });
    }

    private static void add(Map<Region, Tally> tallies, ResultSet rs, UnaryOperator<Tally> change) throws SQLException {
        tallies.computeIfPresent(Region.valueOf(rs.getString("region")), (region, tally) -> change.apply(tally));
    }

    private static Applied applied(ResultSet rs, int row) throws SQLException {
        OffsetDateTime asOf = rs.getObject(2, OffsetDateTime.class);
        return new Applied(rs.getLong(1), asOf == null ? null : asOf.toInstant());
    }

    private record Applied(long count, @Nullable Instant asOf) {
    }
}
