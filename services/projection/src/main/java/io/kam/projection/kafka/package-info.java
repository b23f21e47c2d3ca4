/**
 * The service's Kafka plumbing beyond its listeners: the topics it reads and their dead-letter topics, the admin
 * client, the consumer group's offsets and its lag as a metric, and what a rebuild needs of a listener
 * ({@link io.kam.projection.kafka.Replayable}).
 */
@NullMarked
package io.kam.projection.kafka;

import org.jspecify.annotations.NullMarked;
