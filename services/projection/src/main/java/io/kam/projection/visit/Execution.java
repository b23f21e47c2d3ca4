package io.kam.projection.visit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.kam.accounts.api.Region;
import io.kam.visits.api.ComplaintStatus;
import io.kam.visits.api.ComplaintType;

/**
 * Execution in the account's stores (拜访与终端执行) for its review: the same figures for the account as a whole and
 * for each region. Visits, checks and SKU observations count over the window {@code from} to {@code to} (the last
 * {@value ExecutionReader#WINDOW_WEEKS} weeks up to today in Asia/Shanghai, both days included); the last check day and
 * the complaints are as they stand now, whenever things happened.
 *
 * @param overall       the account's figures: every region together
 * @param byRegion      every region, zeros included
 * @param asOf          when the latest visits event the section reflects happened; null when none has arrived
 * @param eventsApplied how many visits events of the account the section reflects
 */
public record Execution(LocalDate from, LocalDate to, Figures overall, Map<Region, Figures> byRegion,
                        @Nullable Instant asOf, long eventsApplied) {

    /** The section as a coordinator of the region sees it: that region's figures only, also as the overall ones. */
    public Execution seenFrom(Region region) {
        Map<Region, Figures> only = new EnumMap<>(Region.class);
        only.put(region, byRegion.get(region));
        return new Execution(from, to, byRegion.get(region), only, asOf, eventsApplied);
    }

    public record Figures(Coverage coverage, Compliance compliance, Prices prices, Stock stock, Complaints complaints) {
    }

    /**
     * Visit coverage against the frequency standards: the visits the schedule planned (origin {@code SCHEDULE}) for a
     * day in the window up to today, cancelled ones excluded. Ad-hoc visits are no part of the standard.
     *
     * @param due             scheduled visits planned for a day in the window: done + missed + open
     * @param done            of those, logged, in time or late
     * @param doneLate        of the done, logged after their deadline
     * @param missed          not logged, deadline passed (marked missed by the visits service or not yet)
     * @param open            not logged yet, deadline still ahead
     * @param coveragePercent done / due in percent, one decimal, half up; null when nothing was due
     */
    public record Coverage(long due, long done, long doneLate, long missed, long open,
                           @Nullable BigDecimal coveragePercent) {
    }

    /**
     * Execution compliance: the store checks' compliance scores (0 to 100, as the visits service scored them).
     *
     * @param checks        store checks made on a day in the window
     * @param averageScore  their average score, one decimal, half up; null when there was none
     * @param lastCheckedOn the day of the latest check ever made, in or before the window; null when never checked
     */
    public record Compliance(long checks, @Nullable BigDecimal averageScore, @Nullable LocalDate lastCheckedOn) {
    }

    /**
     * Shelf prices against the agreed retail prices, over the SKU observations of the window's checks that found the
     * SKU on shelf with a price. A deviation is (shelf − agreed) / agreed × 100, as the check reported it.
     *
     * @param observations                    SKUs seen on shelf with a price
     * @param averageDeviationPercent         the average deviation, signed (above the agreed price is positive),
     *                                        two decimals; null without observations
     * @param averageAbsoluteDeviationPercent the average distance from the agreed price either way, two decimals
     * @param worstDeviationPercent           the deviation furthest from the agreed price, signed (the higher one
     *                                        when two are as far)
     * @param outsideTolerance                observations more than 5 % from the agreed price either way (exactly 5 %
     *                                        complies, as in the compliance score)
     * @param outsideTolerancePercent         outsideTolerance / observations in percent, one decimal
     * @param mostOftenOffPrice               the SKUs most often outside the tolerance, at most five: most off-price
     *                                        observations first, then the furthest worst deviation, then the GTIN
     */
    public record Prices(long observations, @Nullable BigDecimal averageDeviationPercent,
                         @Nullable BigDecimal averageAbsoluteDeviationPercent,
                         @Nullable BigDecimal worstDeviationPercent, long outsideTolerance,
                         @Nullable BigDecimal outsideTolerancePercent, List<OffPriceSku> mostOftenOffPrice) {
    }

    /**
     * A SKU found off price.
     *
     * @param name                  its name as listed for the account; null when its listing was not seen
     * @param offPrice              its observations outside the tolerance
     * @param observations          its observations on shelf with a price
     * @param worstDeviationPercent its deviation furthest from the agreed price, signed
     */
    public record OffPriceSku(String gtin, @Nullable String name, long offPrice, long observations,
                              BigDecimal worstDeviationPercent) {
    }

    /**
     * Out of stock: every SKU line of the window's checks counts as an observation.
     *
     * @param observations      SKU lines of the checks
     * @param outOfStock        lines whose SKU had its place on the shelf but the place was empty
     * @param offShelf          lines whose SKU had no place on the shelf (a distribution gap, not out of stock)
     * @param outOfStockPercent outOfStock / observations in percent, one decimal; null without observations
     */
    public record Stock(long observations, long outOfStock, long offShelf, @Nullable BigDecimal outOfStockPercent) {
    }

    /**
     * Complaints as they stand now, whenever they were opened.
     *
     * @param open            complaints OPEN or INVESTIGATING, and those resolved with a promised date until the
     *                        promise is kept: the retailer still waits for them
     * @param awaitingPromise those resolved with a promised date not yet kept (counted in {@code open})
     * @param openByType      the open ones, by type (every type, zeros included)
     * @param byStatus        every complaint, by status (every status, zeros included)
     * @param overduePromises resolved with a promised date that is before today in Asia/Shanghai and was not kept
     * @param oldestOpenSince the day (Asia/Shanghai) the oldest open complaint was opened; null when none is open
     * @param oldestOpenDays  days from that day to today; null when none is open
     */
    public record Complaints(long open, long awaitingPromise, Map<ComplaintType, Long> openByType, Map<ComplaintStatus, Long> byStatus,
                             long overduePromises, @Nullable LocalDate oldestOpenSince, @Nullable Long oldestOpenDays) {
    }
}
