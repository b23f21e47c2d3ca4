package io.kam.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class EventCodecTest {

    /** The contract: two records, one of them behind a sealed sub-interface. */
    sealed interface TestEvent extends DomainEvent permits SomethingHappened, PricingEvent {
    }

    sealed interface PricingEvent extends TestEvent permits Priced {
    }

    @EventType(value = "kam.test.happened", version = 2)
    record SomethingHappened(UUID accountId, String what) implements TestEvent {
    }

    @EventType("kam.test.other")
    record OtherThing(UUID accountId) implements DomainEvent {
    }

    @EventType("kam.test.priced")
    record Priced(UUID accountId, java.math.BigDecimal amount) implements PricingEvent {
    }

    private final EventCatalog<TestEvent> catalog = EventCatalog.of("test", TestEvent.class);
    private final EventCodec codec = new EventCodec();

    @Test
    void moneyTravelsExactlyEvenBeyondWhatADoubleHolds() {
        var amount = new java.math.BigDecimal("98765432109876.51");
        EventEnvelope sent = codec.wrap(catalog, new Priced(UUID.randomUUID(), amount), "nora", Instant.now());

        TestEvent received = codec.payload(catalog, codec.decode(codec.encode(sent)));

        assertThat(received).isInstanceOfSatisfying(Priced.class,
                priced -> assertThat(priced.amount()).isEqualByComparingTo(amount));
    }

    @Test
    void theCatalogHoldsEveryRecordOfTheSealedContractAndTheTopicsShape() {
        assertThat(catalog.wireNames()).containsExactlyInAnyOrder(
                new EventCatalog.WireName("kam.test.happened", 2), new EventCatalog.WireName("kam.test.priced", 1));
        assertThat(catalog.eventType()).isEqualTo(TestEvent.class);
        assertThat(catalog.deadLetterTopic()).isEqualTo("kam.test.v1.dlt");
        assertThat(catalog.partitions()).isEqualTo(EventCatalog.DEFAULT_PARTITIONS);
        assertThat(catalog.retentionMs()).isEqualTo(-1);
        assertThat(catalog.withPartitions(12).partitions()).isEqualTo(12);
        assertThat(catalog.withPartitions(12).wireNames()).isEqualTo(catalog.wireNames());
    }

    /** Not sealed: nothing says which records belong to it. */
    interface OpenEvent extends DomainEvent {
    }

    @Test
    void aContractThatIsNotSealedIsRefused() {
        assertThatThrownBy(() -> EventCatalog.of("open", OpenEvent.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sealed");
    }

    @Test
    void wrapsAnEventAsCloudEventWithAccountAsSubject() {
        UUID account = UUID.randomUUID();
        Instant at = Instant.parse("2026-03-01T08:00:00Z");

        EventEnvelope envelope = codec.wrap(catalog, new SomethingHappened(account, "listed"), "nora", at);

        assertThat(envelope.type()).isEqualTo("kam.test.happened");
        assertThat(envelope.schemaversion()).isEqualTo(2);
        assertThat(envelope.subject()).isEqualTo(account.toString());
        assertThat(envelope.source()).isEqualTo("/kam/test");
        assertThat(envelope.specversion()).isEqualTo("1.0");
        assertThat(envelope.actor()).isEqualTo("nora");
        assertThat(catalog.topic()).isEqualTo("kam.test.v1");
    }

    @Test
    void roundTripsThroughJsonWithoutJavaNamesOnTheWire() {
        EventEnvelope envelope = codec.wrap(catalog, new SomethingHappened(UUID.randomUUID(), "listed"), "nora",
                Instant.parse("2026-03-01T08:00:00Z"));

        String json = codec.encode(envelope);
        EventEnvelope back = codec.decode(json);

        assertThat(json).doesNotContain("SomethingHappened").doesNotContain("io.kam")
                .contains("\"time\":\"2026-03-01T08:00:00Z\"");
        assertThat(back).isEqualTo(envelope);
        assertThat(codec.payload(catalog, back)).isEqualTo(new SomethingHappened(envelope.accountId(), "listed"));
    }

    @Test
    void refusesUnknownTypesAndVersions() {
        EventEnvelope unknownVersion = new EventEnvelope(UUID.randomUUID(), "/kam/test", "1.0", "kam.test.happened",
                UUID.randomUUID().toString(), Instant.now(), null, 1, "nora", codec.tree("{}"));

        assertThatThrownBy(() -> codec.payload(catalog, unknownVersion))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageContaining("unknown event type kam.test.happened v1");
    }

    @Test
    void refusesMalformedJsonAndEnvelopesWithoutSubject() {
        assertThatThrownBy(() -> codec.decode("{not json")).isInstanceOf(UndecodableEventException.class);
        assertThatThrownBy(() -> codec.decode("{\"id\":\"" + UUID.randomUUID()
                + "\",\"source\":\"/kam/test\",\"specversion\":\"1.0\",\"type\":\"kam.test.happened\","
                + "\"time\":\"2026-03-01T08:00:00Z\",\"schemaversion\":1,\"actor\":\"x\",\"data\":{}}"))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageContaining("subject");
    }

    @Test
    void catalogRefusesEventsThatAreNotInIt() {
        assertThatThrownBy(() -> codec.wrap(catalog, new OtherThing(UUID.randomUUID()), "nora", Instant.now()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not in the catalog");
    }
}
