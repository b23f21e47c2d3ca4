package io.kam.promotions.replica;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.visits.api.StoreCheckEvents.SkuChanged;
import io.kam.visits.api.StoreCheckEvents.SkuDelisted;
import io.kam.visits.api.StoreCheckEvents.SkuListed;
import io.kam.visits.api.VisitEvents.VisitEvent;

/**
 * The SKUs listed for each account, as the visits service announces them. Applying the same event twice changes
 * nothing; the other visit events (visits, checks, complaints, trips) are ignored.
 */
@Component
public class Listings {

    private final JdbcClient jdbc;

    Listings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void apply(VisitEvent event) {
        switch (event) {
            case SkuListed e -> save(e.accountId(), e.gtin(), e.name(), true);
            case SkuChanged e -> save(e.accountId(), e.gtin(), e.name(), true);
            case SkuDelisted e -> jdbc.sql("update known_listing set listed = false where account_id = ? and gtin = ?")
                    .params(e.accountId(), e.gtin()).update();
            default -> {
                // visits, store checks, complaints, trips: nothing a promotion's terms depend on
            }
        }
    }

    private void save(UUID account, String gtin, String name, boolean listed) {
        jdbc.sql("""
                        insert into known_listing (account_id, gtin, name, listed) values (?, ?, ?, ?)
                        on conflict (account_id, gtin) do update set name = excluded.name, listed = excluded.listed""")
                .params(account, gtin, name, listed).update();
    }

    /** Those of these GTINs (normalised to 14 digits) that are listed for the account. */
    public Set<String> listedOf(UUID account, Collection<String> gtins) {
        if (gtins.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        select gtin from known_listing where account_id = :account and listed and gtin in (:gtins)""")
                .param("account", account).param("gtins", gtins).query(String.class).list());
    }
}
