package io.kam.sellthrough.replica;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.accounts.api.AccountEvents.AccountEvent;
import io.kam.accounts.api.AccountEvents.AccountOpened;
import io.kam.accounts.api.AccountEvents.AccountUpdated;
import io.kam.accounts.api.AccountEvents.StoreClosed;
import io.kam.accounts.api.AccountEvents.StoreOpened;

/**
 * Applies account events to the replica: what an account is called, where it is at home and whether it is active;
 * which stores it has, with their codes, regions, opening and closing days. Every other account event changes nothing
 * here. Each write is an upsert, so applying an event twice (a replay) leaves the same rows, and a store keeps its
 * number.
 */
@Component
class Replica {

    private final JdbcClient jdbc;

    Replica(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void apply(AccountEvent event) {
        switch (event) {
            case AccountOpened opened -> account(opened.accountId(), opened.name(),
                    opened.homeRegion() == null ? null : opened.homeRegion().name(), opened.status().name());
            case AccountUpdated updated -> account(updated.accountId(), updated.name(),
                    updated.homeRegion() == null ? null : updated.homeRegion().name(), updated.status().name());
            case StoreOpened opened -> jdbc.sql("""
                            insert into store (id, account_id, code, region, opening_date)
                            values (:id, :account, :code, :region, :opening)
                            on conflict (id) do update set code = excluded.code, region = excluded.region,
                                opening_date = excluded.opening_date""")
                    .param("id", opened.storeId()).param("account", opened.accountId()).param("code", opened.code())
                    .param("region", opened.region().name()).param("opening", opened.openingDate())
                    .update();
            case StoreClosed closed -> jdbc.sql("update store set closed_on = :on where id = :id")
                    .param("on", closed.closedOn()).param("id", closed.storeId()).update();
            default -> {
                // contacts, classification, stage, plans, relationship records: nothing sell-through depends on
            }
        }
    }

    private void account(java.util.UUID id, String name, String homeRegion, String status) {
        jdbc.sql("""
                        insert into account (id, name, home_region, status) values (:id, :name, :region, :status)
                        on conflict (id) do update set name = excluded.name, home_region = excluded.home_region,
                            status = excluded.status""")
                .param("id", id).param("name", name).param("region", homeRegion).param("status", status).update();
    }
}
