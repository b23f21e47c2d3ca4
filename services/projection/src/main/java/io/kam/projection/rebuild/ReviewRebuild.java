package io.kam.projection.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Service;

import io.kam.platform.consumer.ConsumerOffsets;
import io.kam.platform.domain.Rejection;
import io.kam.platform.events.UndecodableEventException;
import io.kam.projection.kafka.Replayable;
import io.kam.projection.rebuild.RebuildStatus.State;

/**
 * Rebuilds every read model of the service (the reviews with all their sections, the prospect pipeline, the
 * sell-through figures, the as-of journal) aside and swaps it in, while the reviews go on being served from the
 * current tables and the live listeners go on applying new events to them:
 * <ol>
 *   <li>the aside set of tables is made ({@link AsideSchema#create});</li>
 *   <li>a consumer of its own, outside the service's group, reads the six topics from their first offsets and applies
 *       each poll through the topic's listener ({@link Replayable#applyPoll}: the same projectors, idempotence,
 *       journal and batched writes) on transactions that write the aside set;</li>
 *   <li>once it has caught up with the live listeners, these are stopped (they commit their offsets), the consumer
 *       catches up with those offsets, and the two sets are swapped in one transaction ({@link AsideSchema#swap},
 *       tried again while readers hold a table);</li>
 *   <li>the live listeners start again from their offsets, skipping what the rebuild applied beyond them (the
 *       processed events moved with the set), {@link ProjectionSwapped} is published and the old set is dropped.</li>
 * </ol>
 * A failure before the swap drops the aside set and leaves the current one in use. One rebuild at a time; like the
 * listeners' own stop for the swap, it assumes this instance is the service's only one.
 */
@Service
class ReviewRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReviewRebuild.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final int SWAP_ATTEMPTS = 50;
    private static final int RECORD_ATTEMPTS = 5;

    private final KafkaListenerEndpointRegistry registry;
    private final Map<String, Replayable> listeners = new LinkedHashMap<>();
    private final AsideSchema aside;
    private final ConsumerOffsets offsets;
    private final ConsumerFactory<?, ?> consumers;
    private final ApplicationEventPublisher events;
    private final String group;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> new Thread(task, "review-rebuild"));
    private volatile RebuildStatus status = RebuildStatus.idle();
    private volatile boolean closing;

    ReviewRebuild(KafkaListenerEndpointRegistry registry, List<Replayable> listeners, AsideSchema aside,
                  ConsumerOffsets offsets, ConsumerFactory<?, ?> consumers, ApplicationEventPublisher events,
                  @Value("${spring.kafka.consumer.group-id}") String group) {
        this.registry = registry;
        listeners.forEach(listener -> this.listeners.put(listener.topic(), listener));
        this.aside = aside;
        this.offsets = offsets;
        this.consumers = consumers;
        this.events = events;
        this.group = group;
    }

    RebuildStatus status() {
        return status;
    }

    /** Starts a rebuild unless one is running; returns at once, the rebuild goes on in the background. */
    synchronized RebuildStatus start() {
        if (status.state() == State.RUNNING) {
            throw new Rejection.Conflict("rebuild-running",
                    "a rebuild started at " + status.startedAt() + " is still running; follow it at GET /api/reviews/rebuild").refused();
        }
        Map<TopicPartition, Long> end = ends();
        Map<TopicPartition, Long> earliest = new HashMap<>();
        listeners.keySet().forEach(topic -> earliest.putAll(offsets.earliestOffsets(topic)));
        long total = end.values().stream().mapToLong(Long::longValue).sum();
        long toReplay = end.entrySet().stream()
                .mapToLong(e -> Math.max(0, e.getValue() - earliest.getOrDefault(e.getKey(), 0L))).sum();
        status = new RebuildStatus(State.RUNNING, clock.instant(), null, total, toReplay, 0, 0, null);
        log.info("Rebuilding the projection aside from {} up to {} records", listeners.keySet(), total);
        worker.execute(this::rebuild);
        return status;
    }

    private void rebuild() {
        List<MessageListenerContainer> containers = listeners.values().stream()
                .map(listener -> registry.getListenerContainer(listener.listenerId())).filter(Objects::nonNull).toList();
        if (containers.size() != listeners.size()) {
            finish(State.FAILED, "a listener container of " + listeners.keySet() + " is missing");
            return;
        }
        boolean stopped = false;
        try (KafkaConsumer<String, String> consumer = consumer()) {
            aside.create();
            List<TopicPartition> partitions = new ArrayList<>();
            listeners.keySet().forEach(topic -> partitions.addAll(offsets.partitions(topic)));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            catchUp(consumer, this::ends);
            containers.forEach(MessageListenerContainer::stop);
            stopped = true;
            catchUp(consumer, this::committed);
            swap();
            containers.forEach(MessageListenerContainer::start);
            stopped = false;
            events.publishEvent(new ProjectionSwapped(clock.instant(), status.replayed()));
            aside.drop();
            finish(State.DONE, null);
            log.info("Rebuilt the projection aside and swapped it in: {} records applied, {} skipped",
                    status.replayed(), status.skipped());
        } catch (RuntimeException e) {
            finish(State.FAILED, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            log.error("The rebuild of the projection failed; the reviews stay on the current tables", e);
            try {
                aside.drop();
            } catch (RuntimeException dropFailure) {
                log.warn("Could not drop the tables the failed rebuild set aside: {}", dropFailure.getMessage());
            }
        } finally {
            if (stopped) {
                containers.forEach(MessageListenerContainer::start);
            }
        }
    }

    /** Polls and applies until the consumer's position reaches {@code target} (as measured again meanwhile). */
    private void catchUp(KafkaConsumer<String, String> consumer, java.util.function.Supplier<Map<TopicPartition, Long>> target) {
        Map<TopicPartition, Long> goal = target.get();
        while (true) {
            if (closing) {
                throw new IllegalStateException("the service is stopping");
            }
            long remaining = 0;
            for (Map.Entry<TopicPartition, Long> entry : goal.entrySet()) {
                remaining += Math.max(0, entry.getValue() - consumer.position(entry.getKey()));
            }
            progress(remaining, 0, 0);
            if (remaining == 0) {
                return;
            }
            apply(consumer.poll(POLL));
            goal = target.get();
        }
    }

    /** Applies a poll into the aside set, a topic at a time in the poll's order (each partition's order kept). */
    private void apply(ConsumerRecords<String, String> records) {
        Map<String, List<ConsumerRecord<String, String>>> byTopic = new LinkedHashMap<>();
        records.forEach(record -> byTopic.computeIfAbsent(record.topic(), t -> new ArrayList<>()).add(record));
        byTopic.forEach((topic, poll) -> {
            Replayable listener = listeners.get(topic);
            try {
                aside.inAside(() -> {
                    listener.applyPoll(poll);
                    return null;
                });
                progress(-1, poll.size(), 0);
            } catch (RuntimeException pollFailure) {
                poll.forEach(record -> applyOne(listener, record));
            }
        });
    }

    /**
     * Applies a record on its own, tried a few times; one that still fails, or can never be read, is left out, as the
     * live listener left it out (to its dead-letter topic).
     */
    private void applyOne(Replayable listener, ConsumerRecord<String, String> record) {
        for (int attempt = 1; ; attempt++) {
            try {
                aside.inAside(() -> {
                    listener.applyPoll(List.of(record));
                    return null;
                });
                progress(-1, 1, 0);
                return;
            } catch (RuntimeException failure) {
                boolean never = causedBy(failure, UndecodableEventException.class);
                if (never || attempt >= RECORD_ATTEMPTS) {
                    log.warn("The rebuild leaves out {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                            failure.getMessage());
                    progress(-1, 0, 1);
                    return;
                }
                try {
                    Thread.sleep(100L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", interrupted);
                }
            }
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private void swap() {
        for (int attempt = 1; attempt <= SWAP_ATTEMPTS; attempt++) {
            if (aside.swap()) {
                return;
            }
            log.info("The swap waited for readers past {}; trying again ({} of {})", AsideSchema.LOCK_TIMEOUT, attempt,
                    SWAP_ATTEMPTS);
        }
        throw new IllegalStateException("readers held the projection's tables through " + SWAP_ATTEMPTS + " swap attempts");
    }

    private Map<TopicPartition, Long> ends() {
        Map<TopicPartition, Long> end = new HashMap<>();
        listeners.keySet().forEach(topic -> end.putAll(offsets.endOffsets(topic)));
        return end;
    }

    /** Where the stopped live listeners will resume: their group's committed offsets. */
    private Map<TopicPartition, Long> committed() {
        Map<TopicPartition, Long> committed = new HashMap<>();
        listeners.keySet().forEach(topic -> committed.putAll(offsets.committed(group, topic)));
        return committed;
    }

    private KafkaConsumer<String, String> consumer() {
        Map<String, Object> config = new HashMap<>(consumers.getConfigurationProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "projection-rebuild");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /** {@code remaining} below zero keeps the last measure. */
    private synchronized void progress(long remaining, long replayed, long skipped) {
        RebuildStatus s = status;
        status = new RebuildStatus(s.state(), s.startedAt(), null, s.targetOffsets(),
                remaining < 0 ? s.remainingLag() : remaining, s.replayed() + replayed, s.skipped() + skipped, null);
    }

    private synchronized void finish(State state, @Nullable String failure) {
        RebuildStatus s = status;
        status = new RebuildStatus(state, s.startedAt(), clock.instant(), s.targetOffsets(),
                state == State.DONE ? 0 : s.remainingLag(), s.replayed(), s.skipped(), failure);
    }

    @PreDestroy
    void close() {
        closing = true;
        worker.shutdownNow();
    }
}
