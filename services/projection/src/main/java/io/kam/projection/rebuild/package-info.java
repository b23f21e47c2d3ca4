/**
 * Rebuilding every read model of the service (the reviews, the prospect pipeline, the execution, the sell-through
 * figures, the promotions and the trade spend) by replaying the six topics it reads from the beginning into emptied
 * tables, and following the rebuild, at {@code /api/reviews/rebuild}.
 */
@NullMarked
package io.kam.projection.rebuild;

import org.jspecify.annotations.NullMarked;
