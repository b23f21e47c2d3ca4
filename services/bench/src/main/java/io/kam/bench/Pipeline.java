package io.kam.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.kam.accounts.account.OpenAccount;
import io.kam.accounts.api.AccountRequests;
import io.kam.accounts.api.AccountScope;
import io.kam.accounts.api.Address;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import io.kam.accounts.store.OpenStores;

/** Drives real account use cases and reads what the projection applied, from both services' databases. */
final class Pipeline {

    private static final int STORES_PER_TRANSACTION = 50;
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(5);

    private final OpenAccount openAccount;
    private final OpenStores openStores;
    private final JdbcClient accountsDb;
    private final JdbcClient projectionDb;

    Pipeline(OpenAccount openAccount, OpenStores openStores, JdbcClient accountsDb, JdbcClient projectionDb) {
        this.openAccount = openAccount;
        this.openStores = openStores;
        this.accountsDb = accountsDb;
        this.projectionDb = projectionDb;
    }

    /**
     * Two writers commit at least {@code events} account events (an account, then its stores in transactions of
     * 50); the clock stops when the projection has applied the last of them.
     */
    Throughput throughput(int events) throws Exception {
        long base = applied();
        AtomicLong committed = new AtomicLong();
        int writers = 2;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            running.add(pool.submit(() -> {
                while (committed.get() < events) {
                    UUID account = openAccount.open(anAccount(), PipelineBenchmark.BENCH).id();
                    committed.incrementAndGet();
                    for (int batch = 0; batch < 4 && committed.get() < events; batch++) {
                        openStores.open(account, stores(batch * STORES_PER_TRANSACTION, STORES_PER_TRANSACTION), PipelineBenchmark.BENCH);
                        committed.addAndGet(STORES_PER_TRANSACTION);
                    }
                }
                return null;
            }));
        }
        for (Future<?> writer : running) {
            writer.get();
        }
        pool.shutdown();
        long committedAt = System.nanoTime();
        long total = committed.get();
        awaitPublished();
        long publishedAt = System.nanoTime();
        awaitApplied(base + total);
        long drainedAt = System.nanoTime();
        double commitSeconds = (committedAt - start) / 1e9;
        double endToEndSeconds = (drainedAt - start) / 1e9;
        double publishSeconds = (publishedAt - start) / 1e9;
        return new Throughput(total, writers, STORES_PER_TRANSACTION, PipelineBenchmark.round(commitSeconds),
                PipelineBenchmark.round(publishSeconds), PipelineBenchmark.round(endToEndSeconds),
                Math.round(total / commitSeconds), Math.round(total / publishSeconds), Math.round(total / endToEndSeconds));
    }

    /**
     * Offers store openings at a fixed rate (ten per transaction, every 10 ms at 1,000 events/s) and measures, per
     * event, the time from the commit returning to the projection applying it.
     */
    Freshness freshness(int rate, Duration duration) throws Exception {
        List<UUID> accounts = IntStream.range(0, 20).mapToObj(i -> openAccount.open(anAccount(), PipelineBenchmark.BENCH).id()).toList();
        Map<UUID, Instant> commits = new ConcurrentHashMap<>();
        int perTransaction = Math.max(1, rate / 100);
        long periodNanos = (long) (perTransaction * 1e9 / rate);
        AtomicInteger sequence = new AtomicInteger();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long base = applied();
        Instant phaseStart = Instant.now();
        long start = System.nanoTime();
        ticker.scheduleAtFixedRate(() -> writers.submit(() -> {
            int n = sequence.getAndIncrement();
            UUID account = accounts.get(n % accounts.size());
            var opened = openStores.open(account, stores(100_000 + n * perTransaction, perTransaction), PipelineBenchmark.BENCH);
            Instant committed = Instant.now();
            opened.forEach(store -> commits.put(store.id(), committed));
        }), 0, periodNanos, TimeUnit.NANOSECONDS);
        Thread.sleep(duration.toMillis()); // the offered-load window of the benchmark itself, not a test wait
        ticker.shutdown();
        writers.shutdown();
        writers.awaitTermination(1, TimeUnit.MINUTES);
        double offeredSeconds = (System.nanoTime() - start) / 1e9;
        awaitApplied(base + commits.size());

        Map<UUID, UUID> storeOfEvent = new ConcurrentHashMap<>();
        accountsDb.sql("""
                        select event_id, (envelope::jsonb #>> '{data,storeId}')::uuid from kam_outbox
                        where event_type = 'kam.store.opened' and created_at >= :since""")
                .param("since", OffsetDateTime.ofInstant(phaseStart, java.time.ZoneOffset.UTC))
                .query((rs, i) -> storeOfEvent.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
        List<Long> millis = new ArrayList<>();
        projectionDb.sql("select event_id, processed_at from kam_processed_event where consumer = 'projection' and event_id = any(:ids)")
                .param("ids", storeOfEvent.keySet().toArray(UUID[]::new))
                .query((rs, i) -> {
                    Instant committed = commits.get(storeOfEvent.get(rs.getObject(1, UUID.class)));
                    if (committed != null) {
                        Instant applied = rs.getObject(2, OffsetDateTime.class).toInstant();
                        millis.add(Math.max(0, Duration.between(committed, applied).toMillis()));
                    }
                    return null;
                }).list();
        millis.sort(Long::compare);
        double mean = millis.stream().mapToLong(Long::longValue).average().orElse(-1);
        return new Freshness(rate, Math.round(commits.size() / offeredSeconds), millis.size(),
                PipelineBenchmark.percentile(millis, 0.50), PipelineBenchmark.percentile(millis, 0.99),
                millis.isEmpty() ? -1 : millis.getLast(), PipelineBenchmark.round(mean));
    }

    /** A typical envelope of this pipeline, for sizing the raw measurements. */
    String sampleEnvelope() {
        return accountsDb.sql("select envelope from kam_outbox where event_type = 'kam.store.opened' order by seq desc limit 1")
                .query(String.class).single();
    }

    private long applied() {
        return projectionDb.sql("select count(*) from kam_processed_event where consumer = 'projection'")
                .query(Long.class).single();
    }

    private void awaitPublished() throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (accountsDb.sql("select count(*) from kam_outbox where published_at is null").query(Long.class).single() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the relay did not publish the backlog within " + DRAIN_TIMEOUT);
            }
            Thread.sleep(20); // polling the outbox; a benchmark, not a test
        }
    }

    private void awaitApplied(long target) throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        while (applied() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the projection did not catch up within " + DRAIN_TIMEOUT);
            }
            Thread.sleep(20); // polling the projection's database; a benchmark, not a test
        }
    }

    private static AccountRequests.OpenAccount anAccount() {
        return new AccountRequests.OpenAccount("Bench Mart " + UUID.randomUUID(), "Bench Mart", RetailFormat.SUPERMARKET,
                null, new Address("1 Test Road", "Wuhan", "Hubei", null), AccountScope.NATIONAL, null, "bench", null, null);
    }

    private static List<AccountRequests.OpenStore> stores(int from, int count) {
        Region[] regions = Region.values();
        return IntStream.range(from, from + count)
                .mapToObj(i -> new AccountRequests.OpenStore("B-" + i, "Bench store " + i, "Wuhan",
                        regions[i % regions.length], RetailFormat.SUPERMARKET, LocalDate.of(2024, 1, 1)))
                .toList();
    }

    /**
     * Seconds from the first write until the last commit, until the relay had published everything, and until the
     * projection had applied everything; and the rates they imply.
     */
    record Throughput(long events, int writers, int eventsPerTransaction, double commitSeconds, double publishedSeconds,
                      double endToEndSeconds, long commitEventsPerSecond, long publishedEventsPerSecond,
                      long endToEndEventsPerSecond) {
    }

    record Freshness(int offeredEventsPerSecond, long achievedEventsPerSecond, int measured, long p50Millis,
                     long p99Millis, long maxMillis, double meanMillis) {
    }
}
