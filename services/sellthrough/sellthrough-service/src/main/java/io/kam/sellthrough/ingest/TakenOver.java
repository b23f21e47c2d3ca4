package io.kam.sellthrough.ingest;

/**
 * A run found that another run of its batch id owns the batch now: its heartbeat had stopped long enough for a retry
 * to take over. It commits nothing (its transaction rolls back) and records nothing on the batch.
 */
final class TakenOver extends RuntimeException {

    TakenOver(String batchId, int attempt) {
        super("batch " + batchId + " was taken over by another run while attempt " + attempt + " was still going; "
                + "nothing of this attempt was kept. Follow the batch for its result", null, false, false);
    }
}
