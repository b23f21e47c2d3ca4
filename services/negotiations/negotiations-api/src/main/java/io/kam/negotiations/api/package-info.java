/**
 * The published contract of the negotiations service (谈判与贸易条件): its events on {@code kam.negotiations.v1}, keyed
 * by account id, and its request and response records. Negotiations and terms are confidential: only national KA
 * managers read them.
 */
@NullMarked
package io.kam.negotiations.api;

import org.jspecify.annotations.NullMarked;
