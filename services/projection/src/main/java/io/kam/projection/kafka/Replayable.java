package io.kam.projection.kafka;

import java.util.Collection;

import org.apache.kafka.common.TopicPartition;

/** A listener of one topic that a rebuild replays from the beginning of that topic. */
public interface Replayable {

    /** The listener container's id. */
    String listenerId();

    /** The topic it reads. */
    String topic();

    /** The next time these partitions are assigned, consumption starts again from their beginning. */
    void replayFromBeginning(Collection<TopicPartition> partitions);
}
