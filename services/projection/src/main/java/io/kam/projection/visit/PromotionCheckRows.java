package io.kam.projection.visit;

import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.visits.api.StoreCheckEvents.PromotionExecutionChecked;

/**
 * A promotion's execution per store, as the latest check there found it: for each promotion, revision and store one
 * row, replaced by a check made later (by its own time, then by check id) or by the same check published again (the
 * visits service publishes a check's execution again when its photo comes; on one partition, in order), so that a
 * check applied twice or arriving late leaves the same row.
 */
@Component
class PromotionCheckRows {

    private final JdbcClient jdbc;

    PromotionCheckRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void checked(PromotionExecutionChecked e) {
        jdbc.sql("""
                        insert into promotion_check (promotion_id, revision, store_id, account_id, region, check_id,
                                                     checked_at, executed, deviations)
                        values (:promotionId, :revision, :storeId, :accountId, :region, :checkId, :checkedAt,
                                :executed, :deviations)
                        on conflict (promotion_id, revision, store_id) do update
                            set region = excluded.region, check_id = excluded.check_id,
                                checked_at = excluded.checked_at, executed = excluded.executed,
                                deviations = excluded.deviations
                            where promotion_check.check_id = excluded.check_id
                               or (promotion_check.checked_at, promotion_check.check_id)
                                  < (excluded.checked_at, excluded.check_id)""")
                .param("promotionId", e.promotionId()).param("revision", e.promotionRevision())
                .param("storeId", e.storeId()).param("accountId", e.accountId()).param("region", e.region().name())
                .param("checkId", e.checkId()).param("checkedAt", e.checkedAt().atOffset(ZoneOffset.UTC))
                .param("executed", e.executed()).param("deviations", e.deviations().toArray(String[]::new)).update();
    }
}
