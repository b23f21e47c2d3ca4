package io.kam.platform.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.transaction.support.TransactionTemplate;

import io.kam.platform.events.Topics;

/**
 * Re-drives the dead letters of one consumer group back to the topic they came from, once the reason they failed is
 * fixed. A dead-letter topic is shared by every group that reads the original topic, so only the records whose
 * {@link KafkaHeaders#DLT_ORIGINAL_CONSUMER_GROUP} names the group are taken. Each one is recorded in
 * {@code kam_dead_letter_replay} (by dead-letter topic, partition and offset) in the transaction that sends it
 * again, so a record is never re-driven twice, even by two instances at once; and because consumers skip event ids
 * they processed ({@link IdempotentProcessor}), the other groups that read the topic, which processed the event the
 * first time, skip it again. A re-driven record that fails again is dead-lettered again, at a new offset, and can be
 * replayed after the next fix.
 */
public class DeadLetterReplay {

    /** Added to a re-driven record: {@code <dead-letter topic>/<partition>/<offset>} it came from. */
    public static final String REPLAYED_FROM_HEADER = "kam-replayed-from";

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Supplier<Map<String, Object>> consumerConfig;
    private final Supplier<Map<String, Object>> producerConfig;
    private final Supplier<Map<String, Set<String>>> groupsByTopic;

    /**
     * @param groupsByTopic the topics this service reads, each with the consumer groups that read it
     */
    public DeadLetterReplay(JdbcClient jdbc, TransactionTemplate transactions, Supplier<Map<String, Object>> consumerConfig,
                            Supplier<Map<String, Object>> producerConfig, Supplier<Map<String, Set<String>>> groupsByTopic) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.consumerConfig = consumerConfig;
        this.producerConfig = producerConfig;
        this.groupsByTopic = groupsByTopic;
    }

    /** One dead letter of the group, and whether it was re-driven already. */
    public record DeadLetter(int partition, long offset, String key, String reason, Instant deadLetteredAt,
                             boolean replayed) {
    }

    /** What a replay did: the records it sent again, and those of the group it left because they were sent before. */
    public record Replayed(String topic, String group, String deadLetterTopic, List<DeadLetter> replayed,
                           int alreadyReplayed) {
    }

    /** The topics this service reads and the groups that read each, to check a request against. */
    public Map<String, Set<String>> topics() {
        return groupsByTopic.get();
    }

    /** The group's dead letters of the topic, oldest first per partition. */
    public List<DeadLetter> list(String topic, String group) {
        Set<Long> done = replayedOffsets(topic);
        return read(topic, group).stream().map(r -> deadLetter(r, done.contains(id(r.partition(), r.offset())))).toList();
    }

    /** Re-drives every dead letter of the group not re-driven before; {@code actor} is recorded with each. */
    public Replayed replay(String topic, String group, String actor) {
        String deadLetterTopic = Topics.deadLetter(topic);
        List<ConsumerRecord<String, String>> records = read(topic, group);
        List<DeadLetter> sent = new ArrayList<>();
        int already = 0;
        try (KafkaProducer<String, String> producer = producer()) {
            for (ConsumerRecord<String, String> record : records) {
                Boolean fresh = transactions.execute(status -> {
                    int recorded = jdbc.sql("""
                                    insert into kam_dead_letter_replay
                                        (dlt_topic, dlt_partition, dlt_offset, consumer_group, record_key, replayed_by)
                                    values (:topic, :partition, :offset, :group, :key, :actor)
                                    on conflict do nothing""")
                            .param("topic", deadLetterTopic).param("partition", record.partition())
                            .param("offset", record.offset()).param("group", group).param("key", record.key())
                            .param("actor", actor).update();
                    if (recorded == 0) {
                        return false;
                    }
                    // Sent before the row commits: if the send fails the row rolls back and the record stays
                    // replayable; if the commit fails after the send, the consumers' idempotency absorbs the copy.
                    send(producer, topic, record);
                    return true;
                });
                if (Boolean.TRUE.equals(fresh)) {
                    sent.add(deadLetter(record, true));
                } else {
                    already++;
                }
            }
        }
        return new Replayed(topic, group, deadLetterTopic, sent, already);
    }

    private static void send(KafkaProducer<String, String> producer, String topic, ConsumerRecord<String, String> record) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(KafkaHeaders.PREFIX + "dlt-") && !header.key().equals(DeadLetters.REASON_HEADER)
                    && !header.key().equals(REPLAYED_FROM_HEADER)) {
                headers.add(header);
            }
        }
        headers.add(REPLAYED_FROM_HEADER, (record.topic() + "/" + record.partition() + "/" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(new ProducerRecord<>(topic, null, record.key(), record.value(), headers))
                    .get(READ_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while re-driving " + record.topic() + "/" + record.offset(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not take the re-driven record " + record.topic() + "/"
                    + record.partition() + "/" + record.offset() + ": " + e.getMessage(), e);
        }
    }

    /** The dead-letter topic's records from the group and of the topic, from the beginning to its end now. */
    private List<ConsumerRecord<String, String>> read(String topic, String group) {
        String deadLetterTopic = Topics.deadLetter(topic);
        List<ConsumerRecord<String, String>> mine = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<PartitionInfo> infos = consumer.partitionsFor(deadLetterTopic, READ_TIMEOUT);
            if (infos == null || infos.isEmpty()) {
                return mine;
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(p -> new TopicPartition(deadLetterTopic, p.partition())).toList();
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + deadLetterTopic + " to its end within "
                            + READ_TIMEOUT.toSeconds() + " s");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))
                            && group.equals(header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP))
                            && topic.equals(header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC))) {
                        mine.add(record);
                    }
                }
            }
        }
        return mine;
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey(), READ_TIMEOUT) >= e.getValue());
    }

    private Set<Long> replayedOffsets(String topic) {
        return new LinkedHashSet<>(jdbc.sql("""
                        select dlt_partition, dlt_offset from kam_dead_letter_replay where dlt_topic = :topic""")
                .param("topic", Topics.deadLetter(topic))
                .query((rs, n) -> id(rs.getInt(1), rs.getLong(2))).list());
    }

    /** Partitions of a dead-letter topic are few; an offset beside its partition in one long is plenty. */
    private static long id(int partition, long offset) {
        return ((long) partition << 48) | offset;
    }

    private static DeadLetter deadLetter(ConsumerRecord<String, String> record, boolean replayed) {
        return new DeadLetter(record.partition(), record.offset(), record.key(), header(record, DeadLetters.REASON_HEADER),
                Instant.ofEpochMilli(record.timestamp()), replayed);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<String, String> consumer() {
        Map<String, Object> config = new HashMap<>(consumerConfig.get());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "kam-dead-letter-replay");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private KafkaProducer<String, String> producer() {
        Map<String, Object> config = new HashMap<>(producerConfig.get());
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "kam-dead-letter-replay");
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** The groups of the given listener containers by the topics they read. */
    static Map<String, Set<String>> groupsByTopic(Collection<org.springframework.kafka.listener.MessageListenerContainer> containers) {
        Map<String, Set<String>> byTopic = new java.util.TreeMap<>();
        for (var container : containers) {
            String[] topics = container.getContainerProperties().getTopics();
            String group = container.getGroupId();
            if (topics == null || group == null) {
                continue;
            }
            for (String topic : topics) {
                byTopic.computeIfAbsent(topic, t -> new java.util.TreeSet<>()).add(group);
            }
        }
        return byTopic;
    }
}
