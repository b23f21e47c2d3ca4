package io.kam.projection.rebuild;

import java.time.Instant;

/**
 * Published (a Spring application event, after the swap's transaction committed) when a rebuild has swapped the set
 * of tables it built aside into the place of the one the reviews were served from: whatever a reader keeps of what
 * it read before (a cache of reviews) may no longer be what the tables hold, and should be let go.
 *
 * @param at              when the swap committed
 * @param eventsReplayed  the records the rebuild applied into the new set from the topics' beginnings
 */
public record ProjectionSwapped(Instant at, long eventsReplayed) {
}
