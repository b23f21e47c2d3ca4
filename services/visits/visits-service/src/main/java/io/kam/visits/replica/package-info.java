/**
 * This service's copy of the store master (accounts and their tiers, stores and their regions), built from the events
 * on {@code kam.accounts.v1}; the schedule and every region rule read it, never the accounts service.
 */
@NullMarked
package io.kam.visits.replica;

import org.jspecify.annotations.NullMarked;
