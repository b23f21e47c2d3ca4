package io.kam.sellthrough.api;

/**
 * Where a pull connector reads rows: {@link #HTTP}, an endpoint that returns the rows since a cursor, or
 * {@link #FOLDER}, a drop folder whose files are taken one by one in name order.
 */
public enum ConnectorKind {
    HTTP, FOLDER
}
