package io.kam.visits.promotion;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.promotions.api.Mechanic;
import io.kam.promotions.api.PromotionStatus;

/**
 * The promotions of stores, from the replica. A promotion runs in a store on a day when the retailer agreed it
 * ({@code AGREED} or {@code RUNNING}: not a draft, not ended, not cancelled) and its in-store period, in the market's
 * days, covers that day. The period decides rather than {@code kam.promotion.started}, which the promotions service
 * sends from a nightly job: a check in the first hours of the first day does not miss the promotion.
 */
@Component
public class StorePromotions {

    private static final String AGREED = "p.status in ('AGREED', 'RUNNING')";

    private final JdbcClient jdbc;

    StorePromotions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A promotion of a store starting on a day. */
    public record Starting(UUID storeId, UUID promotionId, String name, LocalDate inStoreFrom, LocalDate inStoreTo) {
    }

    /** The promotions running in the store on the day, by name. */
    public List<RunningPromotion> runningAt(UUID storeId, LocalDate day) {
        Map<UUID, RunningPromotion> running = new LinkedHashMap<>();
        jdbc.sql("select p.* from promotion_replica p join promotion_replica_store s on s.promotion_id = p.promotion_id"
                        + " where s.store_id = :store and " + AGREED + " and :day between p.in_store_from and p.in_store_to"
                        + " order by p.name, p.promotion_id")
                .param("store", storeId).param("day", day)
                .query((rs, n) -> running.put(rs.getObject("promotion_id", UUID.class), promotion(rs, List.of())))
                .list();
        if (running.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<RunningPromotion.PromotedPrice>> skus = new LinkedHashMap<>();
        jdbc.sql("select * from promotion_replica_sku where promotion_id in (:ids) order by promotion_id, position")
                .param("ids", running.keySet())
                .query((rs, n) -> skus.computeIfAbsent(rs.getObject("promotion_id", UUID.class), id -> new ArrayList<>())
                        .add(new RunningPromotion.PromotedPrice(rs.getString("gtin"), rs.getBigDecimal("promoted_price"))))
                .list();
        return running.values().stream().map(p -> new RunningPromotion(p.promotionId(), p.accountId(), p.revision(),
                p.name(), p.mechanics(), p.inStoreFrom(), p.inStoreTo(), p.status(),
                skus.getOrDefault(p.promotionId(), List.of()))).toList();
    }

    /** The agreed promotions of these stores whose in-store period starts between the two days, both included. */
    public List<Starting> startingBetween(Collection<UUID> storeIds, LocalDate from, LocalDate to) {
        if (storeIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select s.store_id, p.promotion_id, p.name, p.in_store_from, p.in_store_to from promotion_replica p"
                        + " join promotion_replica_store s on s.promotion_id = p.promotion_id"
                        + " where s.store_id in (:stores) and " + AGREED + " and p.in_store_from between :from and :to"
                        + " order by p.in_store_from, p.name, p.promotion_id")
                .param("stores", Set.copyOf(storeIds)).param("from", from).param("to", to)
                .query((rs, n) -> new Starting(rs.getObject("store_id", UUID.class), rs.getObject("promotion_id", UUID.class),
                        rs.getString("name"), rs.getObject("in_store_from", LocalDate.class),
                        rs.getObject("in_store_to", LocalDate.class)))
                .list();
    }

    private static RunningPromotion promotion(ResultSet rs, List<RunningPromotion.PromotedPrice> skus) throws SQLException {
        Set<Mechanic> mechanics = EnumSet.noneOf(Mechanic.class);
        Array array = rs.getArray("mechanics");
        for (Object name : (Object[]) array.getArray()) {
            mechanics.add(Mechanic.valueOf((String) name));
        }
        return new RunningPromotion(rs.getObject("promotion_id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getInt("revision"), rs.getString("name"), mechanics, rs.getObject("in_store_from", LocalDate.class),
                rs.getObject("in_store_to", LocalDate.class), PromotionStatus.valueOf(rs.getString("status")), skus);
    }
}
