package io.kam.platform.consumer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Retry settings of event listeners. Failures other than undecodable records are retried with exponential
 * back-off from {@code initialInterval} up to {@code maxInterval}, until {@code maxElapsed}; then the record goes to
 * the dead-letter topic with the reason.
 */
@ConfigurationProperties("kam.consumer.retry")
public record ConsumerProperties(Duration initialInterval, Duration maxInterval, Duration maxElapsed) {

    public ConsumerProperties {
        initialInterval = initialInterval == null ? Duration.ofMillis(200) : initialInterval;
        maxInterval = maxInterval == null ? Duration.ofSeconds(5) : maxInterval;
        maxElapsed = maxElapsed == null ? Duration.ofSeconds(30) : maxElapsed;
    }
}
