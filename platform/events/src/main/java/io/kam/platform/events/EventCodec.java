package io.kam.platform.events;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns domain events into CloudEvents envelopes and JSON, and back. Unknown payload fields are tolerated
 * (a producer may add optional fields within a version); unknown types and malformed JSON are refused with
 * {@link UndecodableEventException}, which consumers send to the dead-letter topic.
 */
public final class EventCodec {

    private final JsonMapper mapper;

    /**
     * Unknown payload fields are ignored (producers may add optional fields within a version), and decimals are
     * read as {@link java.math.BigDecimal}, never as binary floating point, so that money and targets arrive exactly
     * as they were sent.
     */
    public EventCodec() {
        this(JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build());
    }

    public EventCodec(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public EventEnvelope wrap(EventCatalog<?> catalog, DomainEvent event, String actor, Instant time) {
        EventCatalog.WireName name = catalog.wireName(event.getClass());
        return new EventEnvelope(UUID.randomUUID(), catalog.source(), EventEnvelope.SPEC_VERSION, name.type(),
                event.accountId().toString(), time, EventEnvelope.DATA_CONTENT_TYPE, name.version(), actor,
                mapper.valueToTree(event));
    }

    public String encode(EventEnvelope envelope) {
        return mapper.writeValueAsString(envelope);
    }

    public EventEnvelope decode(String json) {
        if (json == null || json.isBlank()) {
            throw new UndecodableEventException("the record has no value");
        }
        try {
            return mapper.readValue(json, EventEnvelope.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new UndecodableEventException("not a valid CloudEvents envelope: " + e.getMessage(), e);
        }
    }

    /** The typed payload of an envelope, looked up by its wire type and version in the catalog. */
    public <E extends DomainEvent> E payload(EventCatalog<E> catalog, EventEnvelope envelope) {
        Class<? extends E> type = catalog.javaType(envelope.type(), envelope.schemaversion())
                .orElseThrow(() -> new UndecodableEventException("unknown event type " + envelope.type()
                        + " v" + envelope.schemaversion() + " on " + catalog.topic()));
        try {
            return mapper.treeToValue(envelope.data(), type);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new UndecodableEventException("payload of " + envelope.type() + " v" + envelope.schemaversion()
                    + " does not match its schema: " + e.getMessage(), e);
        }
    }

    public JsonNode tree(String json) {
        return mapper.readTree(json);
    }
}
