package io.kam.projection.review;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Service;

import io.kam.accounts.api.AccountEvents;
import io.kam.platform.web.ApiProblem;
import io.kam.projection.kafka.ConsumerOffsets;
import io.kam.projection.review.RebuildStatus.State;
import jakarta.annotation.PreDestroy;

/**
 * Rebuilds the reviews by replaying the accounts topic from the beginning into emptied tables: stops the
 * listener, rewinds the group's committed offsets, empties the tables and forgets what was processed (one
 * transaction), then restarts the listener, which seeks to the beginning of its partitions. The rebuild is done
 * when the group's committed offsets reach the end offsets taken when it started. One rebuild at a time; it
 * assumes this instance is the group's only member, as Kafka rewinds only a group without active members.
 */
@Service
class ReviewRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReviewRebuild.class);
    private static final long CHECK_EVERY_MS = 200;

    private final KafkaListenerEndpointRegistry registry;
    private final AccountsListener listener;
    private final ReviewTables tables;
    private final ConsumerOffsets offsets;
    private final String group;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService worker =
            Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "review-rebuild"));
    private volatile RebuildStatus status = RebuildStatus.idle();
    private volatile Map<TopicPartition, Long> target = Map.of();
    private volatile Map<TopicPartition, Long> start = Map.of();

    ReviewRebuild(KafkaListenerEndpointRegistry registry, AccountsListener listener, ReviewTables tables,
                  ConsumerOffsets offsets, @Value("${spring.kafka.consumer.group-id}") String group) {
        this.registry = registry;
        this.listener = listener;
        this.tables = tables;
        this.offsets = offsets;
        this.group = group;
    }

    RebuildStatus status() {
        return status;
    }

    /** Starts a rebuild unless one is running; returns at once, the replay goes on in the background. */
    synchronized RebuildStatus start() {
        if (status.state() == State.RUNNING) {
            throw new ApiProblem.Conflict("rebuild-running",
                    "a rebuild started at " + status.startedAt() + " is still running; follow it at GET /api/reviews/rebuild");
        }
        target = offsets.endOffsets(AccountEvents.TOPIC);
        start = offsets.earliestOffsets(AccountEvents.TOPIC);
        long total = target.values().stream().mapToLong(Long::longValue).sum();
        long toReplay = target.entrySet().stream()
                .mapToLong(e -> Math.max(0, e.getValue() - start.getOrDefault(e.getKey(), 0L))).sum();
        status = new RebuildStatus(State.RUNNING, clock.instant(), null, total, toReplay, null);
        log.info("Rebuilding the reviews from {} up to {} records", AccountEvents.TOPIC, total);
        worker.execute(this::replay);
        return status;
    }

    private void replay() {
        MessageListenerContainer container = registry.getListenerContainer(AccountsListener.ID);
        if (container == null) {
            finish(State.FAILED, "no listener container " + AccountsListener.ID);
            return;
        }
        container.stop();
        try {
            offsets.rewind(group, AccountEvents.TOPIC);
            tables.clear();
            listener.replayFromBeginning(target.keySet());
        } catch (RuntimeException e) {
            finish(State.FAILED, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            log.error("The rebuild of the reviews failed before the replay started", e);
            return;
        } finally {
            container.start();
        }
        worker.execute(this::checkProgress);
    }

    private void checkProgress() {
        try {
            long remaining = offsets.remaining(group, AccountEvents.TOPIC, target, start);
            if (remaining == 0) {
                finish(State.DONE, null);
                log.info("Rebuilt the reviews up to {} records", status.targetOffsets());
                return;
            }
            progress(remaining);
        } catch (RuntimeException e) {
            log.warn("Could not read the replay's progress, trying again: {}", e.getMessage());
        }
        worker.schedule(this::checkProgress, CHECK_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    private synchronized void progress(long remaining) {
        RebuildStatus s = status;
        status = new RebuildStatus(s.state(), s.startedAt(), null, s.targetOffsets(), remaining, null);
    }

    private synchronized void finish(State state, @Nullable String failure) {
        RebuildStatus s = status;
        status = new RebuildStatus(state, s.startedAt(), clock.instant(), s.targetOffsets(),
                state == State.DONE ? 0 : s.remainingLag(), failure);
    }

    @PreDestroy
    void close() {
        worker.shutdownNow();
    }
}
