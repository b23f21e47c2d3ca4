package io.kam.visits.api;

import java.util.Optional;

/**
 * Global Trade Item Numbers (GTIN-8, GTIN-12 (UPC-A), GTIN-13 (EAN-13), GTIN-14) with the GS1 check digit: from the
 * right, the digits before the check digit are weighted 3, 1, 3, 1…, and the check digit brings their sum to a
 * multiple of ten. A GTIN is kept as 14 digits, padded with leading zeros, so that the EAN-13 {@code 6901234567892}
 * and the GTIN-14 {@code 06901234567892} are the same SKU.
 */
public final class Gtin {

    private Gtin() {
    }

    /** The GTIN as 14 digits, or empty when it is not 8, 12, 13 or 14 digits with a valid check digit. */
    public static Optional<String> normalise(String text) {
        if (text == null || !text.matches("\\d{8}|\\d{12,14}")) {
            return Optional.empty();
        }
        String padded = "0".repeat(14 - text.length()) + text;
        return checkDigit(padded.substring(0, 13)) == padded.charAt(13) - '0' ? Optional.of(padded) : Optional.empty();
    }

    /** The check digit that completes the 13 leading digits of a GTIN-14. */
    static int checkDigit(String thirteenDigits) {
        int sum = 0;
        for (int i = 0; i < thirteenDigits.length(); i++) {
            int digit = thirteenDigits.charAt(thirteenDigits.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? 3 * digit : digit;
        }
        return (10 - sum % 10) % 10;
    }

    /** Why a text is not a GTIN, in words a caller can act on. */
    public static String problem(String text) {
        if (text == null || !text.matches("\\d{8}|\\d{12,14}")) {
            return "must be a GTIN of 8, 12, 13 or 14 digits";
        }
        String padded = "0".repeat(14 - text.length()) + text;
        return "has the check digit " + text.charAt(text.length() - 1) + " but its digits call for "
                + checkDigit(padded.substring(0, 13));
    }
}
