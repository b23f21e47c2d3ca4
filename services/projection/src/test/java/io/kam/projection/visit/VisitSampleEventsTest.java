package io.kam.projection.visit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.kam.accounts.api.Region;
import io.kam.platform.events.EventCatalog.WireName;
import io.kam.platform.events.EventCodec;
import io.kam.platform.testing.EventSamples;
import io.kam.platform.testing.TopicReader;
import io.kam.projection.AccountFixture;
import io.kam.projection.ReviewsApi;
import io.kam.projection.ReviewsTest;
import io.kam.visits.api.VisitEvents;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every sample event of the visits contract is read and applied, in catalog order: none ends on the dead-letter
 * topic, and the samples' story (one visit planned, prepared and logged; another missed, then cancelled; a store
 * check; a complaint resolved with a promised date that was kept; a promotion found off price and without its photo)
 * shows in the rows and in the review.
 */
class VisitSampleEventsTest extends ReviewsTest {

    private static final String ACCOUNT = "3f2b8c1e-7d4a-4e59-9b1a-2c6d8e0f1a23";
    private static final String LOGGED_VISIT = "a1b2c3d4-0001-4e5f-8a9b-0c1d2e3f4a01";
    private static final String MISSED_VISIT = "a1b2c3d4-0003-4e5f-8a9b-0c1d2e3f4a03";
    private static final String PROMOTION = "6d8f1b2e-3c4d-4e5f-9a0b-1c2d3e4f5a6b";

    @Autowired
    JdbcClient jdbc;

    private final EventCodec codec = new EventCodec();
    /** Every id of the samples, replaced by a fresh one, the same one wherever it appears. */
    private final Map<String, String> fresh = new HashMap<>();

    @Test
    void everySampleOfTheVisitsContractAppliesWithoutADeadLetter() throws IOException {
        List<UUID> published = new ArrayList<>();
        for (WireName name : VisitEvents.CATALOG.wireNames()) {
            ObjectNode envelope = (ObjectNode) codec.tree(EventSamples.json(name));
            envelope.put("id", UUID.randomUUID().toString());
            envelope.put("subject", freshId(envelope.get("subject").asString()));
            envelope.set("data", withFreshIds(envelope.get("data")));
            published.add(UUID.fromString(envelope.get("id").asString()));
            visits.publish(envelope.get("subject").asString(), envelope.toString());
        }
        UUID account = UUID.fromString(fresh.get(ACCOUNT));
        topic.publish(AccountFixture.aRegionalSupermarketChain(account, "Sample Visits " + account, Region.EAST));

        Awaitility.await("every sample processed").atMost(ReviewsApi.PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.sql("select count(*) from kam_processed_event where consumer = :c and event_id = any(:ids)")
                        .param("c", VisitsListener.CONSUMER).param("ids", published.toArray(UUID[]::new))
                        .query(Long.class).single(), count -> count == published.size());
        assertThat(published).hasSameSizeAs(VisitEvents.CATALOG.wireNames()).hasSize(27);
        assertThat(TopicReader.readAll(VisitEvents.TOPIC + ".dlt")).noneMatch(r -> r.key().equals(account.toString()));

        assertThat(status(LOGGED_VISIT)).isEqualTo("COMPLETED");
        assertThat(status(MISSED_VISIT)).as("missed, then cancelled as its store closed").isEqualTo("CANCELLED");
        JsonNode execution = api.awaitVisitsApplied(account, published.size());
        JsonNode east = execution.at("/byRegion/EAST");
        assertThat(east.at("/compliance/lastCheckedOn").asString()).isEqualTo("2026-03-04");
        assertThat(east.at("/coverage/due").asLong()).as("March 2026 is before the window").isZero();
        assertThat(east.at("/complaints/byStatus/RESOLVED").asLong()).isEqualTo(1);
        assertThat(east.at("/complaints/open").asLong()).isZero();
        assertThat(east.at("/complaints/overduePromises").asLong()).as("the promise was kept").isZero();
        assertThat(execution.get("asOf").asString()).as("the promotion execution sample's, a year later")
                .isEqualTo("2027-03-04T03:12:45.500Z");
        assertThat(jdbc.sql("""
                        select executed, array_to_string(deviations, ',') from promotion_check
                        where promotion_id = ? and revision = 1""")
                .param(UUID.fromString(fresh.get(PROMOTION)))
                .query((rs, row) -> rs.getBoolean(1) + " " + rs.getString(2)).single())
                .as("the promotion's execution at the store").isEqualTo("false price:06901234567892,photo");
    }

    private String status(String sampleVisit) {
        return jdbc.sql("select status from visit where visit_id = ?").param(UUID.fromString(fresh.get(sampleVisit)))
                .query(String.class).single();
    }

    /** The payload with every id replaced by its fresh one. */
    private JsonNode withFreshIds(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (String field : List.copyOf(object.propertyNames())) {
                object.set(field, withFreshIds(object.get(field)));
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, withFreshIds(array.get(i)));
            }
            return array;
        }
        if (node.isString() && isUuid(node.asString())) {
            return codec.tree("\"" + freshId(node.asString()) + "\"");
        }
        return node;
    }

    private String freshId(String sampleId) {
        return fresh.computeIfAbsent(sampleId, id -> UUID.randomUUID().toString());
    }

    private static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equals(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
