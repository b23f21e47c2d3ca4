package io.kam.visits.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** GTINs: lengths, the GS1 check digit, and one 14-digit form for all of them. */
class GtinTest {

    @ParameterizedTest
    @CsvSource({
            "6901234567892, 06901234567892",   // EAN-13 of a Chinese manufacturer (prefix 690)
            "06901234567892, 06901234567892",  // the same as GTIN-14
            "036000291452, 00036000291452",    // UPC-A
            "96385074, 00000096385074",        // GTIN-8
            "16901234567899, 16901234567899"}) // a case of the same product, packaging indicator 1
    void validGtinsAreKeptAsFourteenDigits(String given, String normalised) {
        assertThat(Gtin.normalise(given)).contains(normalised);
    }

    @ParameterizedTest
    @ValueSource(strings = {"6901234567891", "036000291453", "96385075", "123", "690123456789a", "", "123456789012345"})
    void aWrongCheckDigitOrLengthIsNoGtin(String given) {
        assertThat(Gtin.normalise(given)).isEmpty();
        assertThat(Gtin.problem(given)).isNotBlank();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"6901234567891 | has the check digit 1 but its digits call for 2",
            "123 | must be a GTIN of 8, 12, 13 or 14 digits"})
    void theProblemSaysWhatIsWrong(String given, String problem) {
        assertThat(Gtin.problem(given)).isEqualTo(problem);
    }
}
