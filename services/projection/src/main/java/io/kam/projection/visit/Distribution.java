package io.kam.projection.visit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.Region;

/**
 * Distribution (铺货) of the account's listed SKUs for the review's year, against the same span a year earlier: how
 * many SKUs are listed and how many stores carry them, with the shelf-price index and the secondary displays found in
 * store checks. These figures are the plan's LISTED_SKUS, NEW_LISTINGS, STORES_CARRYING, SHELF_PRICE_INDEX and
 * SECONDARY_DISPLAYS actuals.
 * <p>
 * Rules, over a period {@code from} to {@code to} (days in Asia/Shanghai, both included):
 * <ul>
 * <li>a SKU is <em>listed</em> in the period when a listing left it listed at some moment of it (listed at its start
 * or listed during it); {@code listedSkus} counts those listed at its end, {@code newListings} those whose first
 * listing ever falls in it;</li>
 * <li>a store is <em>open</em> when it is open at the period's end (open now, or closed after that day);</li>
 * <li>an open store <em>carries</em> a listed SKU when it sold it (a sell-through figure with units above zero on a
 * day of the period) or a store check of the period found it on the shelf (out of stock included: its place is
 * there); numeric distribution = stores carrying ÷ stores open × 100, one decimal, half up;</li>
 * <li>shelf-price index = 100 × the average of shelf price ÷ agreed retail price over the period's store-check SKU
 * lines that have both, each line weighing the same, one decimal, half up;</li>
 * <li>secondary displays: the placements the latest check of the period found in each store, summed over the
 * stores checked (a display seen at two checks of a store counts once).</li>
 * </ul>
 *
 * @param year                           the review's year
 * @param thisYear                       the year up to today (the whole year once it is over)
 * @param lastYear                       the same span a year earlier
 * @param numericDistributionChangePoints this year's numeric distribution minus last year's, in percentage points;
 *                                       null while either is missing
 */
public record Distribution(int year, Period thisYear, Period lastYear,
                           @Nullable BigDecimal numericDistributionChangePoints) {

    static Distribution of(int year, Period thisYear, Period lastYear) {
        BigDecimal now = thisYear.overall().numericDistributionPercent();
        BigDecimal then = lastYear.overall().numericDistributionPercent();
        return new Distribution(year, thisYear, lastYear, now == null || then == null ? null : now.subtract(then));
    }

    /** The section as a coordinator of the region sees it: that region's figures only, also as the overall ones. */
    public Distribution seenFrom(Region region) {
        return of(year, thisYear.seenFrom(region), lastYear.seenFrom(region));
    }

    /**
     * @param listedSkus  SKUs listed at the period's end; null while no listing of the account is known by then
     * @param newListings SKUs first listed in the period; null like listedSkus
     * @param overall     the account's figures: every region together
     * @param byRegion    every region, zeros included
     */
    public record Period(LocalDate from, LocalDate to, @Nullable Long listedSkus, @Nullable Long newListings,
                         Figures overall, Map<Region, Figures> byRegion) {

        Period seenFrom(Region region) {
            Map<Region, Figures> only = new EnumMap<>(Region.class);
            only.put(region, byRegion.get(region));
            return new Period(from, to, listedSkus, newListings, byRegion.get(region), only);
        }
    }

    /**
     * @param storesOpen                 stores open at the period's end
     * @param storesCarrying             of those, the stores that carried at least one listed SKU
     * @param numericDistributionPercent storesCarrying ÷ storesOpen × 100, one decimal; null without open stores
     * @param pricedLines                store-check SKU lines with a shelf and an agreed price
     * @param shelfPriceIndex            100 × their average shelf ÷ agreed price, one decimal; null without lines
     * @param storesChecked              stores with a check of the period that reported its displays
     * @param secondaryDisplays          the placements the latest of those checks found, summed over the stores
     * @param bySku                      every SKU listed in the period, most stores carrying first, then by GTIN
     */
    public record Figures(long storesOpen, long storesCarrying, @Nullable BigDecimal numericDistributionPercent,
                          long pricedLines, @Nullable BigDecimal shelfPriceIndex, long storesChecked,
                          long secondaryDisplays, List<Sku> bySku) {
    }

    /**
     * @param name                       its name as listed for the account; null when not known
     * @param storesCarrying             open stores that carried it
     * @param numericDistributionPercent storesCarrying ÷ stores open × 100, one decimal; null without open stores
     */
    public record Sku(String gtin, @Nullable String name, long storesCarrying,
                      @Nullable BigDecimal numericDistributionPercent) {
    }

    /** part ÷ whole × 100, one decimal, half up; null when whole is zero. */
    static @Nullable BigDecimal percent(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
