package io.kam.visits.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import io.kam.accounts.api.ValueTier;

/** Response bodies of the settings and of the store master as this service knows it. */
public final class SettingViews {

    private SettingViews() {
    }

    /** The standard of one tier and store format; who set it last, and when. */
    public record StandardView(ValueTier tier, RetailFormat format, VisitFrequency frequency, String changedBy,
                               Instant changedAt) {
    }

    /**
     * A standard set or removed, and what re-planning the stores it governs did: stores re-planned, visits planned
     * and visits cancelled (from tomorrow to the horizon).
     */
    public record StandardChangeView(ValueTier tier, RetailFormat format, VisitFrequency frequency,
                                     VisitFrequency previous, int storesReplanned, int visitsPlanned,
                                     int visitsCancelled) {
    }

    /** A region's coordinator set or cleared, and how many of its visits still to be made moved to the new one. */
    public record RegionChangeView(RegionView region, String previousCoordinator, int visitsReassigned) {
    }

    /**
     * A region and its coordinator. {@code assigned} is false while the region has none: its scheduled visits are
     * then planned without a coordinator and show as unassigned until one is set.
     */
    public record RegionView(Region region, String coordinator, boolean assigned, String changedBy, Instant changedAt) {
    }

    public record SkuView(UUID accountId, String gtin, String name, BigDecimal agreedRetailPrice, long version) {
    }

    /** The account's policy; {@code version} is null while none was ever set (nothing is allowed then). */
    public record CommitmentPolicyView(UUID accountId, List<CommitmentType> allowed, Long version) {
    }

    /**
     * A store as the schedule sees it: its account's tier, the standard that applies and the coordinator, or why it
     * is not planned ({@code unplannedReason}: {@code CLOSED}, {@code ACCOUNT_NOT_CLASSIFIED}, {@code NO_STANDARD}).
     */
    public record StoreView(UUID storeId, UUID accountId, String accountName, String code, String name, String city,
                            Region region, RetailFormat format, LocalDate openingDate, boolean open, ValueTier tier,
                            VisitFrequency frequency, String coordinator, String unplannedReason) {
    }
}
