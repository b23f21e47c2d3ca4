package io.kam.promotions.replica;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.AccountEvents.AccountEvent;
import io.kam.accounts.api.AccountEvents.AccountOpened;
import io.kam.accounts.api.AccountEvents.AccountUpdated;
import io.kam.accounts.api.AccountEvents.StoreClosed;
import io.kam.accounts.api.AccountEvents.StoreOpened;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;

/**
 * The accounts and their stores as the accounts service told them. Applying the same event twice changes nothing;
 * events this service does not need (contacts, plans, relationships) are ignored.
 */
@Component
public class Stores {

    private final JdbcClient jdbc;

    Stores(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void apply(AccountEvent event) {
        switch (event) {
            case AccountOpened e -> named(e.accountId(), e.name());
            case AccountUpdated e -> named(e.accountId(), e.name());
            case StoreOpened e -> jdbc.sql("""
                            insert into known_store (id, account_id, code, region, format, open)
                            values (:id, :account, :code, :region, :format, true)
                            on conflict (id) do update set code = excluded.code, region = excluded.region,
                                format = excluded.format""")
                    .param("id", e.storeId()).param("account", e.accountId()).param("code", e.code())
                    .param("region", e.region().name()).param("format", e.format().name()).update();
            case StoreClosed e -> jdbc.sql("update known_store set open = false where id = ?").param(e.storeId()).update();
            default -> {
                // contacts, plans and relationship records: nothing a promotion depends on
            }
        }
    }

    private void named(UUID account, String name) {
        jdbc.sql("insert into known_account (id, name) values (?, ?) on conflict (id) do update set name = excluded.name")
                .params(account, name).update();
    }

    public boolean accountExists(UUID account) {
        return jdbc.sql("select exists (select 1 from known_account where id = ?)").param(account)
                .query(Boolean.class).single();
    }

    /** The names of these accounts; an account this service does not know is missing. */
    public Map<UUID, String> accountNames(Collection<UUID> accounts) {
        if (accounts.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select id, name from known_account where id in (:ids)").param("ids", accounts)
                .query((rs, n) -> Map.entry(rs.getObject("id", UUID.class), rs.getString("name")))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The account's open stores in the region and of the format (either may be null: any), by code, with their region. */
    public Map<UUID, Region> openStores(UUID account, @Nullable Region region, @Nullable RetailFormat format) {
        Map<UUID, Region> stores = new LinkedHashMap<>();
        jdbc.sql("""
                        select id, region from known_store
                        where account_id = :account and open
                          and (cast(:region as text) is null or region = :region)
                          and (cast(:format as text) is null or format = :format)
                        order by code, id""")
                .param("account", account).param("region", region == null ? null : region.name())
                .param("format", format == null ? null : format.name())
                .query(rs -> {
                    stores.put(rs.getObject("id", UUID.class), Region.valueOf(rs.getString("region")));
                });
        return stores;
    }

    /** The region of each of these stores that is an open store of the account; the others are missing. */
    public Map<UUID, Region> openStoresOf(UUID account, Collection<UUID> storeIds) {
        if (storeIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select id, region from known_store where account_id = :account and open and id in (:ids)")
                .param("account", account).param("ids", storeIds)
                .query((rs, n) -> Map.entry(rs.getObject("id", UUID.class), Region.valueOf(rs.getString("region"))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
