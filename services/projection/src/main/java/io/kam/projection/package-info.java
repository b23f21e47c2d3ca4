/**
 * The projection service: per-account business-review read models built from the accounts events, with the stores'
 * execution from the visits events, the sell-through figures from the sell-through events, the promotions from the
 * promotions events and the trade spend from the negotiations events, and the prospect pipeline built from the prospects events, in its own database, served over REST
 * ({@code /api/reviews}, {@code /api/reviews/{accountId}/sell-through}, {@code /api/reviews/pipeline}) and rebuilt
 * from the six topics on request ({@link io.kam.projection.rebuild}).
 */
@NullMarked
package io.kam.projection;

import org.jspecify.annotations.NullMarked;
