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
 */
@ConfigurationProperties("kam.outbox")
public record OutboxProperties(Boolean relayEnabled, Integer batchSize, Duration idleWait, Duration retention) {

    public OutboxProperties {
        relayEnabled = relayEnabled == null || relayEnabled;
        batchSize = batchSize == null ? 1000 : batchSize;
        idleWait = idleWait == null ? Duration.ofSeconds(1) : idleWait;
        retention = retention == null ? Duration.ofDays(7) : retention;
        if (idleWait.isNegative() || idleWait.isZero()) {
            throw new IllegalArgumentException("kam.outbox.idle-wait must be positive");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("kam.outbox.batch-size must be at least 1");
        }
    }
}
