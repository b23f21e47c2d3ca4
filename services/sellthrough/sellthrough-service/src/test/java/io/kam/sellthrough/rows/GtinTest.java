package io.kam.sellthrough.rows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GS1 check digits of EAN-13 and GTIN-14 numbers. */
class GtinTest {

    @ParameterizedTest
    @CsvSource({
            "4006381333931, ",
            "6901234567892, ",
            "06901234567892, ",
            "10012345678902, ",
            "4006381333932, has the check digit 2 where 1 is expected",
            "10012345678901, has the check digit 1 where 2 is expected",
            "400638133393, must be an EAN-13 or a GTIN-14: 13 or 14 digits",
            "400638133393A, must hold digits only",
            "40063813339 1, must hold digits only"})
    void checksTheLengthDigitsAndCheckDigit(String gtin, String problem) {
        byte[] bytes = gtin.getBytes(StandardCharsets.US_ASCII);
        assertThat(Gtin.problem(bytes, 0, bytes.length)).isEqualTo(problem);
    }
}
