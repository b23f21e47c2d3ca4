package io.kam.projection.promotion;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.Region;
import io.kam.projection.promotion.PromotionSection.Evaluated;
import io.kam.projection.promotion.PromotionSection.Sku;
import io.kam.projection.visit.PromotionExecutionReader;
import io.kam.promotions.api.Mechanic;
import io.kam.promotions.api.PromotionEvents.EvaluationTrigger;
import io.kam.promotions.api.PromotionStatus;

/**
 * Reads an account's promotions in the caller's transaction (the review's snapshot), and puts its section together
 * ({@link PromotionFigures}).
 */
@Component
public class PromotionSectionReader {

    private final JdbcClient jdbc;
    private final PromotionExecutionReader executions;

    PromotionSectionReader(JdbcClient jdbc, PromotionExecutionReader executions) {
        this.jdbc = jdbc;
        this.executions = executions;
    }

    /**
     * The account's promotions section for the year.
     *
     * @param spendTarget the shown plan's {@code PROMOTION_SPEND} target for that year; null without one
     */
    public PromotionSection of(UUID accountId, int year, @Nullable BigDecimal spendTarget) {
        Map<UUID, List<Sku>> skus = new HashMap<>();
        jdbc.sql("""
                        select s.promotion_id, s.gtin, s.category, s.promoted_price from promotion_sku s
                        join promotion p on p.promotion_id = s.promotion_id where p.account_id = ? order by s.gtin""")
                .param(accountId).query((ResultSet rs) -> {
                    skus.computeIfAbsent(rs.getObject("promotion_id", UUID.class), id -> new ArrayList<>())
                            .add(new Sku(rs.getString("gtin"), rs.getString("category"),
                                    rs.getBigDecimal("promoted_price")));
                });
        Map<UUID, Long> stores = new HashMap<>();
        Map<UUID, TreeSet<Region>> regions = new HashMap<>();
        jdbc.sql("""
                        select ps.promotion_id, s.region from promotion_store ps
                        join promotion p on p.promotion_id = ps.promotion_id
                        left join review_store s on s.store_id = ps.store_id
                        where p.account_id = ?""")
                .param(accountId).query((ResultSet rs) -> {
                    UUID promotion = rs.getObject("promotion_id", UUID.class);
                    stores.merge(promotion, 1L, Long::sum);
                    String region = rs.getString("region");
                    if (region != null) {
                        regions.computeIfAbsent(promotion, id -> new TreeSet<>()).add(Region.valueOf(region));
                    }
                });
        List<PromotionFigures.Row> rows = jdbc.sql("select * from promotion_state where account_id = ?")
                .param(accountId).query((rs, n) -> row(rs, skus, stores, regions)).list();
        Map<UUID, Evaluated> evaluations = new HashMap<>();
        jdbc.sql("""
                        select e.*, p.name, p.in_store_from, p.in_store_to from promotion_evaluation e
                        join promotion p on p.promotion_id = e.promotion_id and p.revision = e.revision
                        where e.account_id = ?""")
                .param(accountId).query((ResultSet rs) -> {
                    UUID promotion = rs.getObject("promotion_id", UUID.class);
                    evaluations.put(promotion, evaluated(rs, List.copyOf(regions.getOrDefault(promotion, new TreeSet<>()))));
                });
        List<PromotionFigures.FundRow> funds = jdbc.sql("""
                        select fund_id, category, source, amount from promotion_fund
                        where account_id = ? and year = ? order by category nulls first, fund_id""")
                .params(accountId, year).query((rs, n) -> new PromotionFigures.FundRow(
                        rs.getObject("fund_id", UUID.class), rs.getString("category"), rs.getString("source"),
                        rs.getBigDecimal("amount"))).list();
        Map<UUID, Integer> revisions = new HashMap<>();
        rows.forEach(row -> revisions.put(row.promotion().promotionId(), row.promotion().revision()));
        Applied applied = jdbc.sql("select count(*), max(occurred_at) from promotion_event where account_id = ?")
                .param(accountId).query((rs, n) -> new Applied(rs.getLong(1),
                        instant(rs.getObject(2, OffsetDateTime.class)))).single();
        return PromotionFigures.section(year, rows, evaluations, funds, executions.of(accountId, revisions),
                spendTarget, applied.asOf(), applied.count());
    }

    private static PromotionFigures.Row row(ResultSet rs, Map<UUID, List<Sku>> skus, Map<UUID, Long> stores,
                                            Map<UUID, TreeSet<Region>> regions) throws SQLException {
        UUID id = rs.getObject("promotion_id", UUID.class);
        Array mechanics = rs.getArray("mechanics");
        var promotion = new PromotionSection.Promotion(id, rs.getInt("revision"), rs.getString("name"),
                Arrays.stream((String[]) mechanics.getArray()).map(Mechanic::valueOf).toList(),
                PromotionStatus.valueOf(rs.getString("status")), rs.getObject("in_store_from", LocalDate.class),
                rs.getObject("in_store_to", LocalDate.class), skus.getOrDefault(id, List.of()),
                stores.getOrDefault(id, 0L), List.copyOf(regions.getOrDefault(id, new TreeSet<>())),
                rs.getObject("agreed_on", LocalDate.class), rs.getString("reference"), null);
        return new PromotionFigures.Row(promotion, rs.getObject("fund_id", UUID.class),
                rs.getBigDecimal("committed_spend"));
    }

    private static Evaluated evaluated(ResultSet rs, List<Region> regions) throws SQLException {
        return new Evaluated(rs.getObject("promotion_id", UUID.class), rs.getString("name"),
                rs.getObject("in_store_from", LocalDate.class), rs.getObject("in_store_to", LocalDate.class), regions,
                rs.getInt("evaluation"), EvaluationTrigger.valueOf(rs.getString("trigger")),
                rs.getBigDecimal("uplift_percent"), rs.getBigDecimal("net_incremental_units"),
                rs.getBigDecimal("actual_sales"), rs.getBigDecimal("incremental_gross_profit"),
                rs.getBigDecimal("investment"), rs.getBoolean("fees_settled"), rs.getBigDecimal("roi"),
                rs.getBigDecimal("cost_per_incremental_unit"), rs.getInt("missing_costs"));
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private record Applied(long count, @Nullable Instant asOf) {
    }
}
