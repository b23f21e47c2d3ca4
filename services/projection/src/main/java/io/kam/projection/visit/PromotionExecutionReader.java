package io.kam.projection.visit;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.Region;
import io.kam.projection.visit.PromotionExecution.Compliance;
import io.kam.projection.visit.PromotionExecution.StoreCheck;

/** Reads the execution of an account's promotions in the caller's transaction (the review's snapshot). */
@Component
public class PromotionExecutionReader {

    private final JdbcClient jdbc;

    PromotionExecutionReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The execution of each of these promotions of the account, by the checks of the revision given for it; a
     * promotion without any such check is {@link PromotionExecution#unchecked()}.
     *
     * @param revisions each promotion's current revision
     */
    public Map<UUID, PromotionExecution> of(UUID accountId, Map<UUID, Integer> revisions) {
        Map<UUID, List<StoreCheck>> latest = new HashMap<>();
        jdbc.sql("""
                        select promotion_id, revision, region, executed, deviations, checked_at from promotion_check
                        where account_id = ?""")
                .param(accountId).query((ResultSet rs) -> {
                    UUID promotion = rs.getObject("promotion_id", UUID.class);
                    if (Integer.valueOf(rs.getInt("revision")).equals(revisions.get(promotion))) {
                        latest.computeIfAbsent(promotion, p -> new ArrayList<>()).add(check(rs));
                    }
                });
        Map<UUID, PromotionExecution> executions = new HashMap<>();
        revisions.keySet().forEach(promotion -> executions.put(promotion,
                execution(latest.getOrDefault(promotion, List.of()))));
        return executions;
    }

    private static PromotionExecution execution(List<StoreCheck> checks) {
        if (checks.isEmpty()) {
            return PromotionExecution.unchecked();
        }
        Map<Region, List<StoreCheck>> byRegion = new EnumMap<>(Region.class);
        checks.forEach(check -> byRegion.computeIfAbsent(check.region(), r -> new ArrayList<>()).add(check));
        Map<Region, Compliance> compliance = new EnumMap<>(Region.class);
        byRegion.forEach((region, stores) -> compliance.put(region, Compliance.of(stores)));
        return new PromotionExecution(Compliance.of(checks), compliance);
    }

    private static StoreCheck check(ResultSet rs) throws SQLException {
        Array deviations = rs.getArray("deviations");
        return new StoreCheck(Region.valueOf(rs.getString("region")), rs.getBoolean("executed"),
                Arrays.asList((String[]) deviations.getArray()),
                rs.getObject("checked_at", OffsetDateTime.class).toInstant());
    }
}
