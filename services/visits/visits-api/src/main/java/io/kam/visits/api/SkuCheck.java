package io.kam.visits.api;

import java.math.BigDecimal;

/**
 * What a store check found for one listed SKU.
 *
 * @param gtin              the SKU's GTIN, as 14 digits
 * @param onShelf           whether the SKU has its place on the shelf
 * @param shelfPrice        the price on the shelf label, in yuan; null when not on shelf
 * @param agreedRetailPrice the retail price agreed with the account, in yuan
 * @param deviationPercent  (shelf − agreed) / agreed × 100, two decimals, half up; null when not on shelf
 * @param facings           facings the SKU has on the shelf; 0 when not on shelf
 * @param outOfStock        whether its place on the shelf is empty
 */
public record SkuCheck(String gtin, boolean onShelf, BigDecimal shelfPrice, BigDecimal agreedRetailPrice,
                       BigDecimal deviationPercent, int facings, boolean outOfStock) {
}
