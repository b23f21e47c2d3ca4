package io.kam.visits.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.kam.platform.events.DomainEvent;
import io.kam.platform.events.EventCatalog;
import io.kam.platform.events.EventCodec;
import io.kam.platform.events.EventEnvelope;

/** Every event type and version in the catalog has a sample, and every sample is a valid event of its type. */
class VisitEventSamplesTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void everyCatalogEntryHasASampleThatDecodesToItsType() throws IOException {
        for (EventCatalog.WireName name : VisitEvents.CATALOG.wireNames()) {
            String json = sample(name);
            EventEnvelope envelope = codec.decode(json);
            DomainEvent event = codec.payload(VisitEvents.CATALOG, envelope);

            assertThat(envelope.type()).isEqualTo(name.type());
            assertThat(envelope.schemaversion()).isEqualTo(name.version());
            assertThat(envelope.source()).isEqualTo("/kam/visits");
            assertThat(event.getClass()).isEqualTo(VisitEvents.CATALOG.javaType(name.type(), name.version()).orElseThrow());
            assertThat(event.accountId().toString()).as("subject is the account").isEqualTo(envelope.subject());
            assertThat(codec.tree(codec.encode(codec.wrap(VisitEvents.CATALOG, event, envelope.actor(), envelope.time())))
                    .get("data")).as("%s: re-encoding the payload gives the sample back", name).isEqualTo(envelope.data());
        }
    }

    @Test
    void everyEventNamesItsRegion() throws IOException {
        for (EventCatalog.WireName name : VisitEvents.CATALOG.wireNames()) {
            var data = codec.decode(sample(name)).data();
            boolean accountSetting = name.type().startsWith("kam.sku.") || name.type().startsWith("kam.commitment-policy.");
            assertThat(data.has("region")).as("%s names the region, so projections can count by it", name)
                    .isNotEqualTo(accountSetting);
        }
    }

    @Test
    void theCatalogPublishesOnTheVisitsTopic() {
        assertThat(VisitEvents.CATALOG.topic()).isEqualTo(VisitEvents.TOPIC).isEqualTo("kam.visits.v1");
        assertThat(VisitEvents.CATALOG.wireNames()).hasSize(26);
    }

    /** The sample JSON of one event type and version, as shipped in this module's test jar. */
    static String sample(EventCatalog.WireName name) throws IOException {
        String path = "/events/" + name.type() + ".v" + name.version() + ".json";
        try (InputStream in = VisitEventSamplesTest.class.getResourceAsStream(path)) {
            assertThat(in).as("sample %s", path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
