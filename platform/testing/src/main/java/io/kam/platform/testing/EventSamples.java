package io.kam.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import io.kam.platform.events.DomainEvent;
import io.kam.platform.events.EventCatalog;
import io.kam.platform.events.EventCodec;
import io.kam.platform.events.EventEnvelope;

/**
 * The sample events every contract ships: one CloudEvents JSON per event type and version, at
 * {@code /events/<type>.v<version>.json} in its {@code -api} module's test resources (and so in its test jar, for the
 * consumers' tests).
 */
public final class EventSamples {

    private static final EventCodec CODEC = new EventCodec();

    private EventSamples() {
    }

    /** The sample of one event type and version, from the classpath; fails the test when there is none. */
    public static String json(EventCatalog.WireName name) {
        return json(name.type(), name.version());
    }

    /** The sample of one event type and version, from the classpath; fails the test when there is none. */
    public static String json(String type, int version) {
        String path = "/events/" + type + ".v" + version + ".json";
        try (InputStream in = EventSamples.class.getResourceAsStream(path)) {
            assertThat(in).as("sample %s (in the contract's test resources, or its test jar)", path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every type and version of the catalog has a sample, and every sample is a valid event of its type: its
     * envelope names the type, the version and the service's source, its subject is the event's account, and
     * re-encoding its payload gives the sample's data back.
     */
    public static void assertEveryEntryHasAValidSample(EventCatalog<?> catalog) {
        assertThat(catalog.wireNames()).as("the catalog's entries").isNotEmpty();
        for (EventCatalog.WireName name : catalog.wireNames()) {
            EventEnvelope envelope = CODEC.decode(json(name));
            DomainEvent event = CODEC.payload(catalog, envelope);

            assertThat(envelope.type()).as("%s: type", name).isEqualTo(name.type());
            assertThat(envelope.schemaversion()).as("%s: version", name).isEqualTo(name.version());
            assertThat(envelope.source()).as("%s: source", name).isEqualTo(catalog.source());
            assertThat(event.getClass()).as("%s: Java type", name)
                    .isEqualTo(catalog.javaType(name.type(), name.version()).orElseThrow());
            assertThat(event.accountId().toString()).as("%s: the subject is the account", name)
                    .isEqualTo(envelope.subject());
            assertThat(CODEC.tree(CODEC.encode(CODEC.wrap(catalog, event, envelope.actor(), envelope.time()))).get("data"))
                    .as("%s: re-encoding the payload gives the sample back", name).isEqualTo(envelope.data());
        }
    }
}
