/**
 * Promotions and their life: drafted and edited, proposed, approved with four eyes, agreed with the retailer, run and
 * ended by the calendar, or returned and cancelled with a reason; refused when they clash with another.
 */
@NullMarked
package io.kam.promotions.promotion;

import org.jspecify.annotations.NullMarked;
