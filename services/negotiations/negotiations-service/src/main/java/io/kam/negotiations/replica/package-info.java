/**
 * What other services told that a term's cost is counted on: the accounts with their stores and approved plans
 * (kam.accounts.v1) and the SKUs listed for them (kam.visits.v1), kept idempotently.
 */
@NullMarked
package io.kam.negotiations.replica;

import org.jspecify.annotations.NullMarked;
