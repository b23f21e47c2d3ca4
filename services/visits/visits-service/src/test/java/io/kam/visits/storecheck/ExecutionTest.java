package io.kam.visits.storecheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.promotions.api.Mechanic;
import io.kam.promotions.api.PromotionStatus;
import io.kam.visits.api.SkuCheck;
import io.kam.visits.api.StoreCheckRequests.PromotionExecution;
import io.kam.visits.promotion.RunningPromotion;

class ExecutionTest {

    static final String MILK = "06901234567892";
    static final String YOGHURT = "06901234567908";

    @Test
    void thePromotedPriceMustBeOnTheShelfToTheCent_aSkuOffTheShelfOrUncheckedHasNone() {
        var promotion = promotion(Set.of(Mechanic.PRICE_DISCOUNT), "11.90", "7.90");
        var execution = Execution.found(promotion, new PromotionExecution(promotion.promotionId(), null, null, null),
                Map.of(MILK, onShelf(MILK, "11.9"), YOGHURT, offShelf(YOGHURT)));

        assertThat(execution.prices()).extracting(p -> p.correct()).containsExactly(true, false);
        assertThat(execution.prices().get(1).shelfPrice()).isNull();
        assertThat(execution.deviations()).containsExactly("price:" + YOGHURT, "photo");
        assertThat(Execution.found(promotion, new PromotionExecution(promotion.promotionId(), null, null, null),
                Map.of(MILK, onShelf(MILK, "11.80"))).deviations())
                .as("cheaper is not the promoted price either; an unchecked SKU has no price")
                .containsExactly("price:" + MILK, "price:" + YOGHURT, "photo");
    }

    @Test
    void eachElementCalledForThatFailedIsADeviation_andAPhotoMakesItExecuted() {
        var promotion = promotion(Set.of(Mechanic.FEATURE_DISPLAY, Mechanic.DM_FLYER, Mechanic.SAMPLING), "11.90");
        var found = Execution.found(promotion, new PromotionExecution(promotion.promotionId(), false, false, false),
                Map.of(MILK, onShelf(MILK, "11.90")));

        assertThat(found.deviations()).containsExactly("display", "pos-material", "promoter", "photo");
        assertThat(found.executed()).isFalse();
        var executed = Execution.found(promotion, new PromotionExecution(promotion.promotionId(), true, true, true),
                Map.of(MILK, onShelf(MILK, "11.90"))).photographed(UUID.randomUUID());
        assertThat(executed.deviations()).isEmpty();
        assertThat(executed.executed()).isTrue();
    }

    private static RunningPromotion promotion(Set<Mechanic> mechanics, String... prices) {
        List<String> gtins = List.of(MILK, YOGHURT);
        List<RunningPromotion.PromotedPrice> skus = new java.util.ArrayList<>();
        for (int i = 0; i < prices.length; i++) {
            skus.add(new RunningPromotion.PromotedPrice(gtins.get(i), new BigDecimal(prices[i])));
        }
        return new RunningPromotion(UUID.randomUUID(), UUID.randomUUID(), 1, "Spring dairy week", mechanics,
                LocalDate.of(2030, 3, 1), LocalDate.of(2030, 3, 14), PromotionStatus.RUNNING, skus);
    }

    private static SkuCheck onShelf(String gtin, String price) {
        return new SkuCheck(gtin, true, new BigDecimal(price), new BigDecimal("13.50"), BigDecimal.ZERO, 4, false);
    }

    private static SkuCheck offShelf(String gtin) {
        return new SkuCheck(gtin, false, null, new BigDecimal("8.80"), null, 0, false);
    }
}
