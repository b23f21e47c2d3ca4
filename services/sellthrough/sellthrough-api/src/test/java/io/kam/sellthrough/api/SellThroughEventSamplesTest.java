package io.kam.sellthrough.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.kam.platform.events.DomainEvent;
import io.kam.platform.events.EventCatalog;
import io.kam.platform.events.EventCodec;
import io.kam.platform.testing.EventSamples;
import io.kam.sellthrough.api.SellThroughEvents.RecordedLine;
import io.kam.sellthrough.api.SellThroughEvents.RestatedLine;
import io.kam.sellthrough.api.SellThroughEvents.SalesRecorded;
import io.kam.sellthrough.api.SellThroughEvents.SalesRestated;

/** Every event type and version in the catalog has a sample, and every sample is a valid event of its type. */
class SellThroughEventSamplesTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void everyCatalogEntryHasASampleThatDecodesToItsType() {
        EventSamples.assertEveryEntryHasAValidSample(SellThroughEvents.CATALOG);
    }

    @Test
    void reEncodingAPayloadKeepsEveryDecimalsScale() {
        for (EventCatalog.WireName name : SellThroughEvents.CATALOG.wireNames()) {
            String json = EventSamples.json(name);
            var envelope = codec.decode(json);
            DomainEvent event = codec.payload(SellThroughEvents.CATALOG, envelope);
            assertThat(codec.encode(codec.wrap(SellThroughEvents.CATALOG, event, envelope.actor(), envelope.time())))
                    .as("%s: the sample's data, decimals with their scale (276.00, not 276.0)", name)
                    .contains(codec.tree(json).get("data").toString());
        }
    }

    @Test
    void theCatalogPublishesOnTheSellThroughTopic() {
        assertThat(SellThroughEvents.CATALOG.topic()).isEqualTo(SellThroughEvents.TOPIC).isEqualTo("kam.sellthrough.v1");
        assertThat(SellThroughEvents.CATALOG.wireNames()).hasSize(3);
    }

    @Test
    void linesTravelAsCompactArraysAndTheirTotalsAreExactDecimals() throws IOException {
        var recorded = (SalesRecorded) payload("kam.sellthrough.recorded");
        assertThat(recorded.lines()).containsExactly(
                new RecordedLine("SH-PD-001", "06901234567892", 12, new BigDecimal("276.00"), 40),
                new RecordedLine("SH-PD-001", "06920202888888", 7, new BigDecimal("199.50"), null),
                new RecordedLine("SH-PD-004", "06901234567892", 12, new BigDecimal("236.80"), 18));
        assertThat(recorded.lines().stream().mapToLong(RecordedLine::units).sum()).isEqualTo(recorded.units());
        assertThat(recorded.lines().stream().map(RecordedLine::sales).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualTo(recorded.sales());

        var restated = (SalesRestated) payload("kam.sellthrough.restated");
        assertThat(restated.lines()).containsExactly(new RestatedLine("SH-PD-001", "06901234567892", 10,
                new BigDecimal("230.00"), 42, -2, new BigDecimal("-46.00")));
        assertThat(restated.deltaSales()).isEqualTo(new BigDecimal("-46.00"));
    }

    private DomainEvent payload(String type) throws IOException {
        var name = new EventCatalog.WireName(type, 1);
        return codec.payload(SellThroughEvents.CATALOG, codec.decode(EventSamples.json(name)));
    }
}
