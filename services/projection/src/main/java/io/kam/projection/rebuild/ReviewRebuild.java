package io.kam.projection.rebuild;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.kam.platform.domain.Rejection;
import jakarta.annotation.PreDestroy;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Service;

import io.kam.platform.consumer.ConsumerOffsets;
import io.kam.projection.kafka.Replayable;
import io.kam.projection.rebuild.RebuildStatus.State;

/**
 * Rebuilds the reviews (their execution, promotions, trade-spend and sell-through sections included), the prospect pipeline and the
 * sell-through figures by replaying every topic the service reads (kam.accounts.v1, kam.prospects.v1, kam.visits.v1,
 * kam.sellthrough.v1, kam.promotions.v1 and kam.negotiations.v1) from the beginning into emptied tables: stops every listener (they share
 * the consumer group), rewinds the group's committed offsets on each topic, empties the tables and forgets what was processed (one
 * transaction), then restarts the listeners, which seek to the beginning of their partitions. The rebuild is done when
 * the group's committed offsets reach the end offsets taken when it started, on every topic. One rebuild at a time; it
 * assumes this instance is the group's only member, as Kafka rewinds only a group without active members.
 */
@Service
class ReviewRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReviewRebuild.class);
    private static final long CHECK_EVERY_MS = 200;

    private final KafkaListenerEndpointRegistry registry;
    private final List<Replayable> listeners;
    private final ProjectedTables tables;
    private final ConsumerOffsets offsets;
    private final String group;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService worker =
            Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "review-rebuild"));
    private volatile RebuildStatus status = RebuildStatus.idle();
    private volatile Map<TopicPartition, Long> target = Map.of();
    private volatile Map<TopicPartition, Long> start = Map.of();

    ReviewRebuild(KafkaListenerEndpointRegistry registry, List<Replayable> listeners, ProjectedTables tables,
                  ConsumerOffsets offsets, @Value("${spring.kafka.consumer.group-id}") String group) {
        this.registry = registry;
        this.listeners = List.copyOf(listeners);
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
            throw new Rejection.Conflict("rebuild-running",
                    "a rebuild started at " + status.startedAt() + " is still running; follow it at GET /api/reviews/rebuild").refused();
        }
        Map<TopicPartition, Long> end = new HashMap<>();
        Map<TopicPartition, Long> earliest = new HashMap<>();
        for (Replayable listener : listeners) {
            end.putAll(offsets.endOffsets(listener.topic()));
            earliest.putAll(offsets.earliestOffsets(listener.topic()));
        }
        target = Map.copyOf(end);
        start = Map.copyOf(earliest);
        long total = target.values().stream().mapToLong(Long::longValue).sum();
        long toReplay = target.entrySet().stream()
                .mapToLong(e -> Math.max(0, e.getValue() - start.getOrDefault(e.getKey(), 0L))).sum();
        status = new RebuildStatus(State.RUNNING, clock.instant(), null, total, toReplay, null);
        log.info("Rebuilding the reviews, the pipeline and the sell-through figures from {} up to {} records", topics(), total);
        worker.execute(this::replay);
        return status;
    }

    private void replay() {
        List<MessageListenerContainer> containers = listeners.stream()
                .map(listener -> registry.getListenerContainer(listener.listenerId())).filter(Objects::nonNull).toList();
        if (containers.size() != listeners.size()) {
            finish(State.FAILED, "a listener container of " + topics() + " is missing");
            return;
        }
        containers.forEach(MessageListenerContainer::stop);
        try {
            for (Replayable listener : listeners) {
                offsets.rewind(group, listener.topic());
            }
            tables.clear();
            for (Replayable listener : listeners) {
                listener.replayFromBeginning(of(target, listener.topic()).keySet());
            }
        } catch (RuntimeException e) {
            finish(State.FAILED, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            log.error("The rebuild of the reviews failed before the replay started", e);
            return;
        } finally {
            containers.forEach(MessageListenerContainer::start);
        }
        worker.execute(this::checkProgress);
    }

    private void checkProgress() {
        try {
            long remaining = 0;
            for (Replayable listener : listeners) {
                remaining += offsets.remaining(group, listener.topic(), of(target, listener.topic()),
                        of(start, listener.topic()));
            }
            if (remaining == 0) {
                finish(State.DONE, null);
                log.info("Rebuilt the reviews, the pipeline and the sell-through figures up to {} records", status.targetOffsets());
                return;
            }
            progress(remaining);
        } catch (RuntimeException e) {
            log.warn("Could not read the replay's progress, trying again: {}", e.getMessage());
        }
        worker.schedule(this::checkProgress, CHECK_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    private List<String> topics() {
        return listeners.stream().map(Replayable::topic).toList();
    }

    /** The offsets of one topic's partitions. */
    private static Map<TopicPartition, Long> of(Map<TopicPartition, Long> offsets, String topic) {
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
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
