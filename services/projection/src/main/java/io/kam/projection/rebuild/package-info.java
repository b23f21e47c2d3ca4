/**
 * Rebuilding every read model of the service (the reviews, the prospect pipeline, the execution and the sell-through
 * figures) by replaying the four topics it reads from the beginning into emptied tables, and following the rebuild, at
 * {@code /api/reviews/rebuild}.
 */
@NullMarked
package io.kam.projection.rebuild;

import org.jspecify.annotations.NullMarked;
