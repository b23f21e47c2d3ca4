/**
 * The replica of accounts and stores, kept from {@code kam.accounts.v1} by an idempotent consumer, and the lookups the
 * rest of the service makes in it.
 */
@NullMarked
package io.kam.sellthrough.replica;

import org.jspecify.annotations.NullMarked;
