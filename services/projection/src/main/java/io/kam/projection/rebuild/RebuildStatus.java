package io.kam.projection.rebuild;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where the rebuild of the reviews stands.
 *
 * @param state         IDLE before the first rebuild, RUNNING (the reviews still come from the current tables), DONE
 *                      once the tables built aside have been swapped in, or FAILED with the reason in {@code failure}
 *                      (the current tables stay in use)
 * @param targetOffsets the sum of the topics' end offsets when the rebuild started
 * @param remainingLag  records the rebuild has still to apply up to the topics' end offsets, as last measured
 * @param replayed      records the rebuild has applied so far
 * @param skipped       records the rebuild could not apply however often it tried (those the live listeners
 *                      dead-letter), left out as the live tables left them out
 */
record RebuildStatus(State state, @Nullable Instant startedAt, @Nullable Instant finishedAt, long targetOffsets,
                     long remainingLag, long replayed, long skipped, @Nullable String failure) {

    enum State {
        IDLE, RUNNING, DONE, FAILED
    }

    static RebuildStatus idle() {
        return new RebuildStatus(State.IDLE, null, null, 0, 0, 0, 0, null);
    }
}
