/**
 * Store execution (拜访与终端执行), projected from {@code kam.visits.v1}: visits against the frequency standards,
 * store checks with their SKU lines, the account's listed SKUs and complaints, kept as rows keyed by what they
 * describe; and the review's {@code execution} section derived from them when read: visit coverage, execution
 * compliance, price deviations, out-of-stock rate and complaints, for the account and by region; and its
 * {@code distribution} section (listed SKUs, stores carrying them, shelf-price index, secondary displays), which also
 * reads the sell-through figures and the review's stores.
 */
@NullMarked
package io.kam.projection.visit;

import org.jspecify.annotations.NullMarked;
