/**
 * Trade terms normalised (ADR 0012): a term's value checked against its kind, its annual cost on a stated sales basis
 * and the counts it is multiplied by, the true trade spend of a set of terms and a SKU's net-net price. Pure code.
 */
@NullMarked
package io.kam.negotiations.terms;

import org.jspecify.annotations.NullMarked;
