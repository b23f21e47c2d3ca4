/**
 * What a service needs to take part in the event contracts: {@link io.kam.platform.consumer.ContractTopics} declares
 * the topics it publishes on and reads (created with their catalogs' shape, dead-letter topics included);
 * {@link io.kam.platform.consumer.IdempotentProcessor} applies each event of a contract once, typed, refusing
 * anything else; the auto-configured error handler retries with back-off and dead-letters with the reason; and every
 * topic a listener reads has its consumer-lag gauge ({@link io.kam.platform.consumer.ConsumerOffsets}).
 */
@NullMarked
package io.kam.platform.consumer;

import org.jspecify.annotations.NullMarked;
