/**
 * What the promotions service knows of the accounts and their stores, from {@code kam.accounts.v1}: where a promotion
 * may run, and which region each store is in.
 */
@NullMarked
package io.kam.promotions.replica;

import org.jspecify.annotations.NullMarked;
