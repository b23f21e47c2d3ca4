package io.kam.platform.consumer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the ids of processed events are kept for idempotency, and how often older ones are removed. An event
 * delivered again within {@code retention} is recognised and skipped; Kafka redelivers after a crash or a
 * rebalance (seconds to minutes), and an operator's replay through a producer's outbox is possible for its 7 days,
 * so the retention must stay well above both.
 *
 * @param retention  how long an id is kept (30 days)
 * @param pruneEvery how often ids older than that are deleted (1 hour); at most {@code pruneBatch} per statement
 * @param pruneBatch ids deleted per statement, so that pruning never holds locks for long (10,000)
 */
@ConfigurationProperties("kam.consumer.processed")
public record ProcessedEventsProperties(Duration retention, Duration pruneEvery, Integer pruneBatch) {

    public ProcessedEventsProperties {
        retention = retention == null ? Duration.ofDays(30) : retention;
        pruneEvery = pruneEvery == null ? Duration.ofHours(1) : pruneEvery;
        pruneBatch = pruneBatch == null ? 10_000 : pruneBatch;
        if (retention.compareTo(Duration.ofDays(8)) < 0) {
            throw new IllegalArgumentException("kam.consumer.processed.retention must be at least 8 days, longer than the outbox keeps events");
        }
        if (pruneEvery.isNegative() || pruneEvery.isZero() || pruneBatch < 1) {
            throw new IllegalArgumentException("kam.consumer.processed.prune-every and prune-batch must be positive");
        }
    }
}
