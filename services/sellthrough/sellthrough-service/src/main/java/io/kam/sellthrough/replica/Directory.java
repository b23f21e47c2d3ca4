package io.kam.sellthrough.replica;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.sellthrough.rows.StoreRef;

/** What the service knows of accounts and their stores, from the replica. */
@Component
public class Directory {

    private final JdbcClient jdbc;

    Directory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An account known from the accounts events. */
    public record KnownAccount(UUID id, String name, @Nullable String homeRegion, String status) {
    }

    public Optional<KnownAccount> account(UUID id) {
        return jdbc.sql("select id, name, home_region, status from account where id = :id").param("id", id)
                .query((rs, n) -> new KnownAccount(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4)))
                .optional();
    }

    /** Every store the account ever had, open or closed: a closed store's earlier figures still arrive. */
    public List<StoreRef> stores(UUID accountId) {
        return jdbc.sql("select no, code, opening_date, closed_on from store where account_id = :account")
                .param("account", accountId)
                .query((rs, n) -> new StoreRef(rs.getInt(1), rs.getString(2),
                        rs.getObject(3, java.time.LocalDate.class), rs.getObject(4, java.time.LocalDate.class)))
                .list();
    }

    /** Whether the account is at home in the region or has an open store there: what a coordinator of it sees. */
    public boolean presentIn(UUID accountId, String region) {
        return jdbc.sql("""
                        select exists (select 1 from account where id = :id and home_region = :region)
                            or exists (select 1 from store where account_id = :id and region = :region and closed_on is null)""")
                .param("id", accountId).param("region", region).query(Boolean.class).single();
    }
}
