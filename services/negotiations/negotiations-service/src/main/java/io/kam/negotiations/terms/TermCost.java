package io.kam.negotiations.terms;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * A term's annual cost to us (yuan, scale 2), with what a reader needs to redo it: {@code units}, the count a per-store
 * or per-SKU amount was multiplied by (null for other shapes), and {@code appliedPercent}, the percent of the basis it
 * costs (null for amounts).
 */
public record TermCost(BigDecimal annualCost, @Nullable Long units, @Nullable BigDecimal appliedPercent) {
}
