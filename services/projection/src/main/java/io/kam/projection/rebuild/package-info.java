/**
 * Rebuilding every read model of the service (the reviews, the prospect pipeline, the execution, the sell-through
 * figures, the promotions, the trade spend and the as-of journal) by replaying the six topics it reads from the
 * beginning into a set of tables aside, swapped in once caught up while the reviews stay served from the current set
 * (ADR 0018), and following the rebuild, at {@code /api/reviews/rebuild}.
 */
@NullMarked
package io.kam.projection.rebuild;

import org.jspecify.annotations.NullMarked;
