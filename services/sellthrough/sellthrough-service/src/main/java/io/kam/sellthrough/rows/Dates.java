package io.kam.sellthrough.rows;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Calendar dates from the bytes of a field, {@code YYYY-MM-DD} or {@code YYYYMMDD}. Remembers the last date read:
 * retail files come sorted by day far more often than not.
 */
final class Dates {

    private final byte[] last = new byte[10];
    private int lastLength = -1;
    private @Nullable LocalDate lastDate;

    @Nullable LocalDate parse(byte[] b, int from, int to) {
        int length = to - from;
        if (length == lastLength && Arrays.equals(last, 0, length, b, from, to)) {
            return lastDate;
        }
        LocalDate date = switch (length) {
            case 10 -> b[from + 4] == '-' && b[from + 7] == '-'
                    ? of(digits(b, from, 4), digits(b, from + 5, 2), digits(b, from + 8, 2)) : null;
            case 8 -> of(digits(b, from, 4), digits(b, from + 4, 2), digits(b, from + 6, 2));
            default -> null;
        };
        if (length <= last.length) {
            System.arraycopy(b, from, last, 0, length);
            lastLength = length;
            lastDate = date;
        }
        return date;
    }

    private static int digits(byte[] b, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    private static @Nullable LocalDate of(int year, int month, int day) {
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
