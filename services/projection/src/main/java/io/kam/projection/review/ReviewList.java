package io.kam.projection.review;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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

import io.kam.accounts.api.AccountRole;
import io.kam.accounts.api.AccountScope;
import io.kam.accounts.api.AccountStatus;
import io.kam.accounts.api.DevelopmentStage;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import io.kam.accounts.api.ValueTier;
import io.kam.projection.review.ReviewViews.Page;
import io.kam.projection.review.ReviewViews.ReviewSummary;

/** Lists reviews page by page, ordered by account name and id, with optional filters. */
@Component
class ReviewList {

    private static final String SUMMARY = """
            select a.*,
                   (select count(*) from review_store s where s.account_id = a.account_id and s.open) as open_stores,
                   (select count(*) from review_contact c where c.account_id = a.account_id) as contacts,
                   (select count(*) from review_event e where e.account_id = a.account_id) as events_applied,
                   (select max(e.occurred_at) from review_event e where e.account_id = a.account_id) as as_of
            from review_account a""";

    private final JdbcClient jdbc;

    ReviewList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param region  accounts with an open store in the region, or regional accounts at home there
     * @param account only this account (an integration tied to one retailer)
     */
    record Filter(@Nullable Region region, @Nullable ValueTier tier, @Nullable DevelopmentStage stage,
                  @Nullable UUID account) {

        Filter(@Nullable Region region, @Nullable ValueTier tier, @Nullable DevelopmentStage stage) {
            this(region, tier, stage, null);
        }
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Page<ReviewSummary> page(Filter filter, int page, int size) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.region() != null) {
            conditions.add("""
                    (exists (select 1 from review_store s where s.account_id = a.account_id and s.open and s.region = :region)
                     or (a.scope = 'REGIONAL' and a.home_region = :region))""");
            params.put("region", filter.region().name());
        }
        if (filter.account() != null) {
            conditions.add("a.account_id = :account");
            params.put("account", filter.account());
        }
        if (filter.tier() != null) {
            conditions.add("a.tier = :tier");
            params.put("tier", filter.tier().name());
        }
        if (filter.stage() != null) {
            conditions.add("a.stage = :stage");
            params.put("stage", filter.stage().name());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);

        long total = jdbc.sql("select count(*) from review_account a" + where).params(params).query(Long.class).single();
        List<ReviewSummary> items = jdbc.sql(SUMMARY + where
                        + " order by a.name nulls last, a.account_id limit :limit offset :offset")
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query(ReviewList::summary).list();
        return new Page<>(items, page, size, total, (int) ((total + size - 1) / size));
    }

    private static ReviewSummary summary(ResultSet rs, int row) throws SQLException {
        return new ReviewSummary(rs.getObject("account_id", UUID.class), rs.getString("name"), rs.getString("banner"),
                named(rs, "format", RetailFormat::valueOf), named(rs, "scope", AccountScope::valueOf),
                named(rs, "home_region", Region::valueOf), rs.getString("owner"),
                named(rs, "status", AccountStatus::valueOf), named(rs, "tier", ValueTier::valueOf),
                named(rs, "role", AccountRole::valueOf), named(rs, "stage", DevelopmentStage::valueOf),
                rs.getLong("open_stores"), rs.getLong("contacts"),
                rs.getObject("as_of", OffsetDateTime.class).toInstant(), rs.getLong("events_applied"));
    }

    private static <E> @Nullable E named(ResultSet rs, String column, Function<String, E> valueOf) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : valueOf.apply(value);
    }
}
