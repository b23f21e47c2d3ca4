package io.kam.accounts.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.kam.platform.testing.EventSamples;

/** Every event type and version in the catalog has a sample, and every sample is a valid event of its type. */
class AccountEventSamplesTest {

    @Test
    void everyCatalogEntryHasASampleThatDecodesToItsType() {
        EventSamples.assertEveryEntryHasAValidSample(AccountEvents.CATALOG);
    }

    @Test
    void theCatalogPublishesOnTheAccountsTopic() {
        assertThat(AccountEvents.CATALOG.topic()).isEqualTo(AccountEvents.TOPIC).isEqualTo("kam.accounts.v1");
        assertThat(AccountEvents.CATALOG.wireNames()).hasSize(26);
    }
}
