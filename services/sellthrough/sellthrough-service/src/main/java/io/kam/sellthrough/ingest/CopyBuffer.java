package io.kam.sellthrough.ingest;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Rows in PostgreSQL's COPY text format, written as bytes without strings: whole numbers, decimals from minor units,
 * dates (each day formatted once), tabs, {@code \N} and line ends.
 */
final class CopyBuffer {

    private byte[] bytes = new byte[1 << 20];
    private int size;
    private final byte[] digits = new byte[20];
    private final Map<Integer, byte[]> days = new HashMap<>();

    void whole(long value) {
        ensure(21);
        if (value < 0) {
            bytes[size++] = '-';
            value = -value;
        }
        int n = 0;
        do {
            digits[n++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value > 0);
        while (n > 0) {
            bytes[size++] = digits[--n];
        }
    }

    /** A decimal given in units of {@code 10^-scale}. */
    void decimal(long minor, int scale) {
        if (scale == 0) {
            whole(minor);
            return;
        }
        if (minor < 0) {
            ensure(1);
            bytes[size++] = '-';
            minor = -minor;
        }
        long factor = 1;
        for (int i = 0; i < scale; i++) {
            factor *= 10;
        }
        whole(minor / factor);
        ensure(1 + scale);
        bytes[size++] = '.';
        long fraction = minor % factor;
        for (long f = factor / 10; f > 0; f /= 10) {
            bytes[size++] = (byte) ('0' + fraction / f % 10);
        }
    }

    void day(int epochDay) {
        byte[] text = days.computeIfAbsent(epochDay, d -> LocalDate.ofEpochDay(d).toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        ensure(text.length);
        System.arraycopy(text, 0, bytes, size, text.length);
        size += text.length;
    }

    void nullValue() {
        ensure(2);
        bytes[size++] = '\\';
        bytes[size++] = 'N';
    }

    void tab() {
        ensure(1);
        bytes[size++] = '\t';
    }

    void endRow() {
        ensure(1);
        bytes[size++] = '\n';
    }

    byte[] bytes() {
        return bytes;
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
