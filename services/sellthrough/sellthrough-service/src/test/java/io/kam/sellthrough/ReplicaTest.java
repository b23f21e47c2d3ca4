package io.kam.sellthrough;

import static io.kam.sellthrough.Rows.HEADER;
import static io.kam.sellthrough.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.kam.accounts.api.AccountEvents;
import io.kam.platform.events.EventCatalog.WireName;
import io.kam.platform.events.Topics;
import io.kam.platform.testing.EventSamples;
import io.kam.platform.testing.TestTokens;
import io.kam.platform.testing.TopicReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The replica of accounts and stores from {@code kam.accounts.v1}: every sample event of the accounts contract applies
 * (most change nothing here), a replayed event changes nothing, a closed store takes no rows after its closing day, and
 * an event this service cannot read goes to the dead-letter topic with the reason.
 */
class ReplicaTest extends ServiceTest {

    private static final String SAMPLE_ACCOUNT = "3f2b8c1e-7d4a-4e59-9b1a-2c6d8e0f1a23";
    private static final String SAMPLE_STORE = "5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everyAccountsSampleAppliesAndAStoreClosedTakesNoLaterRows() throws IOException {
        UUID account = UUID.randomUUID();
        UUID store = UUID.randomUUID();
        long before = processed();
        String opened = null;
        for (WireName name : AccountEvents.CATALOG.wireNames()) {
            String sample = withIds(EventSamples.json(name), account, store);
            if (name.type().equals("kam.store.opened")) {
                opened = sample;
            }
            publish(account, sample);
        }
        publish(account, opened);
        String sentinel = withIds(EventSamples.json(new WireName("kam.contact.removed", 1)), account, store);
        publish(account, sentinel);
        String sentinelId = json.readTree(sentinel).get("id").asString();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> db.sql(
                "select count(*) from kam_processed_event where event_id = cast(:id as uuid)").param("id", sentinelId)
                .query(Long.class).single() == 1);

        assertThat(processed() - before).as("the replayed store.opened was recognised and skipped")
                .isEqualTo(AccountEvents.CATALOG.wireNames().size() + 1);

        assertThat(db.sql("select name, status from account where id = :id").param("id", account)
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).single()).isEqualTo("Yangtze Hypermarket Group ACTIVE");
        assertThat(db.sql("select code || ' ' || region || ' ' || opening_date || ' ' || closed_on from store where account_id = :id")
                .param("id", account).query(String.class).list()).containsExactly("SH-PD-001 EAST 2019-09-28 2026-02-28");
        var pushed = uploads.csv(TestTokens.nora(), "batchId=closed-" + account + "&account=" + account, HEADER
                + row("SH-PD-001", 1, "2026-02-28", 1, "1.00", null) + row("SH-PD-001", 1, "2026-03-01", 1, "1.00", null));
        assertThat(pushed.number("accepted")).isEqualTo(1);
        assertThat(pushed.json().at("/firstRejections/0/reason").asString())
                .isEqualTo("store SH-PD-001 closed on 2026-02-28, before 2026-03-01");
    }

    @Test
    void anEventItCannotReadGoesToTheDeadLetterTopicWithTheReason() throws IOException {
        UUID account = UUID.randomUUID();
        ObjectNode unknown = (ObjectNode) json.readTree(withIds(EventSamples.json(new WireName("kam.account.opened", 1)), account,
                UUID.randomUUID()));
        unknown.put("type", "kam.account.renamed");
        String id = unknown.get("id").asString();

        publish(account, json.writeValueAsString(unknown));

        var dead = TopicReader.awaitRecords(Topics.deadLetter(AccountEvents.TOPIC), r -> r.value().contains(id)
                && "sellthrough".equals(TopicReader.header(r, "kafka_dlt-original-consumer-group")));
        assertThat(TopicReader.header(dead.getFirst(), "kam-dlt-reason")).contains("unknown event type kam.account.renamed");
    }

    private long processed() {
        return db.sql("select count(*) from kam_processed_event where consumer = 'sellthrough-replica'").query(Long.class).single();
    }

    private void publish(UUID account, String envelope) {
        try {
            kafka.send(AccountEvents.TOPIC, account.toString(), envelope).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sample with a new event id, and the sample's account and store replaced by fresh ones. */
    private String withIds(String sample, UUID account, UUID store) {
        ObjectNode envelope = (ObjectNode) json.readTree(sample.replace(SAMPLE_ACCOUNT, account.toString())
                .replace(SAMPLE_STORE, store.toString()));
        envelope.put("id", UUID.randomUUID().toString());
        return json.writeValueAsString(envelope);
    }
}
