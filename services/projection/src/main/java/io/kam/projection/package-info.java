/**
 * The projection service: per-account business-review read models built from the accounts events, and the prospect
 * pipeline built from the prospects events, in its own database, served over REST ({@code /api/reviews},
 * {@code /api/reviews/pipeline}) and rebuilt from both topics on request.
 */
@NullMarked
package io.kam.projection;

import org.jspecify.annotations.NullMarked;
