package io.kam.platform.consumer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Where a consumer group stands on a topic, read through its own admin client with a short timeout: the topic's
 * earliest and end offsets, the group's committed offsets, the lag between them; and rewinding the group.
 */
public final class ConsumerOffsets implements AutoCloseable {

    private final Admin admin;
    private final Duration timeout;

    /** @param timeout how long one question may wait for the brokers, before it fails with {@link OffsetsUnavailableException} */
    public ConsumerOffsets(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /** The topic's partitions; none if the topic does not exist yet. */
    public List<TopicPartition> partitions(String topic) {
        try {
            return await(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic).partitions().stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
        } catch (OffsetsUnavailableException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return List.of();
            }
            throw e;
        }
    }

    /** The offset the next record of each partition will get. */
    public Map<TopicPartition, Long> endOffsets(String topic) {
        return offsets(partitions(topic), OffsetSpec.latest());
    }

    /** The offset of the oldest record each partition still holds. */
    public Map<TopicPartition, Long> earliestOffsets(String topic) {
        return offsets(partitions(topic), OffsetSpec.earliest());
    }

    /** The group's committed offsets on the topic; partitions it never committed are absent. */
    public Map<TopicPartition, Long> committed(String group, String topic) {
        Map<TopicPartition, OffsetAndMetadata> all = await(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        Map<TopicPartition, Long> committed = new HashMap<>();
        all.forEach((partition, offset) -> {
            if (offset != null && partition.topic().equals(topic)) {
                committed.put(partition, offset.offset());
            }
        });
        return committed;
    }

    /** Records of the topic the group has not committed yet; a partition never committed counts from its start. */
    public long lag(String group, String topic) {
        List<TopicPartition> partitions = partitions(topic);
        return remaining(group, topic, offsets(partitions, OffsetSpec.latest()), offsets(partitions, OffsetSpec.earliest()));
    }

    /** {@link #lag}, or NaN when the brokers do not answer in time: a gauge must not fail. */
    public double lagOrNaN(String group, String topic) {
        try {
            return lag(group, topic);
        } catch (OffsetsUnavailableException e) {
            return Double.NaN;
        }
    }

    /** Records between the group's committed offsets and the target offsets, partition by partition. */
    public long remaining(String group, String topic, Map<TopicPartition, Long> target, Map<TopicPartition, Long> start) {
        Map<TopicPartition, Long> committed = committed(group, topic);
        long remaining = 0;
        for (Map.Entry<TopicPartition, Long> entry : target.entrySet()) {
            long position = committed.getOrDefault(entry.getKey(), start.getOrDefault(entry.getKey(), 0L));
            remaining += Math.max(0, entry.getValue() - position);
        }
        return remaining;
    }

    /**
     * Sets the group's committed offsets back to the start of every partition. Kafka allows this only while the
     * group has no active member, so the caller stops its consumers first.
     */
    public void rewind(String group, String topic) {
        Map<TopicPartition, OffsetAndMetadata> start = earliestOffsets(topic).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())));
        if (!start.isEmpty()) {
            await(admin.alterConsumerGroupOffsets(group, start).all());
        }
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) {
        Map<TopicPartition, OffsetSpec> request = partitions.stream()
                .collect(Collectors.toMap(Function.identity(), p -> spec));
        if (request.isEmpty()) {
            return Map.of();
        }
        return await(admin.listOffsets(request).all()).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    @Override
    public void close() {
        admin.close(timeout);
    }

    private <T> T await(KafkaFuture<T> future) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OffsetsUnavailableException("interrupted while reading offsets", e);
        } catch (ExecutionException e) {
            throw new OffsetsUnavailableException("the brokers refused: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new OffsetsUnavailableException("the brokers did not answer within " + timeout, e);
        }
    }

    /** The brokers did not tell the offsets in time, or refused the request. */
    public static final class OffsetsUnavailableException extends RuntimeException {
        OffsetsUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
