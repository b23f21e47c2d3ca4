package io.kam.visits.storecheck;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.visits.api.ExecutionViews.PromotionExecutionView;
import io.kam.visits.api.StoreCheckEvents.PromotedPriceCheck;

/** The executions of promotions found by store checks, in {@code promotion_execution} and its prices. */
@Component
class ExecutionRows {

    private final JdbcClient jdbc;

    ExecutionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(StoreCheck check, Execution execution) {
        jdbc.sql("""
                insert into promotion_execution (check_id, promotion_id, promotion_revision, account_id, store_id, region,
                    checked_at, display_built, pos_material_present, promoter_present, photo_id, executed, deviations)
                values (:check, :promotion, :revision, :account, :store, :region, :checkedAt, :display, :pos, :promoter,
                    :photo, :executed, :deviations)""")
                .param("check", check.id()).param("promotion", execution.promotionId())
                .param("revision", execution.revision()).param("account", check.accountId())
                .param("store", check.storeId()).param("region", check.region().name())
                .param("checkedAt", OffsetDateTime.ofInstant(check.checkedAt(), ZoneOffset.UTC))
                .param("display", execution.displayBuilt()).param("pos", execution.posMaterialPresent())
                .param("promoter", execution.promoterPresent()).param("photo", execution.photoId())
                .param("executed", execution.executed()).param("deviations", execution.deviations().toArray(String[]::new))
                .update();
        List<PromotedPriceCheck> prices = execution.prices();
        for (int i = 0; i < prices.size(); i++) {
            PromotedPriceCheck price = prices.get(i);
            jdbc.sql("""
                    insert into promotion_execution_price (check_id, promotion_id, position, gtin, promoted_price,
                        shelf_price, correct)
                    values (:check, :promotion, :position, :gtin, :promoted, :shelf, :correct)""")
                    .param("check", check.id()).param("promotion", execution.promotionId()).param("position", i)
                    .param("gtin", price.gtin()).param("promoted", price.promotedPrice())
                    .param("shelf", price.shelfPrice()).param("correct", price.correct()).update();
        }
    }

    /** The execution of the promotion the check recorded, locked until the transaction ends. */
    Optional<Execution> findForUpdate(UUID checkId, UUID promotionId) {
        List<PromotedPriceCheck> prices = prices(checkId).getOrDefault(promotionId, List.of());
        return jdbc.sql("select * from promotion_execution where check_id = :check and promotion_id = :promotion for update")
                .param("check", checkId).param("promotion", promotionId)
                .query((rs, n) -> execution(rs, prices))
                .optional();
    }

    void photographed(UUID checkId, Execution execution) {
        jdbc.sql("""
                update promotion_execution set photo_id = :photo, executed = :executed, deviations = :deviations
                where check_id = :check and promotion_id = :promotion""")
                .param("photo", execution.photoId()).param("executed", execution.executed())
                .param("deviations", execution.deviations().toArray(String[]::new))
                .param("check", checkId).param("promotion", execution.promotionId()).update();
    }

    /** The executions the check recorded, by promotion name, as views. */
    List<PromotionExecutionView> views(UUID checkId) {
        Map<UUID, List<PromotedPriceCheck>> prices = prices(checkId);
        return jdbc.sql("""
                        select e.*, p.name from promotion_execution e
                        left join promotion_replica p on p.promotion_id = e.promotion_id
                        where e.check_id = :check order by p.name, e.promotion_id""")
                .param("check", checkId)
                .query((rs, n) -> {
                    Execution e = execution(rs, prices.getOrDefault(rs.getObject("promotion_id", UUID.class), List.of()));
                    return new PromotionExecutionView(e.promotionId(), e.revision(), rs.getString("name"), e.prices(),
                            e.displayBuilt(), e.posMaterialPresent(), e.promoterPresent(), e.photoId(), e.executed(),
                            e.deviations());
                }).list();
    }

    private Map<UUID, List<PromotedPriceCheck>> prices(UUID checkId) {
        Map<UUID, List<PromotedPriceCheck>> prices = new LinkedHashMap<>();
        jdbc.sql("select * from promotion_execution_price where check_id = :check order by promotion_id, position")
                .param("check", checkId)
                .query((rs, n) -> prices.computeIfAbsent(rs.getObject("promotion_id", UUID.class), id -> new ArrayList<>())
                        .add(new PromotedPriceCheck(rs.getString("gtin"), rs.getBigDecimal("promoted_price"),
                                rs.getBigDecimal("shelf_price"), rs.getBoolean("correct"))))
                .list();
        return prices;
    }

    private static Execution execution(ResultSet rs, List<PromotedPriceCheck> prices) throws SQLException {
        return new Execution(rs.getObject("promotion_id", UUID.class), rs.getInt("promotion_revision"), prices,
                bool(rs, "display_built"), bool(rs, "pos_material_present"), bool(rs, "promoter_present"),
                rs.getObject("photo_id", UUID.class));
    }

    private static @Nullable Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }
}
