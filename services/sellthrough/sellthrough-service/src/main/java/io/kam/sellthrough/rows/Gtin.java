package io.kam.sellthrough.rows;

import org.jspecify.annotations.Nullable;

/**
 * GS1 trade item numbers: an EAN-13 (13 digits) or a GTIN-14 (14 digits), the last digit a check digit. Both are kept
 * as the GTIN-14's numeric value, so that an EAN-13 and the same number with a leading zero are one product.
 */
public final class Gtin {

    private Gtin() {
    }

    /**
     * Checks the digits {@code bytes[from, to)}.
     *
     * @return null if they form a valid EAN-13 or GTIN-14; otherwise what is wrong
     */
    public static @Nullable String problem(byte[] bytes, int from, int to) {
        int length = to - from;
        if (length != 13 && length != 14) {
            return "must be an EAN-13 or a GTIN-14: 13 or 14 digits";
        }
        int sum = 0;
        for (int i = to - 2, weight = 3; i >= from; i--, weight = 4 - weight) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return "must hold digits only";
            }
            sum += digit * weight;
        }
        int check = bytes[to - 1] - '0';
        if (check < 0 || check > 9) {
            return "must hold digits only";
        }
        int expected = (10 - sum % 10) % 10;
        return check == expected ? null : "has the check digit " + check + " where " + expected + " is expected";
    }

    /** The numeric value of digits already checked by {@link #problem}. */
    public static long value(byte[] bytes, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (bytes[i] - '0');
        }
        return value;
    }

    /** The GTIN-14 text of a value: 14 digits with leading zeros. */
    public static String text(long value) {
        String digits = Long.toString(value);
        return "0".repeat(14 - digits.length()) + digits;
    }
}
