package io.kam.sellthrough.rows;

import org.jspecify.annotations.Nullable;

/** Where the reasons for rejecting rows go: one call per reason, several for a row with several bad fields. */
@FunctionalInterface
public interface Rejections {

    /** The field name for reasons about the row as a whole. */
    String ROW = "row";

    /**
     * @param field the column's wire name, or {@link #ROW}
     * @param value the offending value as sent; null for reasons about the row as a whole
     */
    void reject(long line, String field, String reason, @Nullable String value);
}
