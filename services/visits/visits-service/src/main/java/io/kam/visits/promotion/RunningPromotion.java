package io.kam.visits.promotion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.kam.promotions.api.Mechanic;
import io.kam.promotions.api.PromotionStatus;
import io.kam.visits.api.ExecutionViews;

/**
 * A promotion running in a store, as the replica holds it, and what its execution there calls for: the promoted price
 * on the shelf of every promoted SKU always; a built display when a mechanic is {@code FEATURE_DISPLAY}; POS material
 * (the DM, the flyer, the material announcing a gift or a lottery) for {@code DM_FLYER}, {@code GIFT_WITH_PURCHASE} or
 * {@code LOTTERY}; a promoter for {@code IN_STORE_PROMOTERS} or {@code SAMPLING} (tasting needs someone to serve it).
 */
public record RunningPromotion(UUID promotionId, UUID accountId, int revision, String name, Set<Mechanic> mechanics,
                               LocalDate inStoreFrom, LocalDate inStoreTo, PromotionStatus status,
                               List<PromotedPrice> skus) {

    private static final Set<Mechanic> DISPLAY = EnumSet.of(Mechanic.FEATURE_DISPLAY);
    private static final Set<Mechanic> POS_MATERIAL = EnumSet.of(Mechanic.DM_FLYER, Mechanic.GIFT_WITH_PURCHASE,
            Mechanic.LOTTERY);
    private static final Set<Mechanic> PROMOTER = EnumSet.of(Mechanic.IN_STORE_PROMOTERS, Mechanic.SAMPLING);

    public RunningPromotion {
        mechanics = Set.copyOf(mechanics);
        skus = List.copyOf(skus);
    }

    /** A promoted SKU (GTIN of 14 digits) and its promoted price in yuan. */
    public record PromotedPrice(String gtin, BigDecimal promotedPrice) {
    }

    public ExecutionViews.RunningPromotionView view() {
        return new ExecutionViews.RunningPromotionView(promotionId, revision, name,
                mechanics.stream().map(Mechanic::name).sorted().toList(), inStoreFrom, inStoreTo,
                skus.stream().map(s -> new ExecutionViews.PromotedPrice(s.gtin(), s.promotedPrice())).toList(),
                callsForDisplay(), callsForPosMaterial(), callsForPromoter());
    }

    public boolean callsForDisplay() {
        return mechanics.stream().anyMatch(DISPLAY::contains);
    }

    public boolean callsForPosMaterial() {
        return mechanics.stream().anyMatch(POS_MATERIAL::contains);
    }

    public boolean callsForPromoter() {
        return mechanics.stream().anyMatch(PROMOTER::contains);
    }
}
