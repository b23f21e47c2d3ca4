package io.kam.sellthrough;

import static io.kam.sellthrough.Rows.HEADER;
import static io.kam.sellthrough.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.kam.accounts.api.Region;
import io.kam.platform.events.EventEnvelope;
import io.kam.platform.testing.TestTokens;
import io.kam.platform.testing.TopicReader;
import io.kam.sellthrough.api.SellThroughEvents;
import io.kam.sellthrough.api.SellThroughEvents.BatchIngested;
import io.kam.sellthrough.api.SellThroughEvents.RecordedLine;
import io.kam.sellthrough.api.SellThroughEvents.RestatedLine;
import io.kam.sellthrough.api.SellThroughEvents.SalesRecorded;
import io.kam.sellthrough.api.SellThroughEvents.SalesRestated;
import io.kam.sellthrough.api.SellThroughEvents.SellThroughEvent;

/**
 * On the real broker: what a consumer adds up from the events of several batches (new figures, restatements,
 * rejected and duplicate rows among them) equals the figures the service holds, key by key and in total, and every
 * batch's events are complete and consistent.
 */
class EventTotalsTest extends ServiceTest {

    @Test
    void theEventsAddUpToTheAcceptedRows() {
        UUID account = retailers.open(Region.EAST, "S1", "S2", "S3");
        String nora = TestTokens.nora();
        StringBuilder first = new StringBuilder(HEADER);
        StringBuilder second = new StringBuilder(HEADER);
        for (int p = 1; p <= 30; p++) {
            for (String store : List.of("S1", "S2", "S3")) {
                first.append(row(store, p, "2026-03-13", p, p + ".10", p));
                first.append(row(store, p, "2026-03-14", 1, "0.99", null));
                if (p % 3 == 0) {
                    second.append(row(store, p, "2026-03-13", p + 2, p + ".35", p - 1));
                }
                second.append(row(store, p, "2026-03-15", 2, "3.00", null));
            }
        }
        first.append(row("S9", 1, "2026-03-14", 1, "1.00", null)).append(row("S1", 1, "2026-03-13", 5, "5.00", null));
        var a = uploads.csv(nora, "batchId=totals-a-" + account + "&account=" + account, first.toString());
        var b = uploads.csv(nora, "batchId=totals-b-" + account + "&account=" + account, second.toString());
        assertThat(List.of(a.status(), b.status(), (int) a.number("rejected"), (int) b.number("restated")))
                .containsExactly(201, 201, 2, 30);

        List<ConsumerRecord<String, String>> records = awaitRecords(account, 2);
        Map<String, Long> units = new TreeMap<>();
        Map<String, BigDecimal> sales = new TreeMap<>();
        Map<String, Integer> parts = new HashMap<>();
        Map<String, BatchIngested> batches = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            EventEnvelope envelope = CODEC.decode(record.value());
            assertThat(TopicReader.header(record, "kam-event-type")).isEqualTo(envelope.type());
            SellThroughEvent event = (SellThroughEvent) CODEC.payload(SellThroughEvents.CATALOG, envelope);
            switch (event) {
                case SalesRecorded recorded -> {
                    assertThat(recorded.lines()).hasSizeLessThanOrEqualTo(LINES_PER_EVENT);
                    assertThat(recorded.units()).isEqualTo(recorded.lines().stream().mapToLong(RecordedLine::units).sum());
                    for (RecordedLine line : recorded.lines()) {
                        String key = line.store() + " " + line.gtin() + " " + recorded.day();
                        units.merge(key, line.units(), Long::sum);
                        sales.merge(key, line.sales(), BigDecimal::add);
                    }
                    parts.merge(recorded.batchId(), 1, Integer::sum);
                }
                case SalesRestated restated -> {
                    assertThat(restated.deltaSales()).isEqualTo(restated.lines().stream().map(RestatedLine::deltaSales)
                            .reduce(BigDecimal.ZERO, BigDecimal::add));
                    for (RestatedLine line : restated.lines()) {
                        String key = line.store() + " " + line.gtin() + " " + restated.day();
                        units.merge(key, line.deltaUnits(), Long::sum);
                        sales.merge(key, line.deltaSales(), BigDecimal::add);
                    }
                    parts.merge(restated.batchId(), 1, Integer::sum);
                }
                case BatchIngested ingested -> batches.put(ingested.batchId(), ingested);
            }
        }

        Map<String, String> fromEvents = units.keySet().stream().collect(Collectors.toMap(k -> k,
                k -> units.get(k) + " " + sales.get(k).toPlainString(), (x, y) -> x, TreeMap::new));
        Map<String, String> held = figures(account).entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().substring(0, e.getValue().lastIndexOf(' ')), (x, y) -> x, TreeMap::new));
        assertThat(fromEvents).isEqualTo(held).hasSize(3 * 30 * 3);
        assertThat(batches).hasSize(2);
        batches.values().forEach(batch -> assertThat(parts.get(batch.batchId())).as(batch.batchId()).isEqualTo(batch.parts()));
        assertThat(batches.get("totals-a-" + account).rejected()).isEqualTo(2);
        long heldUnits = db.sql("select sum(units) from sale s join store st on st.no = s.store_no where st.account_id = :a")
                .param("a", account).query(Long.class).single();
        assertThat(batches.values().stream().mapToLong(BatchIngested::deltaUnits).sum()).isEqualTo(heldUnits);
    }

    private static List<ConsumerRecord<String, String>> awaitRecords(UUID account, int batches) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(250))
                .until(() -> TopicReader.readAll(SellThroughEvents.TOPIC).stream()
                        .filter(r -> account.toString().equals(r.key())).toList(),
                        found -> found.stream().filter(r -> "kam.sellthrough.batch-ingested"
                                .equals(TopicReader.header(r, "kam-event-type"))).count() == batches);
    }
}
