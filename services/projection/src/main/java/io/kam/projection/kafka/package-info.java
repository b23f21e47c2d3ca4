/**
 * The service's Kafka plumbing beyond its listener: the dead-letter topic it may write to, the admin client, the
 * consumer group's offsets and its lag as a metric.
 */
@NullMarked
package io.kam.projection.kafka;

import org.jspecify.annotations.NullMarked;
