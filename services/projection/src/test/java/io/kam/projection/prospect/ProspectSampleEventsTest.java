package io.kam.projection.prospect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.kam.platform.events.EventCatalog.WireName;
import io.kam.platform.events.EventCodec;
import io.kam.platform.testing.EventSamples;
import io.kam.platform.testing.TopicReader;
import io.kam.projection.AccountFixture;
import io.kam.projection.ReviewsTest;
import io.kam.prospects.api.ProspectEvents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Every sample event of the prospects contract is read and applied: none ends on the dead-letter topic. */
class ProspectSampleEventsTest extends ReviewsTest {

    private static final String ACCOUNT = "8d1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b";
    private static final String PROSPECT = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    private static final String REFERRER = "3f2b8c1e-7d4a-4e59-9b1a-2c6d8e0f1a23";

    @Autowired
    JdbcClient jdbc;

    private final EventCodec codec = new EventCodec();

    @Test
    void everySampleOfTheProspectsContractAppliesWithoutADeadLetter() throws IOException {
        Map<String, String> fresh = Map.of(ACCOUNT, UUID.randomUUID().toString(),
                PROSPECT, UUID.randomUUID().toString(), REFERRER, UUID.randomUUID().toString());
        UUID account = UUID.fromString(fresh.get(ACCOUNT));
        List<UUID> published = new ArrayList<>();
        List<String> keys = new ArrayList<>();

        for (WireName name : ProspectEvents.CATALOG.wireNames()) {
            ObjectNode envelope = withFreshIds(EventSamples.json(name), fresh);
            published.add(UUID.fromString(envelope.get("id").asString()));
            keys.add(envelope.get("subject").asString());
            prospects.publish(envelope.get("subject").asString(), envelope.toString());
        }
        topic.publish(AccountFixture.aRegionalSupermarketChain(account, "Ningbo Harbour Fresh " + account,
                io.kam.accounts.api.Region.EAST));

        Awaitility.await("every sample processed").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.sql("select count(*) from kam_processed_event where consumer = :c and event_id = any(:ids)")
                        .param("c", ProspectsListener.CONSUMER).param("ids", published.toArray(UUID[]::new))
                        .query(Long.class).single(), count -> count == published.size());
        assertThat(published).hasSameSizeAs(ProspectEvents.CATALOG.wireNames()).hasSize(8);
        assertThat(TopicReader.readAll(ProspectEvents.TOPIC + ".dlt")).noneMatch(r -> keys.contains(r.key()));

        JsonNode origin = api.awaitReview(account, review -> !review.get("origin").isNull()).get("origin");
        assertThat(origin.get("prospectId").asString()).isEqualTo(fresh.get(PROSPECT));
        assertThat(origin.get("source").asString()).isEqualTo("REFERRAL");
        assertThat(origin.get("identifiedAt").asString()).isEqualTo("2026-11-20T03:20:00.120Z");
        assertThat(origin.get("convertedAt").asString()).isEqualTo("2026-11-20T03:20:00.120Z");
        assertThat(origin.get("convertedBy").asString()).isEqualTo("nora");
        assertThat(origin.get("score").decimalValue()).isEqualByComparingTo("78.0");
        assertThat(origin.get("referringAccountId").asString()).isEqualTo(fresh.get(REFERRER));
        assertThat(origin.at("/referralChain/0/accountId").asString()).isEqualTo(fresh.get(REFERRER));
    }

    /** The sample with a new event id, and the account, prospect and referring account replaced by fresh ones. */
    private ObjectNode withFreshIds(String sample, Map<String, String> fresh) {
        ObjectNode envelope = (ObjectNode) codec.tree(sample);
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("subject", fresh.getOrDefault(envelope.get("subject").asString(), envelope.get("subject").asString()));
        ObjectNode data = (ObjectNode) envelope.get("data");
        for (String field : new String[] {"accountId", "prospectId"}) {
            if (data.has(field)) {
                data.put(field, fresh.get(data.get(field).asString()));
            }
        }
        if (data.has("details")) {
            ((ObjectNode) data.get("details")).put("referringAccountId", fresh.get(REFERRER));
        }
        return envelope;
    }
}
