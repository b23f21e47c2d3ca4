package io.kam.promotions.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.platform.outbox.Outbox;
import io.kam.promotions.api.PromotionEvents;
import io.kam.promotions.api.PromotionEvents.ProductCostSet;
import io.kam.promotions.promotion.PromotionEvaluations;

/**
 * The product-cost table national KA managers keep: per account and GTIN, the category, the list price to the
 * account and the unit cost. A change marks the account's evaluated promotions of that SKU or category for another
 * evaluation.
 */
@Component
class ProductCosts {

    /** A row of the table. */
    record ProductCost(UUID accountId, String gtin, String category, BigDecimal listPrice, BigDecimal unitCost,
                       Instant updatedAt, long version) {
    }

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final PromotionEvaluations evaluations;
    private final Clock clock;

    ProductCosts(JdbcClient jdbc, Outbox outbox, PromotionEvaluations evaluations, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.evaluations = evaluations;
        this.clock = clock;
    }

    ProductCost set(UUID accountId, String gtin, String category, BigDecimal listPrice, BigDecimal unitCost, String by) {
        BigDecimal list = listPrice.setScale(2, RoundingMode.HALF_UP);
        BigDecimal cost = unitCost.setScale(2, RoundingMode.HALF_UP);
        String inCategory = category.strip();
        jdbc.sql("""
                        insert into product_cost (account_id, gtin, category, list_price, unit_cost, updated_at, version)
                        values (?, ?, ?, ?, ?, ?, 0)
                        on conflict (account_id, gtin) do update set category = excluded.category,
                            list_price = excluded.list_price, unit_cost = excluded.unit_cost,
                            updated_at = excluded.updated_at, version = product_cost.version + 1""")
                .params(accountId, gtin, inCategory, list, cost, Timestamp.from(clock.instant())).update();
        outbox.append(PromotionEvents.CATALOG, new ProductCostSet(accountId, gtin, inCategory, list, cost, by), by);
        evaluations.markDueForCost(accountId, gtin, inCategory);
        return jdbc.sql("select * from product_cost where account_id = ? and gtin = ?").params(accountId, gtin)
                .query(ProductCosts::row).single();
    }

    List<ProductCost> list(UUID accountId) {
        return jdbc.sql("select * from product_cost where account_id = ? order by category, gtin").param(accountId)
                .query(ProductCosts::row).list();
    }

    private static ProductCost row(ResultSet rs, int n) throws SQLException {
        return new ProductCost(rs.getObject("account_id", UUID.class), rs.getString("gtin"), rs.getString("category"),
                rs.getBigDecimal("list_price"), rs.getBigDecimal("unit_cost"), rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("version"));
    }
}
