package io.kam.visits.compliance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.Region;
import io.kam.visits.api.ComplianceViews.ComplianceReport;
import io.kam.visits.api.ComplianceViews.ComplianceRow;
import io.kam.visits.api.ComplianceViews.Counts;
import io.kam.visits.api.ComplianceViews.Grouping;

/**
 * Coverage and compliance over the visits planned between two days, by coordinator, store or account. A visit counts
 * as done when logged in time, late when logged after its deadline, missed when its deadline passed without a log
 * (whether or not the sweep has marked it yet), open while its deadline is ahead; cancelled visits count nowhere.
 */
@Component
class ComplianceQueries {

    private static final String COUNTS = """
            count(*) as due,
            count(*) filter (where v.status = 'COMPLETED' and not v.late) as done,
            count(*) filter (where v.status = 'COMPLETED' and v.late) as late,
            count(*) filter (where v.status = 'MISSED' or (v.status = 'PLANNED' and v.log_deadline < :now)) as missed,
            count(*) filter (where v.status = 'PLANNED' and v.log_deadline >= :now) as open,
            count(distinct v.store_id) as stores_due,
            count(distinct v.store_id) filter (where v.status = 'COMPLETED') as stores_visited
            """;
    private static final String WHERE = """
            where v.status <> 'CANCELLED' and v.planned_date between :from and :to
              and (cast(:region as text) is null or v.region = :region)
            """;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final JdbcClient jdbc;

    ComplianceQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ComplianceReport report(Grouping by, LocalDate from, LocalDate to, @Nullable Region region, Instant now) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", from);
        params.put("to", to);
        params.put("region", region == null ? null : region.name());
        params.put("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        String grouped = switch (by) {
            case COORDINATOR -> "select v.coordinator, " + COUNTS + " from visit v " + WHERE
                    + " group by v.coordinator order by v.coordinator nulls first";
            case STORE -> "select v.store_id, s.code, s.name, " + COUNTS
                    + " from visit v join store_replica s on s.store_id = v.store_id " + WHERE
                    + " group by v.store_id, s.code, s.name order by s.code, v.store_id";
            case ACCOUNT -> "select v.account_id, a.name, " + COUNTS
                    + " from visit v left join account_replica a on a.account_id = v.account_id " + WHERE
                    + " group by v.account_id, a.name order by a.name, v.account_id";
        };
        var rows = jdbc.sql(grouped).params(params).query((rs, n) -> switch (by) {
            case COORDINATOR -> new ComplianceRow(rs.getString("coordinator"), null, null, null, null, null, counts(rs));
            case STORE -> new ComplianceRow(null, rs.getObject("store_id", UUID.class), rs.getString("code"),
                    rs.getString("name"), null, null, counts(rs));
            case ACCOUNT -> new ComplianceRow(null, null, null, null, rs.getObject("account_id", UUID.class),
                    rs.getString("name"), counts(rs));
        }).list();
        Counts total = jdbc.sql("select " + COUNTS + " from visit v " + WHERE).params(params)
                .query((rs, n) -> counts(rs)).single();
        return new ComplianceReport(by, from, to, region, rows, total);
    }

    private static Counts counts(ResultSet rs) throws SQLException {
        long done = rs.getLong("done");
        long late = rs.getLong("late");
        long missed = rs.getLong("missed");
        long storesDue = rs.getLong("stores_due");
        long storesVisited = rs.getLong("stores_visited");
        long fallenDue = done + late + missed;
        return new Counts(rs.getLong("due"), done, late, missed, rs.getLong("open"), percent(done, fallenDue),
                percent(done + late, fallenDue), storesDue, storesVisited, percent(storesVisited, storesDue));
    }

    /** part / whole in percent with one decimal, half up; null when there is no whole. */
    static @Nullable BigDecimal percent(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
