/**
 * Rebuilding every read model of the service (the reviews, the prospect pipeline, the execution, the sell-through
 * figures and the promotions) by replaying the five topics it reads from the beginning into emptied tables, and
 * following the rebuild, at {@code /api/reviews/rebuild}.
 */
@NullMarked
package io.kam.projection.rebuild;

import org.jspecify.annotations.NullMarked;
