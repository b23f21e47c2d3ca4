package io.kam.projection.rebuild;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Where the rebuild of the reviews stands.
 *
 * @param state         IDLE before the first rebuild, RUNNING, DONE, or FAILED with the reason in {@code failure}
 * @param targetOffsets the sum of the topics' end offsets when the rebuild started: it is done once the group's
 *                      committed offsets reach them
 * @param remainingLag  records still to replay up to those offsets, as last measured
 */
record RebuildStatus(State state, @Nullable Instant startedAt, @Nullable Instant finishedAt, long targetOffsets,
                     long remainingLag, @Nullable String failure) {

    enum State {
        IDLE, RUNNING, DONE, FAILED
    }

    static RebuildStatus idle() {
        return new RebuildStatus(State.IDLE, null, null, 0, 0, null);
    }
}
