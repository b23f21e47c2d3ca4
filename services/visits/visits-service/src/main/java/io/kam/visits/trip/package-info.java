/**
 * Trips (出差): several visits on one trip, agreed with a national KA manager beforehand, reported daily while
 * travelling (每日汇报), and assessed afterwards (市场评估: goals, problems, solutions).
 */
@NullMarked
package io.kam.visits.trip;

import org.jspecify.annotations.NullMarked;
