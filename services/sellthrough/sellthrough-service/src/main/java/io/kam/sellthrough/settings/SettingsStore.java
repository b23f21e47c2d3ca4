package io.kam.sellthrough.settings;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code account_settings} table. */
@Component
public class SettingsStore {

    private final JdbcClient jdbc;

    SettingsStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The account's settings, or the defaults. */
    public AccountSettings of(UUID accountId) {
        return jdbc.sql("select account_id, retailer_code, currency, returns_allowed, version from account_settings where account_id = :id")
                .param("id", accountId).query(SettingsStore::map).optional()
                .orElseGet(() -> AccountSettings.defaults(accountId));
    }

    /** The account a retailer code names, ignoring case. */
    public Optional<UUID> accountOf(String retailerCode) {
        return jdbc.sql("select account_id from account_settings where lower(retailer_code) = lower(:code)")
                .param("code", retailerCode).query(UUID.class).optional();
    }

    /** Writes the settings at the next version, if the caller's version is still the current one. */
    int save(AccountSettings settings, long expected, String actor, Instant now) {
        if (expected == 0) {
            return jdbc.sql("""
                            insert into account_settings (account_id, retailer_code, currency, returns_allowed, version,
                                updated_by, updated_at)
                            values (:id, :code, :currency, :returns, 1, :actor, :now) on conflict (account_id) do nothing""")
                    .param("id", settings.accountId()).param("code", settings.retailerCode())
                    .param("currency", settings.currency()).param("returns", settings.returnsAllowed())
                    .param("actor", actor).param("now", java.sql.Timestamp.from(now)).update();
        }
        return jdbc.sql("""
                        update account_settings set retailer_code = :code, currency = :currency, returns_allowed = :returns,
                            version = version + 1, updated_by = :actor, updated_at = :now
                        where account_id = :id and version = :expected""")
                .param("id", settings.accountId()).param("code", settings.retailerCode())
                .param("currency", settings.currency()).param("returns", settings.returnsAllowed())
                .param("actor", actor).param("now", java.sql.Timestamp.from(now)).param("expected", expected).update();
    }

    /** Whether the service holds figures of the account: a batch of it committed rows. */
    boolean hasFigures(UUID accountId) {
        return jdbc.sql("select exists (select 1 from batch where account_id = :id and status = 'COMPLETED' and accepted > 0)")
                .param("id", accountId).query(Boolean.class).single();
    }

    private static AccountSettings map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new AccountSettings(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                rs.getLong(5));
    }
}
