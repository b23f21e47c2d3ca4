package io.kam.accounts.api;

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
class AccountEventSamplesTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void everyCatalogEntryHasASampleThatDecodesToItsType() throws IOException {
        for (EventCatalog.WireName name : AccountEvents.CATALOG.wireNames()) {
            String json = sample(name);
            EventEnvelope envelope = codec.decode(json);
            DomainEvent event = codec.payload(AccountEvents.CATALOG, envelope);

            assertThat(envelope.type()).isEqualTo(name.type());
            assertThat(envelope.schemaversion()).isEqualTo(name.version());
            assertThat(event.getClass()).isEqualTo(AccountEvents.CATALOG.javaType(name.type(), name.version()).orElseThrow());
            assertThat(event.accountId().toString()).as("subject is the account").isEqualTo(envelope.subject());
            assertThat(codec.tree(codec.encode(codec.wrap(AccountEvents.CATALOG, event, envelope.actor(), envelope.time())))
                    .get("data")).as("%s: re-encoding the payload gives the sample back", name).isEqualTo(envelope.data());
        }
    }

    @Test
    void theCatalogPublishesOnTheAccountsTopic() {
        assertThat(AccountEvents.CATALOG.topic()).isEqualTo(AccountEvents.TOPIC).isEqualTo("kam.accounts.v1");
        assertThat(AccountEvents.CATALOG.wireNames()).hasSize(26);
    }

    /** The sample JSON of one event type and version, as shipped in this module's test jar. */
    static String sample(EventCatalog.WireName name) throws IOException {
        String path = "/events/" + name.type() + ".v" + name.version() + ".json";
        try (InputStream in = AccountEventSamplesTest.class.getResourceAsStream(path)) {
            assertThat(in).as("sample %s", path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
