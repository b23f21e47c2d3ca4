/**
 * The transactional outbox: {@link io.kam.platform.outbox.Outbox} appends events in the transaction that changes
 * the state; {@link io.kam.platform.outbox.OutboxRelay} publishes them to Kafka, keyed by account id.
 */
@NullMarked
package io.kam.platform.outbox;

import org.jspecify.annotations.NullMarked;
