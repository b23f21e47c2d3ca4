package io.kam.visits.promotion;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.promotions.api.FeeBasis;
import io.kam.promotions.api.FeeKind;
import io.kam.visits.api.CommitmentLimit;
import io.kam.visits.api.LimitKind;
import io.kam.visits.api.LimitPer;
import io.kam.visits.api.LimitSource;
import io.kam.visits.api.LimitUnit;

/**
 * What the promotions agreed with the retailer allow a coordinator to promise on a day: of each promotion agreed
 * ({@code AGREED} or {@code RUNNING}) whose in-store period covers the day, in the store (or, without a store, in any
 * of the account's stores), the deepest cut of its promoted prices off the regular ones (percent, rounded down so that
 * it never allows more than was agreed; SKUs replicated without a regular price count for nothing) and each fee paid
 * as a sum, for the promotion or per store. Fees per unit sold or as a percentage of the promoted sales are no sum a
 * coordinator could promise against.
 */
@Component
public class PromotionLimits {

    private final JdbcClient jdbc;

    PromotionLimits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CommitmentLimit> on(UUID accountId, @Nullable UUID storeId, LocalDate day) {
        record Agreed(UUID id, int revision, LocalDate from, LocalDate to) {
        }
        Map<UUID, Agreed> agreed = new LinkedHashMap<>();
        jdbc.sql("""
                        select p.promotion_id, p.revision, p.in_store_from, p.in_store_to from promotion_replica p
                        where p.account_id = :account and p.status in ('AGREED', 'RUNNING')
                          and :day between p.in_store_from and p.in_store_to
                          and exists (select 1 from promotion_replica_store s where s.promotion_id = p.promotion_id
                                      and (cast(:store as uuid) is null or s.store_id = :store))
                        order by p.in_store_from, p.promotion_id""")
                .param("account", accountId).param("day", day).param("store", storeId)
                .query((rs, n) -> agreed.put(rs.getObject(1, UUID.class), new Agreed(rs.getObject(1, UUID.class),
                        rs.getInt(2), rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class))))
                .list();
        List<CommitmentLimit> limits = new ArrayList<>();
        for (Agreed p : agreed.values()) {
            LimitSource source = LimitSource.promotion(p.id(), p.revision());
            jdbc.sql("""
                            select max(round((regular_price - promoted_price) * 100 / regular_price, 4))
                            from promotion_replica_sku
                            where promotion_id = :id and regular_price > 0 and regular_price > promoted_price""")
                    .param("id", p.id()).query(BigDecimal.class).list().stream().filter(Objects::nonNull).findFirst()
                    .map(cut -> cut.setScale(2, RoundingMode.DOWN))
                    .ifPresent(cut -> limits.add(new CommitmentLimit(LimitKind.PROMOTION_DISCOUNT, cut, LimitUnit.PERCENT,
                            null, source, p.from(), p.to())));
            jdbc.sql("select kind, basis, amount from promotion_replica_fee where promotion_id = :id order by position")
                    .param("id", p.id())
                    .query((rs, n) -> fee(FeeKind.valueOf(rs.getString(1)), FeeBasis.valueOf(rs.getString(2)),
                            rs.getBigDecimal(3), source, p.from(), p.to()))
                    .list().stream().filter(Objects::nonNull).forEach(limits::add);
        }
        return limits;
    }

    private static @Nullable CommitmentLimit fee(FeeKind kind, FeeBasis basis, BigDecimal amount, LimitSource source,
                                                 LocalDate from, LocalDate to) {
        LimitPer per = switch (basis) {
            case FIXED -> LimitPer.PROMOTION;
            case PER_STORE -> LimitPer.STORE;
            case PER_UNIT_SOLD, OFF_INVOICE_PERCENT -> null;
        };
        if (per == null) {
            return null;
        }
        LimitKind limit = switch (kind) {
            case DISPLAY_FEE -> LimitKind.PROMOTION_DISPLAY_FEE;
            case DM_FEE -> LimitKind.PROMOTION_DM_FEE;
            case PROMOTER_COST -> LimitKind.PROMOTION_PROMOTER_COST;
            case OTHER -> LimitKind.PROMOTION_OTHER_FEE;
        };
        return new CommitmentLimit(limit, amount, LimitUnit.YUAN, per, source, from, to);
    }
}
