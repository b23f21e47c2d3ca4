package io.kam.projection.promotion;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.promotions.api.Mechanic;
import io.kam.promotions.api.PromotionEvents.PromotedSku;
import io.kam.promotions.api.PromotionEvents.Terms;

/**
 * One row per promotion at its latest revision, with the SKUs and stores of its terms. Every write names the
 * promotion; the facts of a revision (approval, agreement, start, end, cancellation) are set, never counted.
 */
@Component
class PromotionRows {

    private final JdbcClient jdbc;

    PromotionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Settles the promotion's revision for an event of {@code revision}: a promotion not seen yet is known from here;
     * a newer revision becomes the promotion's and clears the older one's approval (its committed spend), agreement
     * and calendar, as a revised promotion is a draft again.
     *
     * @return whether the event is of the promotion's revision; false for an older one, which changes nothing
     */
    boolean atRevision(UUID accountId, UUID promotionId, int revision) {
        return jdbc.sql("""
                        insert into promotion (promotion_id, account_id, revision, stage)
                        values (:promotionId, :accountId, :revision, 'DRAFT')
                        on conflict (promotion_id) do update
                            set revision = excluded.revision, stage = 'DRAFT', approved = false, fund_id = null,
                                committed_spend = null, agreed_on = null, reference = null, started_on = null,
                                ended_on = null, terms_at = null
                            where promotion.revision < excluded.revision
                        returning revision""")
                .param("promotionId", promotionId).param("accountId", accountId).param("revision", revision)
                .query(Integer.class).optional()
                .or(() -> jdbc.sql("select revision from promotion where promotion_id = ?").param(promotionId)
                        .query(Integer.class).optional())
                .map(current -> current == revision).orElse(false);
    }

    /** The terms of the revision as of {@code at}, unless later ones of the same revision are known. */
    void terms(UUID promotionId, Terms terms, Instant at) {
        int changed = jdbc.sql("""
                        update promotion set name = :name, mechanics = :mechanics, in_store_from = :from,
                                             in_store_to = :to, terms_at = :at
                        where promotion_id = :promotionId and (terms_at is null or terms_at <= :at)""")
                .param("promotionId", promotionId).param("name", terms.name())
                .param("mechanics", terms.mechanics().stream().map(Mechanic::name).toArray(String[]::new))
                .param("from", terms.inStore().from()).param("to", terms.inStore().to())
                .param("at", at.atOffset(ZoneOffset.UTC)).update();
        if (changed == 0) {
            return;
        }
        jdbc.sql("delete from promotion_sku where promotion_id = ?").param(promotionId).update();
        jdbc.sql("delete from promotion_store where promotion_id = ?").param(promotionId).update();
        for (PromotedSku sku : terms.skus()) {
            jdbc.sql("""
                            insert into promotion_sku (promotion_id, gtin, category, promoted_price)
                            values (?, ?, ?, ?) on conflict do nothing""")
                    .params(promotionId, sku.gtin(), sku.category(), sku.promotedPrice()).update();
        }
        for (UUID store : terms.storeIds()) {
            jdbc.sql("insert into promotion_store (promotion_id, store_id) values (?, ?) on conflict do nothing")
                    .params(promotionId, store).update();
        }
    }

    /** DRAFT, PROPOSED or RETURNED: where the revision stands before approval. */
    void stage(UUID promotionId, String stage) {
        jdbc.sql("update promotion set stage = ? where promotion_id = ?").params(stage, promotionId).update();
    }

    void approved(UUID promotionId, @Nullable UUID fundId, BigDecimal committedSpend) {
        jdbc.sql("update promotion set approved = true, fund_id = ?, committed_spend = ? where promotion_id = ?")
                .params(fundId, committedSpend, promotionId).update();
    }

    void agreed(UUID promotionId, LocalDate on, String reference) {
        jdbc.sql("update promotion set agreed_on = ?, reference = ? where promotion_id = ?")
                .params(on, reference, promotionId).update();
    }

    void started(UUID promotionId, LocalDate on) {
        jdbc.sql("update promotion set started_on = ? where promotion_id = ?").params(on, promotionId).update();
    }

    void ended(UUID promotionId, LocalDate on) {
        jdbc.sql("update promotion set ended_on = ? where promotion_id = ?").params(on, promotionId).update();
    }

    void cancelled(UUID promotionId) {
        jdbc.sql("update promotion set cancelled = true where promotion_id = ?").param(promotionId).update();
    }
}
