package io.kam.sellthrough.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.kam.platform.outbox.Outbox;
import io.kam.sellthrough.api.BatchStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.kam.sellthrough.SellThroughProperties;

/**
 * What every batch run shares: the database, transactions, outbox, batch table and settings; the threads that write
 * batches ({@code concurrent-batches} of them; more batches wait their turn); and the batches being read right now,
 * whose progress goes to the batch table every second, from a thread of its own: nothing else (a pull blocked on a
 * slow source, another scheduled task) can hold up the heartbeat that keeps a live run from being taken over.
 */
@Component
class Ingestion implements DisposableBean {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Ingestion.class);

    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final Outbox outbox;
    private final Batches batches;
    private final SellThroughProperties properties;
    private final ExecutorService writers;
    private final Map<Long, Live> receiving = new ConcurrentHashMap<>();
    private final java.util.concurrent.ScheduledExecutorService heartbeat;

    /** A run being read by this instance: its attempt fences its updates. */
    private record Live(int attempt, Tally tally) {
    }
    private final MeterRegistry meters;

    Ingestion(DataSource dataSource, PlatformTransactionManager transactionManager, Outbox outbox, Batches batches,
              SellThroughProperties properties, ObjectProvider<MeterRegistry> meters) {
        this.meters = meters.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new);
        Gauge.builder("kam.sellthrough.batches.receiving", receiving, Map::size)
                .description("Batches being read and stored by this instance right now").register(this.meters);
        this.dataSource = dataSource;
        this.transactions = new TransactionTemplate(transactionManager);
        this.outbox = outbox;
        this.batches = batches;
        this.properties = properties;
        AtomicInteger threads = new AtomicInteger();
        this.writers = Executors.newFixedThreadPool(properties.concurrentBatches(), task -> {
            Thread thread = new Thread(task, "sellthrough-writer-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "sellthrough-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        this.heartbeat.scheduleWithFixedDelay(this::reportProgress, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
    }

    DataSource dataSource() {
        return dataSource;
    }

    TransactionTemplate transactions() {
        return transactions;
    }

    Outbox outbox() {
        return outbox;
    }

    Batches batches() {
        return batches;
    }

    SellThroughProperties properties() {
        return properties;
    }

    ExecutorService writers() {
        return writers;
    }

    void receiving(BatchRow run, Tally tally) {
        receiving.put(run.no(), new Live(run.attempt(), tally));
    }

    void received(long batchNo) {
        receiving.remove(batchNo);
    }

    /**
     * Counts a finished batch: {@code kam.sellthrough.batches} by status, and {@code kam.sellthrough.rows} by what became
     * of them (rows of batches that were not committed count as {@code not-committed}).
     */
    void finished(BatchStatus status, Tally tally) {
        meters.counter("kam.sellthrough.batches", "status", status.name()).increment();
        if (status == BatchStatus.COMPLETED) {
            meters.counter("kam.sellthrough.rows", "outcome", "recorded").increment(tally.recorded.get());
            meters.counter("kam.sellthrough.rows", "outcome", "restated").increment(tally.restated.get());
            meters.counter("kam.sellthrough.rows", "outcome", "unchanged").increment(tally.unchanged.get());
            meters.counter("kam.sellthrough.rows", "outcome", "rejected").increment(tally.rejected.get());
        } else {
            meters.counter("kam.sellthrough.rows", "outcome", "not-committed").increment(tally.rowsRead.get());
        }
    }

    /**
     * Every second: the counts of each batch still being read, and a heartbeat that says its instance lives. A run
     * that no longer owns its batch (taken over) stops reporting; its writer finds out when it tries to finish.
     */
    void reportProgress() {
        receiving.forEach((no, live) -> {
            try {
                if (!batches.progress(no, live.attempt(), live.tally())) {
                    receiving.remove(no, live);
                }
            } catch (RuntimeException e) {
                log.warn("Could not report the progress of batch no {}: {}", no, e.toString());
            }
        });
    }

    @Override
    public void destroy() {
        heartbeat.shutdownNow();
        writers.shutdownNow();
    }
}
