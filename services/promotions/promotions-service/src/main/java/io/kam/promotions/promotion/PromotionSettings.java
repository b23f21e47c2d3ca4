package io.kam.promotions.promotion;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.platform.outbox.Outbox;
import io.kam.promotions.api.PromotionEvents;
import io.kam.promotions.api.PromotionEvents.PromotionSettingsChanged;

/**
 * Each account's promotion settings: the minimum gap between two promotions of one SKU in a store. An account without
 * settings has no minimum.
 */
@Component
class PromotionSettings {

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final Clock clock;

    PromotionSettings(JdbcClient jdbc, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** The account's minimum gap in days; 0 when none is set. */
    int minimumGapDays(UUID accountId) {
        return jdbc.sql("select minimum_gap_days from promotion_settings where account_id = ?").param(accountId)
                .query(Integer.class).optional().orElse(0);
    }

    /** Sets the account's minimum gap, with its event in the same transaction. */
    void setMinimumGap(UUID accountId, int days, String by) {
        jdbc.sql("""
                        insert into promotion_settings (account_id, minimum_gap_days, updated_at, version)
                        values (?, ?, ?, 0)
                        on conflict (account_id) do update set minimum_gap_days = excluded.minimum_gap_days,
                            updated_at = excluded.updated_at, version = promotion_settings.version + 1""")
                .params(accountId, days, Timestamp.from(clock.instant())).update();
        outbox.append(PromotionEvents.CATALOG, new PromotionSettingsChanged(accountId, days, by), by);
    }
}
