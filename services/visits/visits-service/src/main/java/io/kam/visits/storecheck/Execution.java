package io.kam.visits.storecheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.visits.api.SkuCheck;
import io.kam.visits.api.StoreCheckEvents.PromotedPriceCheck;
import io.kam.visits.api.StoreCheckEvents.PromotionExecutionChecked;
import io.kam.visits.api.StoreCheckRequests;
import io.kam.visits.promotion.RunningPromotion;

/**
 * How a store check found one running promotion executed (促销执行). Every promoted SKU must carry its promoted price
 * on the shelf, to the cent (a SKU off the shelf, or not among the account's listed SKUs and so not checked, has
 * none); each element the mechanics call for must be there; and a photo of the check must show it. The deviations
 * name what failed, in this order: {@code price:<gtin>} per SKU, {@code display}, {@code pos-material},
 * {@code promoter}, {@code photo}; the promotion is executed when there is none.
 *
 * @param photoId the latest photo added to the check for the promotion; null until one is
 */
record Execution(UUID promotionId, int revision, List<PromotedPriceCheck> prices, @Nullable Boolean displayBuilt,
                 @Nullable Boolean posMaterialPresent, @Nullable Boolean promoterPresent, @Nullable UUID photoId) {

    Execution {
        prices = List.copyOf(prices);
    }

    /** What the check found of the promotion: its answers, and the shelf prices of the check's SKU lines. */
    static Execution found(RunningPromotion promotion, StoreCheckRequests.PromotionExecution answer,
                           Map<String, SkuCheck> skusByGtin) {
        List<PromotedPriceCheck> prices = promotion.skus().stream().map(sku -> {
            SkuCheck line = skusByGtin.get(sku.gtin());
            var shelf = line == null ? null : line.shelfPrice();
            return new PromotedPriceCheck(sku.gtin(), sku.promotedPrice(), shelf,
                    shelf != null && shelf.compareTo(sku.promotedPrice()) == 0);
        }).toList();
        return new Execution(promotion.promotionId(), promotion.revision(), prices, answer.displayBuilt(),
                answer.posMaterialPresent(), answer.promoterPresent(), null);
    }

    Execution photographed(UUID photo) {
        return new Execution(promotionId, revision, prices, displayBuilt, posMaterialPresent, promoterPresent, photo);
    }

    List<String> deviations() {
        List<String> deviations = new ArrayList<>();
        prices.stream().filter(p -> !p.correct()).forEach(p -> deviations.add("price:" + p.gtin()));
        if (Boolean.FALSE.equals(displayBuilt)) {
            deviations.add("display");
        }
        if (Boolean.FALSE.equals(posMaterialPresent)) {
            deviations.add("pos-material");
        }
        if (Boolean.FALSE.equals(promoterPresent)) {
            deviations.add("promoter");
        }
        if (photoId == null) {
            deviations.add("photo");
        }
        return List.copyOf(deviations);
    }

    boolean executed() {
        return deviations().isEmpty();
    }

    PromotionExecutionChecked event(StoreCheck check) {
        return new PromotionExecutionChecked(check.accountId(), check.id(), check.visitId(), check.storeId(),
                check.region(), promotionId, revision, check.checkedBy(), check.checkedAt(), prices, displayBuilt,
                posMaterialPresent, promoterPresent, photoId, executed(), deviations());
    }
}
