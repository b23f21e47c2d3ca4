package io.kam.negotiations.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.kam.negotiations.api.NegotiationEvents.AgreedTerm;
import io.kam.negotiations.api.NegotiationEvents.AgreementSigned;
import io.kam.platform.events.DomainEvent;
import io.kam.platform.events.EventCatalog;
import io.kam.platform.events.EventCodec;
import io.kam.platform.testing.EventSamples;
import tools.jackson.databind.JsonNode;

/** Every event type and version in the catalog has a sample, and every sample is a valid event of its type. */
class NegotiationEventSamplesTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void everyCatalogEntryHasASampleThatDecodesToItsType() {
        EventSamples.assertEveryEntryHasAValidSample(NegotiationEvents.CATALOG);
    }

    @Test
    void theCatalogPublishesOnTheNegotiationsTopic() {
        assertThat(NegotiationEvents.CATALOG.topic()).isEqualTo(NegotiationEvents.TOPIC)
                .isEqualTo("kam.negotiations.v1");
        assertThat(NegotiationEvents.CATALOG.wireNames()).hasSize(8);
    }

    /**
     * Money and percentages have scale 2 in every sample, and every sample re-encodes to its own text. (The tree
     * comparison of {@code assertEveryEntryHasAValidSample} does not see a decimal's scale: 144000.0 equals 144000.00.)
     */
    @Test
    void everySampleWritesItsDecimalsWithTwoPlacesAndReEncodesToItsOwnText() {
        for (EventCatalog.WireName name : NegotiationEvents.CATALOG.wireNames()) {
            String json = EventSamples.json(name);
            JsonNode data = codec.tree(json).get("data");
            DomainEvent event = codec.payload(NegotiationEvents.CATALOG, codec.decode(json));

            assertThat(decimals(data)).as("%s: decimals", name).allSatisfy(decimal ->
                    assertThat(decimal.scale()).as("%s: scale of %s", name, decimal).isEqualTo(2));
            assertThat(codec.encode(codec.wrap(NegotiationEvents.CATALOG, event, "nora", Instant.EPOCH)))
                    .as("%s: re-encoded", name).contains("\"data\":" + data);
        }
    }

    private static List<BigDecimal> decimals(JsonNode node) {
        List<BigDecimal> found = new ArrayList<>();
        if (node.isNumber() && !node.isIntegralNumber()) {
            found.add(node.decimalValue());
        }
        for (JsonNode child : node) {
            found.addAll(decimals(child));
        }
        return found;
    }

    @Test
    void costsAndSharesTravelAsExactDecimalsWithTheirScale() {
        String json = EventSamples.json(new EventCatalog.WireName("kam.agreement.signed", 1));
        var signed = (AgreementSigned) codec.payload(NegotiationEvents.CATALOG, codec.decode(json));

        AgreedTerm bonus = signed.agreement().terms().get(1);
        assertThat(bonus.kind()).isEqualTo(TermKind.OFF_INVOICE_REBATE);
        assertThat(bonus.value().percent()).isEqualTo(new BigDecimal("2.50"));
        assertThat(signed.agreement().tradeSpendPercent()).isEqualTo(new BigDecimal("7.69"));
        assertThat(codec.encode(codec.wrap(NegotiationEvents.CATALOG, signed, "nora", codec.decode(json).time())))
                .contains(codec.tree(json).get("data").toString());
    }

    /** The sample's figures are the ADR's worked example: the total ÷ the basis, not the sum of the rounded shares. */
    @Test
    void theSignedSampleAddsUp() {
        String json = EventSamples.json(new EventCatalog.WireName("kam.agreement.signed", 1));
        var terms = ((AgreementSigned) codec.payload(NegotiationEvents.CATALOG, codec.decode(json))).agreement();

        BigDecimal total = terms.terms().stream().map(AgreedTerm::annualCost).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(total).isEqualTo(terms.totalAnnualCost());
        assertThat(total.multiply(BigDecimal.valueOf(100)).divide(terms.basis().annualSales(), 2,
                RoundingMode.HALF_UP)).isEqualTo(terms.tradeSpendPercent());
    }

    @Test
    void everyKindAllowsTheShapesItsValuesMayTake() {
        assertThat(TermKind.PAYMENT_TERMS.shapes()).containsExactly(ValueShape.DAYS);
        assertThat(TermKind.GROWTH_REBATE.allows(ValueShape.TIERED)).isTrue();
        assertThat(TermKind.LISTING_FEE.allows(ValueShape.PERCENT_OF_SALES)).isFalse();
        for (TermKind kind : TermKind.values()) {
            assertThat(kind.shapes()).as("%s", kind).isNotEmpty();
        }
    }
}
