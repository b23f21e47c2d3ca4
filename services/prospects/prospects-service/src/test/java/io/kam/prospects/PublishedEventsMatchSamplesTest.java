package io.kam.prospects;

import static io.kam.prospects.ProspectFixture.aProspect;
import static io.kam.prospects.ProspectFixture.criteria;
import static io.kam.prospects.ProspectFixture.goodRatings;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.Region;
import io.kam.platform.events.EventCatalog;
import io.kam.platform.events.EventEnvelope;
import io.kam.platform.testing.EventSamples;
import io.kam.prospects.api.ProspectEvents;
import io.kam.prospects.api.Territories;
import tools.jackson.databind.JsonNode;

/** What the service publishes has the shape of the contract's samples: one scenario emits every event type. */
class PublishedEventsMatchSamplesTest extends ServiceTest {

    @Test
    void everyPublishedEventTypeHasTheFieldsOfItsSample() throws IOException {
        api.put("/api/prospects/criteria/SOUTHEAST", criteria(70), null);
        var kept = api.post("/api/prospects", aProspect("SOUTHEAST"));
        String path = kept.headers().getLocation().getPath();
        Map<String, Object> revision = new HashMap<>(aProspect("SOUTHEAST"));
        revision.put("companyName", ProspectFixture.unique("Xiamen Harbour Fresh"));
        var revised = api.put(path, revision, kept.etag());
        var rated = api.put(path + "/ratings", goodRatings(), revised.etag());
        var screened = api.put(path + "/stage", Map.of("stage", "SCREENED"), rated.etag());
        var planned = api.put(path + "/next-action", Map.of("action", "Call the buyer", "due", "2026-12-01"), screened.etag());
        api.post(path + "/conversion", null, planned.etag());
        var dropped = api.post("/api/prospects", aProspect("SOUTHEAST"));
        api.post(dropped.headers().getLocation().getPath() + "/drop", Map.of("reason", "NO_RESPONSE", "note", "silent"),
                dropped.etag());

        List<EventEnvelope> events = new ArrayList<>();
        events.addAll(awaitEvents(UUID.fromString(kept.text("accountId")), e -> e.size() == 6));
        events.addAll(awaitEvents(UUID.fromString(dropped.text("accountId")), e -> e.size() == 2));
        events.addAll(awaitEvents(Territories.id(Region.SOUTHEAST), e -> !e.isEmpty()));

        assertThat(events.stream().map(EventEnvelope::type).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(ProspectEvents.CATALOG.wireNames().stream()
                        .map(EventCatalog.WireName::type).toList());
        for (EventEnvelope event : events) {
            JsonNode sample = CODEC.decode(EventSamples.json(event.type(), event.schemaversion())).data();
            assertThat(fields(event.data())).as(event.type()).isEqualTo(fields(sample));
            assertThat(event.source()).isEqualTo("/kam/prospects");
            assertThat(CODEC.payload(ProspectEvents.CATALOG, event).accountId().toString()).isEqualTo(event.subject());
        }
    }

    private static Set<String> fields(JsonNode data) {
        return new TreeSet<>(data.propertyNames());
    }
}
