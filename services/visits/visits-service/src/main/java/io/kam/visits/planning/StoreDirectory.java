package io.kam.visits.planning;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import io.kam.accounts.api.ValueTier;
import io.kam.visits.api.Page;
import io.kam.visits.api.SettingViews.StoreView;
import io.kam.visits.api.VisitFrequency;

/**
 * The stores as the schedule sees them: each with its account's tier, the standard that applies and the region's
 * coordinator, or the reason it gets no scheduled visits.
 */
@Component
class StoreDirectory {

    private static final String FROM = """
            from store_replica s
            left join account_replica a on a.account_id = s.account_id
            left join visit_standard st on st.tier = a.tier and st.format = s.format
            left join region_coordinator rc on rc.region = s.region
            where (cast(:region as text) is null or s.region = :region)
              and (cast(:accountId as uuid) is null or s.account_id = :accountId)
              and (cast(:planned as boolean) is null or (s.open and st.frequency is not null) = :planned)
            """;

    private final JdbcClient jdbc;

    StoreDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Page<StoreView> search(@Nullable Region region, @Nullable UUID accountId, @Nullable Boolean planned, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        params.put("region", region == null ? null : region.name());
        params.put("accountId", accountId);
        params.put("planned", planned);
        var items = jdbc.sql("""
                        select s.*, a.name as account_name, a.tier, st.frequency, rc.coordinator
                        """ + FROM + " order by a.name, s.code, s.store_id limit :limit offset :offset")
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> {
                    boolean open = rs.getBoolean("open");
                    String tier = rs.getString("tier");
                    String frequency = rs.getString("frequency");
                    String format = rs.getString("format");
                    String reason = !open ? "CLOSED" : tier == null ? "ACCOUNT_NOT_CLASSIFIED"
                            : frequency == null ? "NO_STANDARD" : null;
                    return new StoreView(rs.getObject("store_id", UUID.class), rs.getObject("account_id", UUID.class),
                            rs.getString("account_name"), rs.getString("code"), rs.getString("name"), rs.getString("city"),
                            Region.valueOf(rs.getString("region")), format == null ? null : RetailFormat.valueOf(format),
                            rs.getObject("opening_date", LocalDate.class), open,
                            tier == null ? null : ValueTier.valueOf(tier),
                            frequency == null ? null : VisitFrequency.valueOf(frequency), rs.getString("coordinator"),
                            reason);
                }).list();
        long total = jdbc.sql("select count(*) " + FROM).params(params).query(Long.class).single();
        return Page.of(items, page, size, total);
    }
}
