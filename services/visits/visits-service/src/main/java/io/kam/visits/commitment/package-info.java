/**
 * Commitments made to customers at visits and the guard that keeps them within each account's policy
 * (不可做出任何政策外的承诺): flagged ones are no promise until a national KA manager approves them.
 */
@NullMarked
package io.kam.visits.commitment;

import org.jspecify.annotations.NullMarked;
