package io.kam.prospects.account;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The accounts that exist, as kam.accounts.v1 tells: referrals must name one, and a conversion must not open a
 * second account of a company that is one already.
 */
@Component
public class KnownAccounts {

    private final JdbcClient jdbc;

    KnownAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(UUID accountId) {
        return jdbc.sql("select exists (select 1 from known_account where id = ? and name is not null)")
                .param(accountId).query(Boolean.class).single();
    }

    /** The account of that name, ignoring case, if there is one. */
    public Optional<UUID> named(String name) {
        return jdbc.sql("select id from known_account where lower(name) = lower(?) limit 1").param(name.strip())
                .query(UUID.class).optional();
    }

    /** Records an account's name and city, first seen or changed; replaying the same event changes nothing. */
    void put(UUID id, String name, String city, Instant openedAt) {
        jdbc.sql("""
                        insert into known_account (id, name, city, opened_at) values (?, ?, ?, ?)
                        on conflict (id) do update set name = excluded.name, city = excluded.city,
                            opened_at = coalesce(known_account.opened_at, excluded.opened_at)""")
                .params(id, name, city, openedAt == null ? null : OffsetDateTime.ofInstant(openedAt, ZoneOffset.UTC))
                .update();
    }
}
