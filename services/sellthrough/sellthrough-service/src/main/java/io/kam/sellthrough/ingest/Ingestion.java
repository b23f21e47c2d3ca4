package io.kam.sellthrough.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.kam.platform.outbox.Outbox;
import io.kam.sellthrough.SellThroughProperties;

/**
 * What every batch run shares: the database, transactions, outbox, batch table and settings; the threads that write
 * batches ({@code concurrent-batches} of them; more batches wait their turn); and the batches being read right now,
 * whose progress goes to the batch table every second.
 */
@Component
class Ingestion implements DisposableBean {

    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final Outbox outbox;
    private final Batches batches;
    private final SellThroughProperties properties;
    private final ExecutorService writers;
    private final Map<String, Tally> receiving = new ConcurrentHashMap<>();

    Ingestion(DataSource dataSource, PlatformTransactionManager transactionManager, Outbox outbox, Batches batches,
              SellThroughProperties properties) {
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

    void receiving(String batchId, Tally tally) {
        receiving.put(batchId, tally);
    }

    void received(String batchId) {
        receiving.remove(batchId);
    }

    /** Every second: the counts of each batch still being read, and a heartbeat that says its instance lives. */
    @Scheduled(fixedDelay = 1000)
    void reportProgress() {
        receiving.forEach(batches::progress);
    }

    @Override
    public void destroy() {
        writers.shutdownNow();
    }
}
