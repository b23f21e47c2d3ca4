package io.kam.visits.replica;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.AccountEvents.StoreClosed;
import io.kam.accounts.api.AccountEvents.StoreOpened;
import io.kam.accounts.api.ValueTier;

/**
 * Writes the replica as the account events describe it. Every write is an upsert keyed by the account or store, so
 * applying an event twice leaves the same rows.
 */
@Component
public class Replicas {

    private final JdbcClient jdbc;

    Replicas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Knows the account from now on, if it did not already. */
    public void know(UUID accountId) {
        jdbc.sql("insert into account_replica (account_id) values (:id) on conflict do nothing").param("id", accountId).update();
    }

    public void named(UUID accountId, String name) {
        jdbc.sql("""
                insert into account_replica (account_id, name) values (:id, :name)
                on conflict (account_id) do update set name = excluded.name""")
                .param("id", accountId).param("name", name).update();
    }

    /** Sets the account's tier; returns the tier it had before. */
    public Optional<ValueTier> classified(UUID accountId, ValueTier tier) {
        Optional<ValueTier> before = jdbc.sql("select tier from account_replica where account_id = :id for update")
                .param("id", accountId).query(String.class).optional().map(ValueTier::valueOf);
        jdbc.sql("""
                insert into account_replica (account_id, tier) values (:id, :tier)
                on conflict (account_id) do update set tier = excluded.tier""")
                .param("id", accountId).param("tier", tier.name()).update();
        return before;
    }

    public void opened(StoreOpened e) {
        jdbc.sql("""
                insert into store_replica (store_id, account_id, code, name, city, region, format, opening_date, open)
                values (:id, :account, :code, :name, :city, :region, :format, :opening, true)
                on conflict (store_id) do update set account_id = excluded.account_id, code = excluded.code,
                    name = excluded.name, city = excluded.city, region = excluded.region, format = excluded.format,
                    opening_date = excluded.opening_date, open = true, closed_on = null""")
                .param("id", e.storeId()).param("account", e.accountId()).param("code", e.code())
                .param("name", e.name()).param("city", e.city()).param("region", e.region().name())
                .param("format", e.format().name()).param("opening", e.openingDate()).update();
    }

    public void closed(StoreClosed e) {
        jdbc.sql("""
                insert into store_replica (store_id, account_id, code, region, open, closed_on)
                values (:id, :account, :code, :region, false, :closedOn)
                on conflict (store_id) do update set open = false, closed_on = excluded.closed_on""")
                .param("id", e.storeId()).param("account", e.accountId()).param("code", e.code())
                .param("region", e.region().name()).param("closedOn", e.closedOn()).update();
    }
}
