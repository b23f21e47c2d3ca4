package io.kam.projection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.kam.accounts.api.Region;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.visits.api.CancellationReason;
import io.kam.visits.api.Checkpoint;
import io.kam.visits.api.ComplaintEvents.ComplaintClosed;
import io.kam.visits.api.ComplaintEvents.ComplaintInvestigationStarted;
import io.kam.visits.api.ComplaintEvents.ComplaintOpened;
import io.kam.visits.api.ComplaintEvents.ComplaintPromiseKept;
import io.kam.visits.api.ComplaintEvents.ComplaintResolved;
import io.kam.visits.api.ComplaintType;
import io.kam.visits.api.DisplayCheck;
import io.kam.visits.api.MustDiscuss;
import io.kam.visits.api.MustGo;
import io.kam.visits.api.ResolutionKind;
import io.kam.visits.api.ScoreParts;
import io.kam.visits.api.SkuCheck;
import io.kam.visits.api.StoreCheckEvents.SkuChanged;
import io.kam.visits.api.StoreCheckEvents.SkuDelisted;
import io.kam.visits.api.StoreCheckEvents.SkuListed;
import io.kam.visits.api.StoreCheckEvents.StoreCheckRecorded;
import io.kam.visits.api.TimeSlot;
import io.kam.visits.api.VisitEvents.VisitCancelled;
import io.kam.visits.api.VisitEvents.VisitCompleted;
import io.kam.visits.api.VisitEvents.VisitMissed;
import io.kam.visits.api.VisitEvents.VisitPlanned;
import io.kam.visits.api.VisitEvents.VisitPrepared;
import io.kam.visits.api.VisitOrigin;
import io.kam.visits.api.VisitOutcome;
import io.kam.visits.api.VisitPurpose;
import io.kam.visits.api.VisitType;

/**
 * One account's visits events as the visits service would publish them: one store per region, visits planned in
 * trading hours (10:00 in Shanghai) with the service's 48-hour log window, store checks, listed SKUs and complaints.
 */
public final class VisitFixture {

    private static final ZoneId MARKET = MarketCalendar.ZONE;
    private static final DisplayCheck DISPLAY = new DisplayCheck(1, true, false, true, false);
    private static final ScoreParts PARTS = new ScoreParts(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE);

    private final UUID accountId;
    private final Map<Region, UUID> stores = new EnumMap<>(Region.class);

    public VisitFixture(UUID accountId) {
        this.accountId = accountId;
    }

    public UUID accountId() {
        return accountId;
    }

    /** The account's store in the region, the same one every time. */
    public UUID store(Region region) {
        return stores.computeIfAbsent(region, r -> UUID.randomUUID());
    }

    /** A maintenance visit the schedule planned for the day, due that day. */
    public VisitPlanned scheduled(Region region, LocalDate day) {
        return planned(region, day, VisitOrigin.SCHEDULE);
    }

    /** A visit a person planned for the day, outside the schedule. */
    public VisitPlanned adHoc(Region region, LocalDate day) {
        return planned(region, day, VisitOrigin.AD_HOC);
    }

    /** When the visit was planned, for the events' times: three weeks before its day. */
    public static Instant plannedAt(VisitPlanned visit) {
        return visit.plannedDate().minusWeeks(3).atStartOfDay(MARKET).toInstant();
    }

    /** The visit prepared for another day (within its due week), with the deadline that day gives. */
    public static VisitPrepared movedTo(VisitPlanned v, LocalDate day) {
        return new VisitPrepared(v.accountId(), v.visitId(), v.storeId(), v.region(), v.type(), v.purpose(),
                "Check the end cap", day, TimeSlot.TRADING_HOURS, deadline(day), "Store manager's office", true,
                List.of(), null);
    }

    /** The visit's log, in time or late; it names the day the visit was planned for. */
    public static VisitCompleted completed(VisitPlanned v, LocalDate plannedDate, boolean late) {
        Instant at = late ? deadline(plannedDate).plusSeconds(3600) : start(plannedDate).plusSeconds(7200);
        Checkpoint note = new Checkpoint("Talked it through", null);
        return new VisitCompleted(v.accountId(), v.visitId(), v.storeId(), v.region(), "eric", "eric", v.type(),
                plannedDate, at, late, late ? "Phone battery died" : null, new MustDiscuss(note, note, note),
                new MustGo(note, note, note), VisitOutcome.OBJECTIVE_MET, null, List.of(), 0, 0, null);
    }

    public static VisitCompleted completed(VisitPlanned v, boolean late) {
        return completed(v, v.plannedDate(), late);
    }

    /** The sweep marked the visit missed. */
    public static VisitMissed missed(VisitPlanned v) {
        return new VisitMissed(v.accountId(), v.visitId(), v.storeId(), v.region(), "eric", v.origin(),
                v.plannedDate(), v.logDeadline());
    }

    public static VisitCancelled cancelled(VisitPlanned v) {
        return new VisitCancelled(v.accountId(), v.visitId(), v.storeId(), v.region(), "eric", v.plannedDate(),
                CancellationReason.STANDARD_CHANGED);
    }

    /** A store check in the region's store, scored as given, with these SKU lines. */
    public StoreCheckRecorded check(Region region, Instant checkedAt, String score, SkuCheck... skus) {
        return new StoreCheckRecorded(accountId, UUID.randomUUID(), UUID.randomUUID(), store(region), region, "eric",
                checkedAt, new BigDecimal(score), PARTS, List.of(skus), DISPLAY, List.of());
    }

    /** A store check in the given store, which found this many secondary displays, with these SKU lines. */
    public StoreCheckRecorded check(UUID storeId, Region region, Instant checkedAt, int secondaryDisplays,
                                    SkuCheck... skus) {
        return new StoreCheckRecorded(accountId, UUID.randomUUID(), UUID.randomUUID(), storeId, region, "eric",
                checkedAt, new BigDecimal("80.0"), PARTS, List.of(skus),
                new DisplayCheck(secondaryDisplays, true, false, true, false), List.of());
    }

    /** A SKU found on shelf at the price, with the deviation the visits service reports (two decimals, half up). */
    public static SkuCheck onShelf(String gtin, String shelfPrice, String agreedPrice, boolean outOfStock) {
        BigDecimal shelf = new BigDecimal(shelfPrice);
        BigDecimal agreed = new BigDecimal(agreedPrice);
        BigDecimal deviation = shelf.subtract(agreed).multiply(BigDecimal.valueOf(100)).divide(agreed, 2,
                RoundingMode.HALF_UP);
        return new SkuCheck(gtin, true, shelf, agreed, deviation, outOfStock ? 0 : 2, outOfStock);
    }

    public static SkuCheck onShelf(String gtin, String shelfPrice, String agreedPrice) {
        return onShelf(gtin, shelfPrice, agreedPrice, false);
    }

    /** A listed SKU without a place on the shelf. */
    public static SkuCheck offShelf(String gtin, String agreedPrice) {
        return new SkuCheck(gtin, false, null, new BigDecimal(agreedPrice), null, 0, false);
    }

    public SkuListed listed(String gtin, String name, String price) {
        return new SkuListed(accountId, gtin, name, new BigDecimal(price));
    }

    public SkuChanged renamed(SkuListed sku, String name) {
        return new SkuChanged(accountId, sku.gtin(), name, sku.agreedRetailPrice(), sku.agreedRetailPrice());
    }

    public SkuDelisted delisted(SkuListed sku) {
        return new SkuDelisted(accountId, sku.gtin());
    }

    public ComplaintOpened complaint(Region region, ComplaintType type) {
        return new ComplaintOpened(accountId, UUID.randomUUID(), store(region), region, type, "Leaking packs", null);
    }

    public static ComplaintInvestigationStarted investigating(ComplaintOpened c) {
        return new ComplaintInvestigationStarted(c.accountId(), c.complaintId(), c.storeId(), c.region(),
                "Checked with the plant");
    }

    public static ComplaintResolved promised(ComplaintOpened c, LocalDate promisedDate) {
        return new ComplaintResolved(c.accountId(), c.complaintId(), c.storeId(), c.region(),
                ResolutionKind.PROMISED_DATE, "Replacement with the next delivery", promisedDate);
    }

    public static ComplaintResolved remedied(ComplaintOpened c) {
        return new ComplaintResolved(c.accountId(), c.complaintId(), c.storeId(), c.region(), ResolutionKind.REMEDY,
                "Replaced on the spot", null);
    }

    public static ComplaintPromiseKept kept(ComplaintResolved r, LocalDate keptOn) {
        return new ComplaintPromiseKept(r.accountId(), r.complaintId(), r.storeId(), r.region(), r.promisedDate(),
                keptOn, keptOn.isAfter(r.promisedDate()));
    }

    public static ComplaintClosed closed(ComplaintOpened c) {
        return new ComplaintClosed(c.accountId(), c.complaintId(), c.storeId(), c.region(), "Withdrawn");
    }

    /** The start of the trading-hours slot on the day, in Shanghai. */
    static Instant start(LocalDate day) {
        return day.atTime(LocalTime.of(10, 0)).atZone(MARKET).toInstant();
    }

    /** The log deadline of a visit in trading hours on the day: 48 hours after it starts. */
    public static Instant deadline(LocalDate day) {
        return start(day).plusSeconds(48 * 3600);
    }

    private VisitPlanned planned(Region region, LocalDate day, VisitOrigin origin) {
        return new VisitPlanned(accountId, UUID.randomUUID(), store(region), region, "eric", origin,
                VisitType.MAINTENANCE, VisitPurpose.MAINTAIN_RELATIONSHIP,
                origin == VisitOrigin.SCHEDULE ? day : null, day, TimeSlot.TRADING_HOURS, deadline(day), null);
    }
}
