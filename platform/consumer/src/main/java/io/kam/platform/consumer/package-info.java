/**
 * Consumer support for Spring Kafka listeners: {@link io.kam.platform.consumer.IdempotentProcessor} applies each
 * event once, and the auto-configured error handler retries with back-off and dead-letters with the reason.
 */
@NullMarked
package io.kam.platform.consumer;

import org.jspecify.annotations.NullMarked;
