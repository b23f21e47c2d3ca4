/**
 * The published contract of the promotions service (促销): its events on {@code kam.promotions.v1}, keyed by account
 * id, and its request and response records.
 */
@NullMarked
package io.kam.promotions.api;

import org.jspecify.annotations.NullMarked;
