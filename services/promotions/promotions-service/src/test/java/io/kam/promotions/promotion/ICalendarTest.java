package io.kam.promotions.promotion;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ICalendarTest {

    @Test
    void textEscapesWhatICalendarReservesAndKeepsLineBreaks() {
        assertThat(ICalendar.text("Milk, yoghurt; 50% off\\now\nline two")).isEqualTo("Milk\\, yoghurt\\; 50% off\\\\now\\nline two");
    }

    @Test
    void aLongLineIsFoldedAt75OctetsWithoutSplittingACharacter() {
        StringBuilder out = new StringBuilder();
        ICalendar.line(out, "SUMMARY:" + "春季乳品周".repeat(10));

        String[] lines = out.toString().split("\r\n");
        assertThat(lines.length).isGreaterThan(1);
        for (String line : lines) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
        assertThat(String.join("", java.util.Arrays.stream(lines).map(l -> l.startsWith(" ") ? l.substring(1) : l).toList()))
                .isEqualTo("SUMMARY:" + "春季乳品周".repeat(10));
    }
}
