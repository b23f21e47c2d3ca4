package io.kam.sellthrough.ingest;

import io.kam.sellthrough.api.BatchStatus;

/**
 * Work that must commit in the same transaction as a batch's final status: a connector moving its cursor past the rows
 * it pulled. It runs for {@code COMPLETED} and {@code REJECTED} batches, never for {@code FAILED} ones.
 */
@FunctionalInterface
public interface Completion {

    Completion NONE = status -> { };

    void completed(BatchStatus status);
}
