package io.kam.platform.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 event in structured JSON mode. {@code subject} is the account id; {@code schemaversion}
 * and {@code actor} are extension attributes (lower-case names, as CloudEvents requires).
 *
 * @param id            unique event id, also the idempotency key of every consumer
 * @param source        the producing service, for example {@code /kam/accounts}
 * @param specversion   always {@value #SPEC_VERSION}
 * @param type          the wire name, for example {@code kam.account.opened}
 * @param subject       the account id
 * @param time          when the producer made the change: taken inside the transaction that commits it
 * @param datacontenttype always {@value #DATA_CONTENT_TYPE}
 * @param schemaversion the payload's schema version
 * @param actor         the user or client that caused the change
 * @param data          the payload
 */
public record EventEnvelope(
        UUID id,
        String source,
        String specversion,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        int schemaversion,
        String actor,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";
    /** The Kafka content-type header value for structured-mode CloudEvents. */
    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        requireText(source, "source");
        requireText(type, "type");
        requireText(subject, "subject");
        Objects.requireNonNull(time, "time");
        requireText(actor, "actor");
        Objects.requireNonNull(data, "data");
        if (!SPEC_VERSION.equals(specversion)) {
            throw new IllegalArgumentException("specversion must be " + SPEC_VERSION + " but was " + specversion);
        }
        if (schemaversion < 1) {
            throw new IllegalArgumentException("schemaversion must be 1 or more but was " + schemaversion);
        }
        datacontenttype = datacontenttype == null ? DATA_CONTENT_TYPE : datacontenttype;
    }

    /** The account id, parsed from the subject. */
    public UUID accountId() {
        return UUID.fromString(subject);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
