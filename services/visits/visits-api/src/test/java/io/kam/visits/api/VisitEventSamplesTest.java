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
    void aCommitmentEventWrittenBeforeAmountsExistedStillDecodes_withoutAmountOrLimit() {
        String recorded = """
                {"id":"0b5e7d2a-2222-4c1a-9a55-000000000107","source":"/kam/visits","specversion":"1.0",\
                "type":"kam.commitment.recorded","subject":"3f2b8c1e-7d4a-4e59-9b1a-2c6d8e0f1a23",\
                "time":"2026-03-04T03:12:45.500Z","datacontenttype":"application/json","schemaversion":1,"actor":"eric",\
                "data":{"accountId":"3f2b8c1e-7d4a-4e59-9b1a-2c6d8e0f1a23","commitmentId":"c0ffee00-0001-4b2c-9d3e-4f5a6b7c8d01",\
                "visitId":"a1b2c3d4-0001-4e5f-8a9b-0c1d2e3f4a01","storeId":"5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",\
                "region":"EAST","type":"POS_MATERIAL","description":"Two hanging flags","madeBy":"eric"}}""";
        String flagged = recorded.replace("kam.commitment.recorded", "kam.commitment.flagged")
                .replace("\"madeBy\":\"eric\"}", "\"madeBy\":\"eric\",\"allowed\":[\"TRAINING\"]}");

        var oldRecorded = (CommitmentEvents.CommitmentRecorded) codec.payload(VisitEvents.CATALOG, codec.decode(recorded));
        var oldFlagged = (CommitmentEvents.CommitmentFlagged) codec.payload(VisitEvents.CATALOG, codec.decode(flagged));

        assertThat(oldRecorded.type()).isEqualTo(CommitmentType.POS_MATERIAL);
        assertThat(oldRecorded.discountPercent()).isNull();
        assertThat(oldRecorded.amount()).isNull();
        assertThat(oldRecorded.units()).isNull();
        assertThat(oldRecorded.allowedBy()).isNull();
        assertThat(oldFlagged.allowed()).containsExactly(CommitmentType.TRAINING);
        assertThat(oldFlagged.exceeded()).isNull();
        assertThat(oldFlagged.amount()).isNull();
    }

    @Test
    void theCatalogPublishesOnTheVisitsTopic() {
        assertThat(VisitEvents.CATALOG.topic()).isEqualTo(VisitEvents.TOPIC).isEqualTo("kam.visits.v1");
        assertThat(VisitEvents.CATALOG.wireNames()).hasSize(27);
    }
}
