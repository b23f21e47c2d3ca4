/**
 * This service's copy of the promotions (促销) per store, built from the events on {@code kam.promotions.v1}: which
 * promotion runs in which store on which day, with its mechanics, promoted SKUs and promoted prices. Store checks
 * record the execution of the promotions running in their store, and the schedule marks the stores whose promotions
 * start in a visit's week; neither asks the promotions service.
 */
@NullMarked
package io.kam.visits.promotion;

import org.jspecify.annotations.NullMarked;
