/**
 * Promotion funds (促销费用): a budget per account and year (for one category, or for all), seeded from the approved
 * business plan's promotion-spend target or set by a national KA manager, and what approved promotions commit on it.
 */
@NullMarked
package io.kam.promotions.fund;

import org.jspecify.annotations.NullMarked;
