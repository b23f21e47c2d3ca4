package io.kam.visits.storecheck;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

import io.kam.visits.api.DisplayCheck;
import io.kam.visits.api.ScoreParts;
import io.kam.visits.api.SkuCheck;

/**
 * The execution-compliance score (执行达标分) of a store check, from 0 to 100:
 *
 * <pre>
 *   score = 40 × distribution + 20 × availability + 25 × price + 15 × display
 *
 *   distribution = listed SKUs on shelf / listed SKUs                                        (铺货)
 *   availability = on-shelf SKUs not out of stock / on-shelf SKUs; 0 when none is on shelf   (有货)
 *   price        = on-shelf SKUs with |shelf − agreed| ≤ 5 % of agreed / on-shelf SKUs;
 *                  0 when none is on shelf                                                   (价格)
 *   display      = (secondary display ≥ 1 ? 1 : 0  +  POS material present / 3
 *                   +  promoter present ? 1 : 0) / 3, POS material being poster, hanging
 *                  flag and display cabinet                                                  (陈列与物料)
 * </pre>
 *
 * The score is computed from the exact shares and rounded to one decimal, half up; the parts are reported rounded to
 * four decimals. Distribution weighs most because a SKU off the shelf sells nothing; a store with nothing on shelf
 * scores at most 15, from display alone.
 */
public final class ComplianceScore {

    public static final BigDecimal DISTRIBUTION_WEIGHT = BigDecimal.valueOf(40);
    public static final BigDecimal AVAILABILITY_WEIGHT = BigDecimal.valueOf(20);
    public static final BigDecimal PRICE_WEIGHT = BigDecimal.valueOf(25);
    public static final BigDecimal DISPLAY_WEIGHT = BigDecimal.valueOf(15);
    /** A shelf price within this many percent of the agreed retail price, either way, complies. */
    public static final BigDecimal PRICE_TOLERANCE_PERCENT = BigDecimal.valueOf(5);

    private static final MathContext EXACT = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal THREE = BigDecimal.valueOf(3);

    private ComplianceScore() {
    }

    /** A score and its parts. */
    public record Scored(BigDecimal score, ScoreParts parts) {
    }

    /** Scores a check of at least one listed SKU. */
    public static Scored of(List<SkuCheck> skus, DisplayCheck display) {
        if (skus.isEmpty()) {
            throw new IllegalArgumentException("a store check scores the account's listed SKUs; there were none");
        }
        long onShelf = skus.stream().filter(SkuCheck::onShelf).count();
        long inStock = skus.stream().filter(s -> s.onShelf() && !s.outOfStock()).count();
        long priced = skus.stream().filter(s -> s.onShelf() && withinTolerance(s)).count();
        BigDecimal distribution = share(onShelf, skus.size());
        BigDecimal availability = share(inStock, onShelf);
        BigDecimal price = share(priced, onShelf);
        BigDecimal displayShare = BigDecimal.valueOf(display.secondaryDisplays() > 0 ? 1 : 0)
                .add(BigDecimal.valueOf(display.posMaterialPresent()).divide(THREE, EXACT))
                .add(BigDecimal.valueOf(display.promoterPresent() ? 1 : 0))
                .divide(THREE, EXACT);
        BigDecimal score = DISTRIBUTION_WEIGHT.multiply(distribution).add(AVAILABILITY_WEIGHT.multiply(availability))
                .add(PRICE_WEIGHT.multiply(price)).add(DISPLAY_WEIGHT.multiply(displayShare))
                .setScale(1, RoundingMode.HALF_UP);
        return new Scored(score, new ScoreParts(four(distribution), four(availability), four(price), four(displayShare)));
    }

    /** (shelf − agreed) / agreed × 100, two decimals, half up. */
    public static BigDecimal deviationPercent(BigDecimal shelf, BigDecimal agreed) {
        return shelf.subtract(agreed).multiply(HUNDRED).divide(agreed, 2, RoundingMode.HALF_UP);
    }

    /** Whether the shelf price lies within ±5 % of the agreed retail price, both ends included. */
    static boolean withinTolerance(SkuCheck sku) {
        BigDecimal allowed = sku.agreedRetailPrice().multiply(PRICE_TOLERANCE_PERCENT);
        return sku.shelfPrice().subtract(sku.agreedRetailPrice()).abs().multiply(HUNDRED).compareTo(allowed) <= 0;
    }

    private static BigDecimal share(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), EXACT);
    }

    private static BigDecimal four(BigDecimal share) {
        return share.setScale(4, RoundingMode.HALF_UP);
    }
}
