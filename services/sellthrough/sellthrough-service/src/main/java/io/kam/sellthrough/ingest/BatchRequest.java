package io.kam.sellthrough.ingest;

import java.nio.charset.Charset;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.kam.sellthrough.api.BatchSource;
import io.kam.sellthrough.api.IngestMode;
import io.kam.sellthrough.api.RowFormat;

/**
 * A batch to ingest: the client's batch id, the account it is for, how it arrived and how to read its body.
 *
 * @param gzip       whether the body is gzip-compressed
 * @param bytesTotal the body's length as sent, when known in advance (Content-Length)
 * @param actor      the user or client sending the batch, named in its events
 */
public record BatchRequest(String id, UUID accountId, BatchSource source, @Nullable UUID connectorId, IngestMode mode,
                           RowFormat format, Charset charset, boolean gzip, @Nullable Long bytesTotal, String actor) {

    /** Batch ids: what a client may choose, and what connectors make. */
    public static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9._:-]{0,99}";

    public BatchRequest {
        if (!id.matches(ID_PATTERN)) {
            throw new IllegalArgumentException("batch id " + id + " does not match " + ID_PATTERN);
        }
    }
}
