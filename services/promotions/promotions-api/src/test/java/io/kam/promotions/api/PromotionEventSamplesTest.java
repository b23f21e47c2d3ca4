package io.kam.promotions.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.kam.platform.events.EventCatalog;
import io.kam.platform.events.EventCodec;
import io.kam.platform.testing.EventSamples;
import io.kam.promotions.api.PromotionEvents.Period;
import io.kam.promotions.api.PromotionEvents.PromotionDrafted;

/** Every event type and version in the catalog has a sample, and every sample is a valid event of its type. */
class PromotionEventSamplesTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void everyCatalogEntryHasASampleThatDecodesToItsType() {
        EventSamples.assertEveryEntryHasAValidSample(PromotionEvents.CATALOG);
    }

    @Test
    void theCatalogPublishesOnThePromotionsTopic() {
        assertThat(PromotionEvents.CATALOG.topic()).isEqualTo(PromotionEvents.TOPIC).isEqualTo("kam.promotions.v1");
        assertThat(PromotionEvents.CATALOG.wireNames()).hasSize(15);
    }

    @Test
    void pricesTravelAsExactDecimalsWithTheirScale() {
        var name = new EventCatalog.WireName("kam.promotion.drafted", 1);
        String json = EventSamples.json(name);
        var drafted = (PromotionDrafted) codec.payload(PromotionEvents.CATALOG, codec.decode(json));

        assertThat(drafted.terms().skus().getFirst().promotedPrice()).isEqualTo(new BigDecimal("19.90"));
        assertThat(codec.encode(codec.wrap(PromotionEvents.CATALOG, drafted, "nora", codec.decode(json).time())))
                .contains(codec.tree(json).get("data").toString());
    }

    @Test
    void periodsIncludeBothDaysAndOverlapWhenTheyShareOne() {
        Period march = new Period(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 3, 14));

        assertThat(march.days()).isEqualTo(14);
        assertThat(march.overlaps(new Period(LocalDate.of(2027, 3, 14), LocalDate.of(2027, 3, 20)))).isTrue();
        assertThat(march.overlaps(new Period(LocalDate.of(2027, 3, 15), LocalDate.of(2027, 3, 20)))).isFalse();
        assertThat(march.overlaps(new Period(LocalDate.of(2027, 2, 1), LocalDate.of(2027, 2, 28)))).isFalse();
    }
}
