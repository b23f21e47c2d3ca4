package io.kam.projection.kafka;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.kam.platform.events.EventEnvelope;

/**
 * A listener of one topic whose events a rebuild applies again from the beginning of that topic, and whose projector an as-of read
 * applies journaled events with.
 */
public interface Replayable {

    /** The listener container's id. */
    String listenerId();

    /** The topic it reads. */
    String topic();

    /**
     * Applies a poll of the topic's records exactly as the listener does (each event at most once under the
     * listener's consumer name, journaled, batched), in the caller's transaction when there is one: a rebuild applies
     * the topic from its beginning this way into tables set aside ({@code AsideSchema}).
     */
    void applyPoll(List<ConsumerRecord<String, String>> records);

    /**
     * Applies a journaled event of the topic through the listener's projector, in the caller's transaction, without
     * recording it as processed or journaling it again: for an as-of read, into tables that shadow the projection's.
     */
    void reapply(EventEnvelope envelope);
}
