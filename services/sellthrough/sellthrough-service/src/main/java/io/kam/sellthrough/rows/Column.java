package io.kam.sellthrough.rows;

import java.util.Locale;
import java.util.Optional;

/**
 * The columns of a sell-through row, by their names in a CSV header or an NDJSON object. Every column but
 * {@link #STOCK} is required.
 */
public enum Column {
    STORE, GTIN, DATE, UNITS, SALES, CURRENCY, STOCK;

    static final Column[] ALL = values();

    /** The name on the wire: lower case. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean required() {
        return this != STOCK;
    }

    /** The column of a header name or JSON field; names are matched ignoring case and surrounding spaces. */
    public static Optional<Column> named(String name) {
        String wanted = name.strip();
        for (Column column : ALL) {
            if (column.wireName().equalsIgnoreCase(wanted)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }
}
