package io.kam.projection.visit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.visits.api.SkuCheck;
import io.kam.visits.api.StoreCheckEvents.StoreCheckRecorded;

/**
 * Store checks with their SKU lines and secondary displays, written once (a check is never changed), and the
 * account's listed SKUs as the latest listing, change or delisting by its own time left them, with that history.
 */
@Component
class StoreCheckRows {

    private final JdbcClient jdbc;

    StoreCheckRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void recorded(StoreCheckRecorded e) {
        int inserted = jdbc.sql("""
                        insert into store_check (check_id, account_id, visit_id, store_id, region, checked_at, score,
                                                 secondary_displays)
                        values (:checkId, :accountId, :visitId, :storeId, :region, :checkedAt, :score, :displays)
                        on conflict (check_id) do nothing""")
                .param("checkId", e.checkId()).param("accountId", e.accountId()).param("visitId", e.visitId())
                .param("storeId", e.storeId()).param("region", e.region().name())
                .param("checkedAt", e.checkedAt().atOffset(ZoneOffset.UTC)).param("score", e.score())
                .param("displays", e.display() == null ? null : e.display().secondaryDisplays()).update();
        if (inserted == 0) {
            return;
        }
        for (SkuCheck sku : e.skus()) {
            jdbc.sql("""
                            insert into store_check_sku (check_id, gtin, on_shelf, shelf_price, agreed_retail_price,
                                                         deviation_percent, out_of_stock)
                            values (:checkId, :gtin, :onShelf, :shelfPrice, :agreed, :deviation, :outOfStock)
                            on conflict (check_id, gtin) do nothing""")
                    .param("checkId", e.checkId()).param("gtin", sku.gtin()).param("onShelf", sku.onShelf())
                    .param("shelfPrice", sku.shelfPrice()).param("agreed", sku.agreedRetailPrice())
                    .param("deviation", sku.deviationPercent()).param("outOfStock", sku.outOfStock()).update();
        }
    }

    /**
     * The SKU's listing as of {@code at}, unless a later one is known; a delisting names no name or price and keeps
     * those known. Every listing, change and delisting is also kept in the SKU's listing history, once.
     */
    void listing(UUID accountId, String gtin, @Nullable String name, @Nullable BigDecimal agreedRetailPrice,
                 boolean listed, Instant at) {
        jdbc.sql("""
                        insert into listed_sku (account_id, gtin, name, agreed_retail_price, listed, changed_at)
                        values (:accountId, :gtin, :name, :price, :listed, :at)
                        on conflict (account_id, gtin) do update
                            set name = coalesce(excluded.name, listed_sku.name),
                                agreed_retail_price = coalesce(excluded.agreed_retail_price,
                                                               listed_sku.agreed_retail_price),
                                listed = excluded.listed, changed_at = excluded.changed_at
                            where listed_sku.changed_at <= excluded.changed_at""")
                .param("accountId", accountId).param("gtin", gtin).param("name", name).param("price", agreedRetailPrice)
                .param("listed", listed).param("at", at.atOffset(ZoneOffset.UTC)).update();
        jdbc.sql("""
                        insert into listed_sku_change (account_id, gtin, changed_at, listed)
                        values (:accountId, :gtin, :at, :listed) on conflict do nothing""")
                .param("accountId", accountId).param("gtin", gtin).param("at", at.atOffset(ZoneOffset.UTC))
                .param("listed", listed).update();
    }
}
