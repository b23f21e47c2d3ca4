/**
 * The service's Kafka plumbing beyond its listeners: the six contract topics it reads (the platform creates them,
 * their dead-letter topics and their lag gauges), and what a rebuild needs of a listener
 * ({@link io.kam.projection.kafka.Replayable}).
 */
@NullMarked
package io.kam.projection.kafka;

import org.jspecify.annotations.NullMarked;
