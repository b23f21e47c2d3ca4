package io.kam.sellthrough;

import static io.kam.sellthrough.Rows.HEADER;
import static io.kam.sellthrough.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.Region;
import io.kam.platform.events.EventCatalog;
import io.kam.platform.events.EventEnvelope;
import io.kam.platform.testing.EventSamples;
import io.kam.platform.testing.TestTokens;
import io.kam.sellthrough.api.SellThroughEvents;
import tools.jackson.databind.JsonNode;

/**
 * What the service really publishes has the shape of the contract's samples, which every consumer tests against: two
 * batches emit every event type of the catalog.
 */
class PublishedEventsMatchSamplesTest extends ServiceTest {

    @Test
    void everyPublishedEventTypeHasTheFieldsOfItsSample() throws IOException {
        UUID account = retailers.open(Region.EAST, "SH-PD-001");
        String nora = TestTokens.nora();
        uploads.csv(nora, "batchId=samples-1-" + account + "&account=" + account, HEADER + row("SH-PD-001", 1, "2026-03-14", 12, "276.00", 40));
        uploads.csv(nora, "batchId=samples-2-" + account + "&account=" + account, HEADER + row("SH-PD-001", 1, "2026-03-14", 10, "230.00", 42));

        var events = awaitEvents(account, e -> e.size() >= 4);

        assertThat(events.stream().map(EventEnvelope::type).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(SellThroughEvents.CATALOG.wireNames().stream().map(EventCatalog.WireName::type).toList());
        for (EventEnvelope event : events) {
            JsonNode sample = CODEC.decode(EventSamples.json(event.type(), event.schemaversion())).data();
            assertThat(fields(event.data())).as(event.type()).isEqualTo(fields(sample));
            assertThat(event.subject()).isEqualTo(account.toString());
            assertThat(event.source()).isEqualTo("/kam/sellthrough");
            assertThat(event.actor()).isEqualTo("nora");
            assertThat(CODEC.payload(SellThroughEvents.CATALOG, event).accountId()).isEqualTo(account);
        }
    }

    private static Set<String> fields(JsonNode data) {
        return new TreeSet<>(data.propertyNames());
    }
}
