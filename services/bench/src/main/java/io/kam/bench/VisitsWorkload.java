package io.kam.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.kam.accounts.api.Region;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.events.Actor;
import io.kam.visits.api.DisplayCheck;
import io.kam.visits.api.SettingRequests;
import io.kam.visits.api.StoreCheckRequests;
import io.kam.visits.api.TimeSlot;
import io.kam.visits.api.VisitRequests;
import io.kam.visits.api.VisitType;
import io.kam.visits.listing.SkuBook;
import io.kam.visits.planning.ExtendSchedule;
import io.kam.visits.planning.PlanVisit;
import io.kam.visits.storecheck.RecordStoreCheck;

/**
 * Drives the visits service's real use cases: the schedule job over a store master of tier-A hypermarkets (weekly, so
 * thirteen visits each over the thirteen-week horizon), and store checks recorded by two writers.
 */
final class VisitsWorkload {

    static final String[] GTINS = {"06901234567892", "06901234567908", "06901234567915", "06901234567922",
            "06901234567939", "06901234567946", "06901234567953", "06901234567960", "06901234567977",
            "06901234567984"};
    private static final Actor BENCH = new Actor("bench", Set.of(Actor.NATIONAL_KA_MANAGER));
    private static final int ACCOUNTS = 20;
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(5);

    private final ExtendSchedule extendSchedule;
    private final PlanVisit planVisit;
    private final RecordStoreCheck recordStoreCheck;
    private final SkuBook skus;
    private final JdbcClient db;

    VisitsWorkload(ExtendSchedule extendSchedule, PlanVisit planVisit, RecordStoreCheck recordStoreCheck, SkuBook skus,
                   JdbcClient db) {
        this.extendSchedule = extendSchedule;
        this.planVisit = planVisit;
        this.recordStoreCheck = recordStoreCheck;
        this.skus = skus;
        this.db = db;
    }

    /** A store of the replica, as the schedule and the checks use it. */
    record Store(UUID id, UUID account, Region region) {
    }

    /**
     * Puts tier-A accounts with open hypermarkets into the replica (what the accounts listener keeps there), each
     * account listing ten SKUs, every region with a coordinator. Not measured.
     */
    List<Store> storeMaster(int stores, String prefix) {
        List<UUID> accounts = IntStream.range(0, ACCOUNTS).mapToObj(i -> UUID.randomUUID()).toList();
        for (UUID account : accounts) {
            db.sql("insert into account_replica (account_id, name, tier) values (?, ?, 'A')")
                    .params(account, prefix + " Mart " + account.toString().substring(0, 8)).update();
            for (String gtin : GTINS) {
                skus.list(account, gtin, -1, new SettingRequests.ListSku("SKU " + gtin, new BigDecimal("12.90")), BENCH);
            }
        }
        for (Region region : Region.values()) {
            db.sql("""
                    insert into region_coordinator (region, coordinator, changed_by, changed_at) values (?, ?, 'bench', now())
                    on conflict (region) do nothing""").params(region.name(), "coordinator-" + region.name().toLowerCase())
                    .update();
        }
        Region[] regions = Region.values();
        List<Store> created = new ArrayList<>();
        for (int i = 0; i < stores; i++) {
            Store store = new Store(UUID.randomUUID(), accounts.get(i % ACCOUNTS), regions[i % regions.length]);
            db.sql("""
                    insert into store_replica (store_id, account_id, code, name, city, region, format, opening_date, open)
                    values (?, ?, ?, ?, 'Wuhan', ?, 'HYPERMARKET', date '2020-01-01', true)""")
                    .params(store.id(), store.account(), prefix + "-" + i, "Bench store " + i, store.region().name())
                    .update();
            created.add(store);
        }
        return created;
    }

    /** The nightly schedule job over every open store; returns the visits it planned. */
    int generateSchedule() {
        return extendSchedule.extend();
    }

    /** Takes stores out of later runs (the warm-up's). */
    void close(List<Store> stores) {
        db.sql("update store_replica set open = false where store_id = any(?)")
                .param(stores.stream().map(Store::id).toArray(UUID[]::new)).update();
    }

    /** Plans {@code perStore} ad-hoc visits for today at every store, for the checks. Not measured. */
    List<UUID> visitsToday(List<Store> stores, int count) {
        LocalDate today = LocalDate.now(MarketCalendar.ZONE);
        List<UUID> visits = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Store store = stores.get(i % stores.size());
            visits.add(planVisit.plan(new VisitRequests.PlanVisit(store.region(), store.id(), null, VisitType.STORE_CHECK,
                    null, today, TimeSlot.values()[i % 3], null), BENCH).id());
        }
        return visits;
    }

    /** Two writers record a store check at each visit; returns the seconds until the last commit. */
    double recordChecks(List<UUID> visits) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            running.add(writers.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < visits.size(); ) {
                    recordStoreCheck.record(visits.get(i), aCheck(i), BENCH);
                }
                return null;
            }));
        }
        for (Future<?> writer : running) {
            writer.get();
        }
        writers.shutdown();
        return (System.nanoTime() - start) / 1e9;
    }

    /** A realistic check: ten SKUs, most on shelf near the agreed price, a few out of stock, display varying. */
    static StoreCheckRequests.RecordStoreCheck aCheck(int n) {
        List<StoreCheckRequests.SkuLine> lines = new ArrayList<>();
        for (int s = 0; s < GTINS.length; s++) {
            boolean onShelf = (n + s) % 7 != 0;
            BigDecimal price = new BigDecimal("12.90").add(BigDecimal.valueOf((n * 31 + s * 17) % 21 - 10, 1));
            lines.add(new StoreCheckRequests.SkuLine(GTINS[s], onShelf, onShelf ? price : null, onShelf ? 1 + s % 4 : 0,
                    onShelf && (n + s) % 11 == 0));
        }
        return new StoreCheckRequests.RecordStoreCheck(lines,
                new DisplayCheck(n % 3, n % 2 == 0, n % 3 == 0, n % 5 == 0, n % 4 == 0), List.of());
    }

    long unpublished() {
        return db.sql("select count(*) from kam_outbox where published_at is null").query(Long.class).single();
    }

    /** Seconds until the relay has published every event committed so far. */
    double awaitPublished(long since) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (unpublished() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the relay did not publish the backlog within " + DRAIN_TIMEOUT);
            }
            Thread.sleep(20); // polling the outbox; a benchmark, not a test
        }
        return (System.nanoTime() - since) / 1e9;
    }

    /** The newest envelope of a type, for sizing the raw measurements. */
    String sampleEnvelope(String type) {
        return db.sql("select envelope from kam_outbox where event_type = ? order by seq desc limit 1").param(type)
                .query(String.class).single();
    }

    Map<String, Long> counts() {
        return Map.of("visits", db.sql("select count(*) from visit").query(Long.class).single(),
                "storeChecks", db.sql("select count(*) from store_check").query(Long.class).single());
    }
}
