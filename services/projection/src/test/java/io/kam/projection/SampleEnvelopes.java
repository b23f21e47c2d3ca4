package io.kam.projection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.kam.platform.events.EventCatalog;
import io.kam.platform.events.EventCatalog.WireName;
import io.kam.platform.events.EventCodec;
import io.kam.platform.testing.EventSamples;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A contract's sample envelopes made fresh for one test: a new event id each, and every id in them (account,
 * promotion, visit...) replaced by a fresh one, the same one wherever it appears, so a test's samples meet no other
 * test's rows.
 */
public final class SampleEnvelopes {

    private final EventCodec codec = new EventCodec();
    private final Map<String, String> fresh = new HashMap<>();

    /** Every sample of the catalog, in catalog order, fresh. */
    public List<ObjectNode> of(EventCatalog<?> catalog) {
        List<ObjectNode> envelopes = new ArrayList<>();
        for (WireName name : catalog.wireNames()) {
            ObjectNode envelope = (ObjectNode) codec.tree(EventSamples.json(name));
            envelope.put("id", UUID.randomUUID().toString());
            envelope.put("subject", id(envelope.get("subject").asString()));
            envelope.set("data", withFreshIds(envelope.get("data")));
            envelopes.add(envelope);
        }
        return envelopes;
    }

    /** The fresh id that stands for this id of the samples. */
    public String id(String sampleId) {
        return fresh.computeIfAbsent(sampleId, id -> UUID.randomUUID().toString());
    }

    /** Waits until the consumer has processed every one of these envelopes. */
    public static void awaitProcessed(JdbcClient jdbc, String consumer, List<ObjectNode> envelopes) {
        UUID[] ids = envelopes.stream().map(e -> UUID.fromString(e.get("id").asString())).toArray(UUID[]::new);
        Awaitility.await("every sample processed").atMost(ReviewsApi.PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.sql("select count(*) from kam_processed_event where consumer = :c and event_id = any(:ids)")
                        .param("c", consumer).param("ids", ids).query(Long.class).single(), count -> count == ids.length);
    }

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
            return codec.tree("\"" + id(node.asString()) + "\"");
        }
        return node;
    }

    private static boolean isUuid(String value) {
        try {
            return UUID.fromString(value).toString().equals(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
