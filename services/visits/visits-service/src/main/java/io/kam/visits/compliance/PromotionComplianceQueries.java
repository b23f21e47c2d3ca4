package io.kam.visits.compliance;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.kam.accounts.api.Region;
import io.kam.visits.api.ExecutionViews.DeviationCount;
import io.kam.visits.api.ExecutionViews.PromotionCompliance;
import io.kam.visits.api.ExecutionViews.StoreExecution;

/**
 * A promotion's in-store compliance (促销执行达标率) over its stores, in one region or all: a store is checked when a
 * store check there found the promotion running, and executing when its latest such check (by the time it was
 * checked) found it executed, its photo included. Compliance = executing stores / checked stores, in percent with one
 * decimal; each deviation counts the checked stores whose latest check shows it. An earlier check of a store counts
 * nowhere, so a store that fixed its display counts as executing from its next check on.
 */
@Component
class PromotionComplianceQueries {

    private static final String LATEST = """
            select distinct on (e.store_id) e.*, c.visit_id, c.checked_by, s.code, s.name
            from promotion_execution e
            join store_check c on c.id = e.check_id
            left join store_replica s on s.store_id = e.store_id
            where e.promotion_id = :id and (cast(:region as text) is null or e.region = :region)
            order by e.store_id, e.checked_at desc, e.check_id desc
            """;

    private final JdbcClient jdbc;

    PromotionComplianceQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The promotion's compliance over the stores of the region (all when null); empty when the promotion is unknown. */
    @Transactional(readOnly = true)
    Optional<PromotionCompliance> report(UUID promotionId, @Nullable Region region) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", promotionId);
        params.put("region", region == null ? null : region.name());
        boolean known = jdbc.sql("select count(*) from promotion_replica where promotion_id = :id").params(params)
                .query(Long.class).single() > 0;
        if (!known) {
            return Optional.empty();
        }
        long stores = jdbc.sql("""
                        select count(*) from promotion_replica_store ps
                        left join store_replica s on s.store_id = ps.store_id
                        where ps.promotion_id = :id and (cast(:region as text) is null or s.region = :region)""")
                .params(params).query(Long.class).single();
        List<StoreExecution> checked = jdbc.sql(LATEST).params(params).query(PromotionComplianceQueries::store).list()
                .stream().sorted(Comparator.comparing((StoreExecution s) -> s.storeCode() == null ? "" : s.storeCode())
                        .thenComparing(StoreExecution::storeId)).toList();
        long executing = checked.stream().filter(StoreExecution::executed).count();
        Map<String, Long> byCode = new TreeMap<>();
        checked.forEach(s -> s.deviations().forEach(code -> byCode.merge(code, 1L, Long::sum)));
        List<DeviationCount> deviations = byCode.entrySet().stream().map(e -> new DeviationCount(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(DeviationCount::stores).reversed().thenComparing(DeviationCount::code))
                .toList();
        return jdbc.sql("select * from promotion_replica where promotion_id = :id").params(params)
                .query((rs, n) -> new PromotionCompliance(promotionId, rs.getObject("account_id", UUID.class),
                        rs.getString("name"), rs.getInt("revision"), rs.getString("status"),
                        rs.getObject("in_store_from", LocalDate.class), rs.getObject("in_store_to", LocalDate.class),
                        region, stores, checked.size(), executing, ComplianceQueries.percent(executing, checked.size()),
                        deviations, checked))
                .optional();
    }

    private static StoreExecution store(ResultSet rs, int row) throws SQLException {
        return new StoreExecution(rs.getObject("store_id", UUID.class), rs.getString("code"), rs.getString("name"),
                Region.valueOf(rs.getString("region")), rs.getObject("check_id", UUID.class),
                rs.getObject("visit_id", UUID.class), rs.getString("checked_by"),
                rs.getObject("checked_at", OffsetDateTime.class).toInstant(), rs.getInt("promotion_revision"),
                rs.getBoolean("executed"), strings(rs.getArray("deviations")), rs.getObject("photo_id", UUID.class));
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(String.class::cast).toList();
    }
}
