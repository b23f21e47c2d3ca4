package io.kam.projection.kafka;

import java.util.Collection;

import org.apache.kafka.common.TopicPartition;

import io.kam.platform.events.EventEnvelope;

/**
 * A listener of one topic that a rebuild replays from the beginning of that topic, and whose projector an as-of read
 * applies journaled events with.
 */
public interface Replayable {

    /** The listener container's id. */
    String listenerId();

    /** The topic it reads. */
    String topic();

    /** The next time these partitions are assigned, consumption starts again from their beginning. */
    void replayFromBeginning(Collection<TopicPartition> partitions);

    /**
     * Applies a journaled event of the topic through the listener's projector, in the caller's transaction, without
     * recording it as processed or journaling it again: for an as-of read, into tables that shadow the projection's.
     */
    void reapply(EventEnvelope envelope);
}
