package io.kam.visits.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import io.kam.platform.events.EventCatalog;
import io.kam.platform.events.EventCodec;
import io.kam.platform.testing.EventSamples;

/** Every event type and version in the catalog has a sample, and every sample is a valid event of its type. */
class VisitEventSamplesTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void everyCatalogEntryHasASampleThatDecodesToItsType() {
        EventSamples.assertEveryEntryHasAValidSample(VisitEvents.CATALOG);
    }

    @Test
    void everyEventNamesItsRegion() throws IOException {
        for (EventCatalog.WireName name : VisitEvents.CATALOG.wireNames()) {
            var data = codec.decode(EventSamples.json(name)).data();
            boolean accountSetting = name.type().startsWith("kam.sku.") || name.type().startsWith("kam.commitment-policy.");
            assertThat(data.has("region")).as("%s names the region, so projections can count by it", name)
                    .isNotEqualTo(accountSetting);
        }
    }

    @Test
    void theCatalogPublishesOnTheVisitsTopic() {
        assertThat(VisitEvents.CATALOG.topic()).isEqualTo(VisitEvents.TOPIC).isEqualTo("kam.visits.v1");
        assertThat(VisitEvents.CATALOG.wireNames()).hasSize(27);
    }
}
