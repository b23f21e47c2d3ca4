package io.kam.visits.api;

import java.math.BigDecimal;

/**
 * The parts of a store check's execution-compliance score (执行达标分), each a share from 0 to 1 with four decimals;
 * the score weighs them 40, 20, 25 and 15 (see the visits service's {@code ComplianceScore}).
 *
 * @param distribution listed SKUs on shelf / listed SKUs
 * @param availability on-shelf SKUs in stock / on-shelf SKUs (0 when none is on shelf)
 * @param price        on-shelf SKUs priced within ±5 % of the agreed retail price / on-shelf SKUs (0 when none)
 * @param display      (secondary display present + POS material present / 3 + promoter present) / 3
 */
public record ScoreParts(BigDecimal distribution, BigDecimal availability, BigDecimal price, BigDecimal display) {
}
