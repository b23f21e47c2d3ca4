package io.kam.sellthrough.rows;

import org.jspecify.annotations.Nullable;

/**
 * Splits one CSV line (RFC 4180 with a comma) into fields, at the byte level. Quoted fields may hold commas and
 * doubled quotes ({@code ""}); unquoted fields are trimmed of spaces and tabs. Line breaks inside quotes are not
 * supported: no sell-through value holds one, and treating the end of the line as the end of the row keeps a stray
 * quote from swallowing the rest of the file. After {@link #split}, field {@code i} is
 * {@code source(i)[start(i), end(i))}.
 */
final class CsvTokenizer {

    static final int MAX_FIELDS = 64;
    private static final byte QUOTE = '"';
    private static final byte COMMA = ',';

    private final int[] starts = new int[MAX_FIELDS];
    private final int[] ends = new int[MAX_FIELDS];
    private final boolean[] unescaped = new boolean[MAX_FIELDS];
    private byte[] scratch = new byte[256];
    private int scratchSize;
    private byte[] line = new byte[0];
    private int count;

    /**
     * Splits {@code bytes[from, to)}.
     *
     * @return null when the line is well formed; otherwise what is wrong with it
     */
    @Nullable String split(byte[] bytes, int from, int to) {
        line = bytes;
        count = 0;
        scratchSize = 0;
        int i = from;
        while (true) {
            if (count == MAX_FIELDS) {
                return "has more than " + MAX_FIELDS + " fields";
            }
            while (i < to && (bytes[i] == ' ' || bytes[i] == '\t')) {
                i++;
            }
            if (i < to && bytes[i] == QUOTE) {
                int closed = quoted(bytes, i + 1, to);
                if (closed < 0) {
                    return "unbalanced quote: field " + (count + 1) + " is not closed before the end of the line";
                }
                i = closed;
                while (i < to && (bytes[i] == ' ' || bytes[i] == '\t')) {
                    i++;
                }
                if (i < to && bytes[i] != COMMA) {
                    return "text after the closing quote of field " + (count + 1);
                }
            } else {
                int start = i;
                while (i < to && bytes[i] != COMMA) {
                    if (bytes[i] == QUOTE) {
                        return "a quote inside the unquoted field " + (count + 1) + "; quote the whole field and double the quote";
                    }
                    i++;
                }
                int end = i;
                while (end > start && (bytes[end - 1] == ' ' || bytes[end - 1] == '\t')) {
                    end--;
                }
                starts[count] = start;
                ends[count] = end;
                unescaped[count] = false;
            }
            count++;
            if (i >= to) {
                return null;
            }
            i++; // the comma; a comma ending the line opens one more, empty field
        }
    }

    /** Reads a quoted field's content from just after its opening quote; returns the index after the closing quote. */
    private int quoted(byte[] bytes, int from, int to) {
        int start = scratchSize;
        int i = from;
        while (i < to) {
            byte b = bytes[i];
            if (b == QUOTE) {
                if (i + 1 < to && bytes[i + 1] == QUOTE) {
                    append(QUOTE);
                    i += 2;
                    continue;
                }
                starts[count] = start;
                ends[count] = scratchSize;
                unescaped[count] = true;
                return i + 1;
            }
            append(b);
            i++;
        }
        return -1;
    }

    private void append(byte b) {
        if (scratchSize == scratch.length) {
            scratch = java.util.Arrays.copyOf(scratch, scratch.length * 2);
        }
        scratch[scratchSize++] = b;
    }

    int count() {
        return count;
    }

    byte[] source(int field) {
        return unescaped[field] ? scratch : line;
    }

    int start(int field) {
        return starts[field];
    }

    int end(int field) {
        return ends[field];
    }
}
