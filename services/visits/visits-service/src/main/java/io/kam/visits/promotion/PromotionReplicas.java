package io.kam.visits.promotion;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.platform.events.UndecodableEventException;
import io.kam.promotions.api.Mechanic;
import io.kam.promotions.api.PromotionEvents.Fee;
import io.kam.promotions.api.PromotionEvents.PromotedSku;
import io.kam.promotions.api.PromotionEvents.PromotionEvent;
import io.kam.promotions.api.PromotionEvents.Terms;
import io.kam.promotions.api.PromotionStatus;
import io.kam.visits.api.Gtin;

/**
 * Applies one promotion event to the replica, inside the transaction that records it as processed: locks the copy of
 * its promotion, asks {@link Revisions} what the event changes, and writes that. Terms replace the promoted SKUs (with
 * their regular and promoted prices), fees and stores of the copy as a whole; terms promoting something that is no GTIN,
 * or with a fee lacking its kind, basis or amount, can never be applied (dead letter).
 */
@Component
class PromotionReplicas {

    private final JdbcClient jdbc;

    PromotionReplicas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void apply(PromotionEvent event) {
        var promotion = Revisions.promotionOf(event);
        if (promotion.isEmpty()) {
            return;
        }
        UUID promotionId = promotion.get();
        var held = jdbc.sql("select revision, status from promotion_replica where promotion_id = :id for update")
                .param("id", promotionId)
                .query((rs, n) -> new Revisions.Held(rs.getInt("revision"), PromotionStatus.valueOf(rs.getString("status"))))
                .optional();
        Revisions.of(held.orElse(null), event).ifPresent(change -> {
            switch (change) {
                case Revisions.Change.NewTerms t -> terms(event.accountId(), promotionId, t.revision(), t.terms());
                case Revisions.Change.NewStatus s -> jdbc.sql("update promotion_replica set status = :status where promotion_id = :id")
                        .param("status", s.status().name()).param("id", promotionId).update();
            }
        });
    }

    private void terms(UUID accountId, UUID promotionId, int revision, Terms terms) {
        jdbc.sql("""
                insert into promotion_replica (promotion_id, account_id, revision, name, mechanics, in_store_from,
                    in_store_to, status)
                values (:id, :account, :revision, :name, :mechanics, :from, :to, 'DRAFT')
                on conflict (promotion_id) do update set revision = excluded.revision, name = excluded.name,
                    mechanics = excluded.mechanics, in_store_from = excluded.in_store_from,
                    in_store_to = excluded.in_store_to, status = 'DRAFT'""")
                .param("id", promotionId).param("account", accountId).param("revision", revision)
                .param("name", terms.name())
                .param("mechanics", terms.mechanics().stream().map(Mechanic::name).distinct().toArray(String[]::new))
                .param("from", terms.inStore().from()).param("to", terms.inStore().to()).update();
        jdbc.sql("delete from promotion_replica_sku where promotion_id = :id").param("id", promotionId).update();
        jdbc.sql("delete from promotion_replica_fee where promotion_id = :id").param("id", promotionId).update();
        jdbc.sql("delete from promotion_replica_store where promotion_id = :id").param("id", promotionId).update();
        int position = 0;
        for (PromotedSku sku : terms.skus()) {
            String gtin = Gtin.normalise(sku.gtin()).orElseThrow(() -> new UndecodableEventException("promotion "
                    + promotionId + " promotes " + sku.gtin() + ", which is no GTIN: " + Gtin.problem(sku.gtin())));
            jdbc.sql("""
                    insert into promotion_replica_sku (promotion_id, position, gtin, promoted_price, regular_price)
                    values (:id, :position, :gtin, :price, :regular) on conflict do nothing""")
                    .param("id", promotionId).param("position", position++).param("gtin", gtin)
                    .param("price", sku.promotedPrice()).param("regular", sku.regularPrice()).update();
        }
        int feePosition = 0;
        for (Fee fee : terms.fees() == null ? List.<Fee>of() : terms.fees()) {
            if (fee.kind() == null || fee.basis() == null || fee.amount() == null || fee.amount().signum() < 0) {
                throw new UndecodableEventException("promotion " + promotionId + " has a fee without kind, basis or a "
                        + "valid amount: " + fee);
            }
            jdbc.sql("""
                    insert into promotion_replica_fee (promotion_id, position, kind, basis, amount)
                    values (:id, :position, :kind, :basis, :amount)""")
                    .param("id", promotionId).param("position", feePosition++).param("kind", fee.kind().name())
                    .param("basis", fee.basis().name()).param("amount", fee.amount()).update();
        }
        for (UUID store : terms.storeIds()) {
            jdbc.sql("insert into promotion_replica_store (promotion_id, store_id) values (:id, :store) on conflict do nothing")
                    .param("id", promotionId).param("store", store).update();
        }
    }
}
