package io.kam.prospects.api;

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
class ProspectEventSamplesTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void everyCatalogEntryHasASampleThatDecodesToItsType() throws IOException {
        for (EventCatalog.WireName name : ProspectEvents.CATALOG.wireNames()) {
            String json = sample(name);
            EventEnvelope envelope = codec.decode(json);
            DomainEvent event = codec.payload(ProspectEvents.CATALOG, envelope);

            assertThat(envelope.type()).isEqualTo(name.type());
            assertThat(envelope.schemaversion()).isEqualTo(name.version());
            assertThat(event.getClass()).isEqualTo(ProspectEvents.CATALOG.javaType(name.type(), name.version()).orElseThrow());
            assertThat(event.accountId().toString()).as("subject is the account").isEqualTo(envelope.subject());
            assertThat(codec.tree(codec.encode(codec.wrap(ProspectEvents.CATALOG, event, envelope.actor(), envelope.time())))
                    .get("data")).as("%s: re-encoding the payload gives the sample back", name).isEqualTo(envelope.data());
        }
    }

    @Test
    void theCatalogPublishesOnTheProspectsTopic() {
        assertThat(ProspectEvents.CATALOG.topic()).isEqualTo(ProspectEvents.TOPIC).isEqualTo("kam.prospects.v1");
        assertThat(ProspectEvents.CATALOG.wireNames()).hasSize(8);
    }

    @Test
    void territoryEventsAreKeyedByTheTerritorysFixedId() throws IOException {
        var name = new EventCatalog.WireName("kam.screening.criteria-defined", 1);
        EventEnvelope envelope = codec.decode(sample(name));

        assertThat(envelope.subject()).isEqualTo(Territories.id(io.kam.accounts.api.Region.EAST).toString());
        assertThat(Territories.id(io.kam.accounts.api.Region.EAST)).isNotEqualTo(Territories.id(io.kam.accounts.api.Region.SOUTH));
    }

    @Test
    void aProspectLoyalToACompetitorIsASecondaryTargetAndOneBelowTheBarNoTargetYet() {
        assertThat(TargetClass.of(true, CompetitorLoyalty.LOW)).isEqualTo(TargetClass.PRIMARY);
        assertThat(TargetClass.of(true, null)).as("no competitor at all").isEqualTo(TargetClass.PRIMARY);
        assertThat(TargetClass.of(true, CompetitorLoyalty.HIGH)).isEqualTo(TargetClass.SECONDARY);
        assertThat(TargetClass.of(false, CompetitorLoyalty.LOW)).isEqualTo(TargetClass.NOT_A_TARGET);
    }

    /** The sample JSON of one event type and version, as shipped in this module's test jar. */
    static String sample(EventCatalog.WireName name) throws IOException {
        String path = "/events/" + name.type() + ".v" + name.version() + ".json";
        try (InputStream in = ProspectEventSamplesTest.class.getResourceAsStream(path)) {
            assertThat(in).as("sample %s", path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
