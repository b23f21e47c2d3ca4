package io.kam.sellthrough.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Response bodies of the sell-through API. */
public final class SellThroughViews {

    private SellThroughViews() {
    }

    /**
     * A batch and its progress. While {@code RECEIVING}, the counts grow (accepted rows are committed only with the
     * batch) and {@code rowsPerSecond} and {@code etaSeconds} estimate the rest; {@code etaSeconds} is null when the
     * upload's size is unknown (chunked without Content-Length).
     *
     * @param accepted      rows committed (or to be committed, while receiving): recorded + restated + unchanged
     * @param bytesRead     bytes of the body read so far, as sent (compressed, for a gzip body)
     * @param bytesTotal    the body's declared length; null when not declared
     * @param parts         how many recorded and restated events the batch published
     * @param digest        SHA-256 of the body as sent, hex
     * @param problem       why a {@code FAILED} batch failed
     * @param report        where to download the rejected rows as CSV; null for callers who may not read it
     * @param firstRejections up to ten rejected rows, the first by line number
     * @param reasonsNotKept reasons for rejected rows beyond the service's {@code max-stored-rejections}: counted here,
     *                      not in the report
     */
    public record BatchView(String id, UUID accountId, BatchStatus status, BatchSource source,
                            @Nullable UUID connectorId, IngestMode mode, RowFormat format, String charset,
                            String submittedBy, Instant startedAt, @Nullable Instant finishedAt, long rowsRead,
                            long accepted, long recorded, long restated, long unchanged, long rejected, long bytesRead,
                            @Nullable Long bytesTotal, long rowsPerSecond, @Nullable Long etaSeconds, int parts,
                            @Nullable LocalDate firstDay, @Nullable LocalDate lastDay, @Nullable String digest,
                            @Nullable ProblemView problem, @Nullable String report,
                            List<RejectionView> firstRejections, long reasonsNotKept) {
    }

    /**
     * One reason a row was rejected. A row may have several, one per field.
     *
     * @param line  the physical line of the body, from 1 (a CSV header is line 1)
     * @param field the column ({@code store}, {@code gtin}, {@code date}, {@code units}, {@code sales},
     *              {@code currency}, {@code stock}), or {@code row} for the row as a whole
     * @param value the offending value as sent (cut to 100 characters); null for row-level reasons
     */
    public record RejectionView(long line, String field, String reason, @Nullable String value) {
    }

    /** Why a batch failed as a whole: a stable code and words a person can act on. */
    public record ProblemView(String code, String detail) {
    }

    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    public record SettingsView(UUID accountId, @Nullable String retailerCode, String currency, boolean returnsAllowed,
                               long version) {
    }

    /**
     * A pull connector and where it stands.
     *
     * @param authorizationSet whether an Authorization header is configured (its value is never shown)
     * @param cursor           where the next pull starts: the last cursor the source gave, or the last file taken
     * @param nextPullAt       when the next pull is due
     * @param failures         failed pulls in a row; the wait before the next attempt doubles with each
     * @param lastError        why the last pull failed, or a note on the last batch pulled (a strict batch rejected);
     *                         null otherwise
     * @param lastBatchId      the batch of the last pull that brought rows
     * @param lastFailure      why the last failed pull failed, kept after later pulls succeed (lastError is then
     *                         cleared); null if none failed since the source was set. Only a status or a fixed reason,
     *                         never what the source answered
     * @param lastFailureAt    when it failed
     */
    public record ConnectorView(UUID id, UUID accountId, ConnectorKind kind, @Nullable String url,
                                @Nullable String folder, RowFormat format, String charset, IngestMode mode,
                                int everySeconds, boolean authorizationSet, boolean enabled, @Nullable String cursor,
                                long pulls, @Nullable Instant lastPullAt, @Nullable Instant nextPullAt, int failures,
                                @Nullable String lastError, @Nullable String lastBatchId, long version,
                                @Nullable String lastFailure, @Nullable Instant lastFailureAt) {
    }
}
