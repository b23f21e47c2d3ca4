package io.kam.sellthrough.api;

/**
 * What happens to a batch with rejected rows. {@link #LENIENT} (the default) commits the valid rows and reports the
 * others; {@link #STRICT} commits all rows or none: one rejected row rejects the batch.
 */
public enum IngestMode {
    LENIENT, STRICT
}
