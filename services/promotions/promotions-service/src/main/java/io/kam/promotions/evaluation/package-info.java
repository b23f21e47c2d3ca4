/**
 * Evaluating promotions: the sell-through of kam.sellthrough.v1 kept per account, store, GTIN and day, and the
 * baseline a promotion's actual units are measured against.
 */
@NullMarked
package io.kam.promotions.evaluation;

import org.jspecify.annotations.NullMarked;
