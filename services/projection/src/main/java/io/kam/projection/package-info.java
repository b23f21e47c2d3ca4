/**
 * The projection service: per-account business-review read models built from the accounts events, in its own
 * database, served over REST ({@code /api/reviews}) and rebuilt from the topic on request.
 */
@NullMarked
package io.kam.projection;

import org.jspecify.annotations.NullMarked;
