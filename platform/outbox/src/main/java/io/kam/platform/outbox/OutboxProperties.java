package io.kam.platform.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the outbox relay.
 *
 * @param relayEnabled whether this instance runs a relay; only one instance per database publishes at a time
 * @param batchSize    events read and published per round trip
 * @param idleWait     how long the relay waits for a commit notification before it looks again anyway
 * @param retention    how long published events stay in the table, for inspection and manual replay
 * @param leaderTimeout how long the leader's database session may go without a sign of life from its relay before
 *                     PostgreSQL ends it and frees the leadership for a stand-by; a healthy relay shows one at least
 *                     every {@code idleWait}, so this must be longer than that plus the longest publishing round
 * @param maxRecordBytes the largest record the relay sends (key, value and headers); a larger event is quarantined
 *                     without being sent. Keep it at or below the topics' {@code max.message.bytes} (the broker's
 *                     default is 1,048,588), so that the broker never refuses what the relay sent
 */
@ConfigurationProperties("kam.outbox")
public record OutboxProperties(Boolean relayEnabled, Integer batchSize, Duration idleWait, Duration retention,
                               Duration leaderTimeout, Integer maxRecordBytes) {

    public OutboxProperties {
        relayEnabled = relayEnabled == null || relayEnabled;
        batchSize = batchSize == null ? 1000 : batchSize;
        idleWait = idleWait == null ? Duration.ofSeconds(1) : idleWait;
        retention = retention == null ? Duration.ofDays(7) : retention;
        leaderTimeout = leaderTimeout == null ? Duration.ofSeconds(30) : leaderTimeout;
        maxRecordBytes = maxRecordBytes == null ? 1_000_000 : maxRecordBytes;
        if (maxRecordBytes < 1024) {
            throw new IllegalArgumentException("kam.outbox.max-record-bytes must be at least 1024");
        }
        if (idleWait.isNegative() || idleWait.isZero()) {
            throw new IllegalArgumentException("kam.outbox.idle-wait must be positive");
        }
        if (leaderTimeout.compareTo(idleWait.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("kam.outbox.leader-timeout must be at least twice kam.outbox.idle-wait");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("kam.outbox.batch-size must be at least 1");
        }
    }
}
