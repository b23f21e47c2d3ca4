/**
 * Converted prospects become accounts: the accounts service reads {@code kam.prospects.v1} and opens account
 * {@code accountId} of each {@code kam.prospect.converted}, classified as proposed, exactly once. Every other prospect
 * event is read and set aside: it tells the accounts nothing.
 */
@NullMarked
package io.kam.accounts.prospect;

import org.jspecify.annotations.NullMarked;
