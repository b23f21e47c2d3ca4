package io.kam.sellthrough.rows;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * One row as read, before validation: its line number and the raw bytes of each column, or a problem with the row as
 * a whole (a quote out of place, the wrong number of fields, a line too long, malformed JSON). One instance is reused
 * for every row of a batch: readers {@link #reset} it and append column values to its buffer.
 */
public final class RowFields {

    private byte[] data = new byte[512];
    private int size;
    private final int[] starts = new int[Column.ALL.length];
    private final int[] ends = new int[Column.ALL.length];
    private final boolean[] present = new boolean[Column.ALL.length];
    private long line;
    private @Nullable String problem;

    /** Starts a new row on the given line. */
    public void reset(long line) {
        this.line = line;
        this.size = 0;
        this.problem = null;
        java.util.Arrays.fill(present, false);
    }

    /** Sets a column to a copy of the bytes. */
    public void set(Column column, byte[] source, int from, int to) {
        int length = to - from;
        ensure(length);
        System.arraycopy(source, from, data, size, length);
        mark(column, length);
    }

    /**
     * Sets a column to a string's bytes in the batch's charset (values read from JSON), so that every column is seen
     * in one charset, whatever the format.
     */
    public void set(Column column, String value, Charset charset) {
        byte[] bytes = charset == StandardCharsets.UTF_8 || isAscii(value) ? value.getBytes(StandardCharsets.UTF_8)
                : value.getBytes(charset);
        set(column, bytes, 0, bytes.length);
    }

    private static boolean isAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private void mark(Column column, int length) {
        int i = column.ordinal();
        starts[i] = size;
        ends[i] = size + length;
        present[i] = true;
        size += length;
    }

    private void ensure(int more) {
        if (size + more > data.length) {
            data = java.util.Arrays.copyOf(data, Math.max(data.length * 2, size + more));
        }
    }

    /** The row is unusable as a whole; {@code reason} says why. */
    public void problem(String reason) {
        if (problem == null) {
            problem = reason;
        }
    }

    public @Nullable String problem() {
        return problem;
    }

    public long line() {
        return line;
    }

    /** Whether the column was sent with at least one character. */
    public boolean has(Column column) {
        int i = column.ordinal();
        return present[i] && ends[i] > starts[i];
    }

    public byte[] data() {
        return data;
    }

    public int start(Column column) {
        return starts[column.ordinal()];
    }

    public int end(Column column) {
        return ends[column.ordinal()];
    }

    /** The column's value as text, for messages: malformed bytes become U+FFFD; empty when absent. */
    public String text(Column column, Charset charset) {
        int i = column.ordinal();
        return present[i] ? new String(data, starts[i], ends[i] - starts[i], charset) : "";
    }
}
