package io.kam.prospects.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import io.kam.platform.events.EventCatalog;
import io.kam.platform.events.EventCodec;
import io.kam.platform.events.EventEnvelope;
import io.kam.platform.testing.EventSamples;

/** Every event type and version in the catalog has a sample, and every sample is a valid event of its type. */
class ProspectEventSamplesTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void everyCatalogEntryHasASampleThatDecodesToItsType() {
        EventSamples.assertEveryEntryHasAValidSample(ProspectEvents.CATALOG);
    }

    @Test
    void theCatalogPublishesOnTheProspectsTopic() {
        assertThat(ProspectEvents.CATALOG.topic()).isEqualTo(ProspectEvents.TOPIC).isEqualTo("kam.prospects.v1");
        assertThat(ProspectEvents.CATALOG.wireNames()).hasSize(8);
    }

    @Test
    void territoryEventsAreKeyedByTheTerritorysFixedId() throws IOException {
        var name = new EventCatalog.WireName("kam.screening.criteria-defined", 1);
        EventEnvelope envelope = codec.decode(EventSamples.json(name));

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
}
