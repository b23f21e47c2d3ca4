package io.kam.projection.review;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.Department;
import io.kam.accounts.api.PlanKpi;
import io.kam.projection.review.PlanProjection.Version;
import io.kam.projection.review.PlanViews.Month;
import io.kam.projection.review.PlanViews.Plan;
import io.kam.projection.review.PlanViews.SellThrough;
import io.kam.projection.review.PlanViews.Target;

/**
 * Reads the approved plan in force: for a year, its highest approved version. Drafts, submissions and returns are
 * never shown as the plan. Runs inside the review's snapshot.
 */
@Component
class PlanReader {

    private final JdbcClient jdbc;

    PlanReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The years with an approved plan, in order. */
    List<Integer> approvedYears(UUID accountId) {
        return jdbc.sql("""
                        select distinct year from review_plan_version where account_id = ? and status = 'APPROVED'
                        order by year""")
                .param(accountId).query(Integer.class).list();
    }

    /**
     * The year whose plan the review shows: the year asked if it has an approved plan, otherwise the latest year
     * that has one; null when no year has.
     */
    static @Nullable Integer shownYear(int asked, List<Integer> approvedYears) {
        if (approvedYears.contains(asked)) {
            return asked;
        }
        return approvedYears.isEmpty() ? null : approvedYears.getLast();
    }

    /** The approved version in force for the year, which has one. */
    Plan inForce(UUID accountId, int year) {
        Version v = jdbc.sql("""
                        select max(version) from review_plan_version
                        where account_id = ? and year = ? and status = 'APPROVED'""")
                .params(accountId, year).query((rs, row) -> new Version(accountId, year, rs.getInt(1))).single();
        Map<String, Object> key = v.params();
        List<Target> targets = jdbc.sql("""
                        select kpi, target, baseline from review_plan_target
                        where account_id = :accountId and year = :year and version = :version""")
                .params(key).query(PlanReader::target).list().stream()
                .sorted(Comparator.comparing(Target::kpi)).toList();
        List<Department> dependsOn = jdbc.sql("""
                        select department from review_plan_dependency
                        where account_id = :accountId and year = :year and version = :version""")
                .params(key).query((rs, row) -> Department.valueOf(rs.getString(1))).list().stream().sorted().toList();
        return jdbc.sql("""
                        select author, approved_by, approved_at from review_plan_version
                        where account_id = :accountId and year = :year and version = :version""")
                .params(key).query((rs, row) -> new Plan(year, v.version(), rs.getString("author"),
                        rs.getString("approved_by"), instant(rs.getObject("approved_at", OffsetDateTime.class)),
                        targets, sellThrough(v, targets), dependsOn))
                .single();
    }

    /** Always the twelve months, so that monthly actuals have a place to go even where the plan is not phased. */
    private SellThrough sellThrough(Version v, List<Target> targets) {
        Map<Integer, BigDecimal> phased = new HashMap<>();
        jdbc.sql("""
                        select month, target from review_plan_month
                        where account_id = :accountId and year = :year and version = :version""")
                .params(v.params()).query((ResultSet rs) -> {
                    phased.put(rs.getInt("month"), rs.getBigDecimal("target"));
                });
        List<Month> months = new ArrayList<>();
        for (int month = 1; month <= PlanProjection.MONTHS; month++) {
            months.add(new Month(month, phased.get(month), null, null));
        }
        BigDecimal annual = targets.stream().filter(t -> t.kpi() == PlanKpi.SELL_THROUGH_VALUE)
                .map(Target::target).findFirst().orElse(null);
        return new SellThrough(annual, months);
    }

    private static Target target(ResultSet rs, int row) throws SQLException {
        PlanKpi kpi = PlanKpi.valueOf(rs.getString("kpi"));
        return new Target(kpi, kpi.unit(), kpi.basis(), rs.getBigDecimal("target"), rs.getBigDecimal("baseline"), null);
    }

    private static java.time.@Nullable Instant instant(@Nullable OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
