package io.kam.sellthrough.rows;

/**
 * Parsing numbers straight from the bytes of a field, without strings: whole numbers and decimals with a point, an
 * optional leading minus, no exponent, no grouping separators. Each method returns {@link #INVALID} for text that is
 * not such a number, and {@link #OUT_OF_RANGE} for one with too many digits.
 */
final class Numbers {

    static final long INVALID = Long.MIN_VALUE;
    static final long OUT_OF_RANGE = Long.MIN_VALUE + 1;
    /** A decimal with more decimals than allowed, not all of them zero. */
    static final long TOO_PRECISE = Long.MIN_VALUE + 2;

    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    private Numbers() {
    }

    /** A whole number of at most {@code maxDigits} significant digits, with an optional leading minus. */
    static long whole(byte[] b, int from, int to, int maxDigits) {
        boolean negative = from < to && b[from] == '-';
        long value = digits(b, negative ? from + 1 : from, to, maxDigits);
        return value < 0 || !negative ? value : -value;
    }

    /** Digits only, at least one, at most {@code maxDigits} of them significant (leading zeros are free). */
    private static long digits(byte[] b, int from, int to, int maxDigits) {
        if (from >= to) {
            return INVALID;
        }
        long value = 0;
        int significant = 0;
        for (int i = from; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return INVALID;
            }
            if ((value != 0 || d != 0) && ++significant > maxDigits) {
                return OUT_OF_RANGE;
            }
            value = value * 10 + d;
        }
        return value;
    }

    /**
     * A decimal as a whole number of {@code 10^-scale} (minor units), with at most {@code maxIntegerDigits} before the
     * point; decimals beyond {@code scale} are allowed only if they are zeros.
     */
    static long decimal(byte[] b, int from, int to, int scale, int maxIntegerDigits) {
        int point = -1;
        for (int i = from; i < to; i++) {
            if (b[i] == '.') {
                if (point >= 0) {
                    return INVALID;
                }
                point = i;
            }
        }
        int integerEnd = point < 0 ? to : point;
        boolean negative = from < to && b[from] == '-';
        int integerStart = negative ? from + 1 : from;
        if (integerEnd == integerStart && (point < 0 || point + 1 == to)) {
            return INVALID;
        }
        long integer = integerEnd == integerStart ? 0 : digits(b, integerStart, integerEnd, maxIntegerDigits);
        if (integer < 0) {
            return integer;
        }
        long fraction = 0;
        if (point >= 0) {
            if (point + 1 == to) {
                return INVALID;
            }
            for (int i = point + 1, n = 0; i < to; i++, n++) {
                int d = b[i] - '0';
                if (d < 0 || d > 9) {
                    return INVALID;
                }
                if (n < scale) {
                    fraction += d * POWERS[scale - 1 - n];
                } else if (d != 0) {
                    return TOO_PRECISE;
                }
            }
        }
        long value = integer * POWERS[scale] + fraction;
        return negative ? -value : value;
    }
}
