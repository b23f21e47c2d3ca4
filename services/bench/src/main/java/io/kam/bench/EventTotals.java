package io.kam.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.kam.platform.events.EventCodec;
import io.kam.sellthrough.api.SellThroughEvents;
import io.kam.sellthrough.api.SellThroughEvents.RecordedLine;
import io.kam.sellthrough.api.SellThroughEvents.RestatedLine;
import io.kam.sellthrough.api.SellThroughEvents.SalesRecorded;
import io.kam.sellthrough.api.SellThroughEvents.SalesRestated;

/**
 * What a consumer of {@code kam.sellthrough.v1} adds up for one account, line by line: rows, units and sales (in fen),
 * to be compared with the file that was sent.
 */
record EventTotals(long records, long rows, long units, long salesFen) {

    static EventTotals of(String bootstrapServers, UUID account) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 << 20);
        EventCodec codec = new EventCodec();
        long records = 0;
        long rows = 0;
        long units = 0;
        BigDecimal sales = BigDecimal.ZERO;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(SellThroughEvents.TOPIC).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (!account.toString().equals(record.key())) {
                        continue;
                    }
                    records++;
                    var event = codec.payload(SellThroughEvents.CATALOG, codec.decode(record.value()));
                    if (event instanceof SalesRecorded recorded) {
                        for (RecordedLine line : recorded.lines()) {
                            rows++;
                            units += line.units();
                            sales = sales.add(line.sales());
                        }
                    } else if (event instanceof SalesRestated restated) {
                        for (RestatedLine line : restated.lines()) {
                            units += line.deltaUnits();
                            sales = sales.add(line.deltaSales());
                        }
                    }
                }
            }
        }
        return new EventTotals(records, rows, units, sales.movePointRight(2).longValueExact());
    }
}
