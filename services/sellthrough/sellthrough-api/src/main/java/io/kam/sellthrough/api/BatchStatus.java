package io.kam.sellthrough.api;

/**
 * Where a batch stands. {@link #RECEIVING}: rows are being read. {@link #COMPLETED}: committed (lenient mode may have
 * rejected some rows). {@link #REJECTED}: a strict batch with rejected rows; nothing committed. {@link #FAILED}: the
 * batch as a whole could not be read or stored (empty, bad header, interrupted); nothing committed, and the same batch
 * id may be sent again. {@code COMPLETED} and {@code REJECTED} are final: sending the batch id again returns them.
 */
public enum BatchStatus {
    RECEIVING, COMPLETED, REJECTED, FAILED;

    public boolean isFinal() {
        return this == COMPLETED || this == REJECTED;
    }
}
