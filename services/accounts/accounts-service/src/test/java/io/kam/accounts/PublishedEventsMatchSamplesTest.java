package io.kam.accounts;

import static io.kam.accounts.AccountFixture.aBuyer;
import static io.kam.accounts.AccountFixture.aNationalHypermarketChain;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.AccountEvents;
import io.kam.accounts.api.Region;
import io.kam.platform.events.EventCatalog;
import io.kam.platform.events.EventEnvelope;
import tools.jackson.databind.JsonNode;

/**
 * What the service really publishes has the shape of the contract's samples, which every consumer tests against:
 * one scenario emits every event type of the catalog.
 */
class PublishedEventsMatchSamplesTest extends ServiceTest {

    @Test
    void everyPublishedEventTypeHasTheFieldsOfItsSample() throws IOException {
        UUID account = open(aNationalHypermarketChain());
        String base = "/api/accounts/" + account;
        api.patch(base, Map.of("banner", "Yangtze Hyper & Fresh"), "\"0\"");
        String store = api.post(base + "/stores", AccountFixture.aStore("SH-PD-001", Region.EAST)).text("id");
        api.post(base + "/stores/" + store + "/closure", Map.of("reason", "Lease not renewed"));
        var contact = api.post(base + "/contacts", aBuyer());
        var changed = api.put(base + "/contacts/" + contact.text("id"), aBuyer(), contact.etag());
        api.delete(base + "/contacts/" + contact.text("id"), changed.etag());
        api.put(base + "/classification", Map.of("tier", "A", "role", "WHITE", "reason", "top volume"), "\"1\"");
        api.put(base + "/stage", Map.of("stage", "PRODUCT_USER", "evidence", "first order"), "\"2\"");

        var events = awaitEvents(account, e -> e.size() == 9);

        assertThat(events.stream().map(EventEnvelope::type).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(AccountEvents.CATALOG.wireNames().stream()
                        .map(EventCatalog.WireName::type).toList());
        for (EventEnvelope event : events) {
            JsonNode sample = CODEC.decode(sample(event.type(), event.schemaversion())).data();
            assertThat(fields(event.data())).as(event.type()).isEqualTo(fields(sample));
            assertThat(event.subject()).isEqualTo(account.toString());
            assertThat(event.source()).isEqualTo("/kam/accounts");
            assertThat(CODEC.payload(AccountEvents.CATALOG, event).accountId()).isEqualTo(account);
        }
    }

    private static Set<String> fields(JsonNode data) {
        return new TreeSet<>(data.propertyNames());
    }

    private static String sample(String type, int version) throws IOException {
        try (InputStream in = PublishedEventsMatchSamplesTest.class.getResourceAsStream("/events/" + type + ".v" + version + ".json")) {
            assertThat(in).as("sample of %s v%d", type, version).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
