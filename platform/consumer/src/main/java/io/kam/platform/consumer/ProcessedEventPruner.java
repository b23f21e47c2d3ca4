package io.kam.platform.consumer;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes processed event ids older than the retention, so that {@code kam_processed_event} grows with the traffic of
 * the retention window and not with the service's whole history. Each instance prunes; the deletes are idempotent.
 */
public class ProcessedEventPruner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProcessedEventPruner.class);

    private final JdbcClient jdbc;
    private final ProcessedEventsProperties properties;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    public ProcessedEventPruner(JdbcClient jdbc, ProcessedEventsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Deletes every id older than the retention, a batch at a time; returns how many went. */
    public long prune() {
        OffsetDateTime before = OffsetDateTime.ofInstant(clock.instant().minus(properties.retention()), ZoneOffset.UTC);
        long removed = 0;
        int step;
        do {
            step = jdbc.sql("""
                            delete from kam_processed_event where ctid in (
                                select ctid from kam_processed_event where processed_at < :before limit :batch)""")
                    .param("before", before).param("batch", properties.pruneBatch()).update();
            removed += step;
        } while (step == properties.pruneBatch());
        if (removed > 0) {
            log.info("Removed {} processed event ids older than {}", removed, properties.retention());
        }
        return removed;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "kam-processed-event-pruner");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.pruneEvery().toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                prune();
            } catch (RuntimeException e) {
                log.warn("Could not prune processed event ids; trying again in {}: {}", properties.pruneEvery(), e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
