package io.kam.sellthrough.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.kam.sellthrough.api.RowFormat;

/**
 * How a body is to be read, from whatever a sender or a pulled source puts in Content-Type and Content-Encoding
 * (issue 17, bad input at scale): a supported format and charset, or {@link BodyFormat.UnsupportedBody} (a 415),
 * never another exception. Names of the supported charsets are read in any case, spacing and quoting. Each try is
 * one fixed seed of a {@link Random}; a failure names the seed and the headers it was given.
 */
class BodyFormatPropertiesTest {

    private static final Map<String, Charset> NAMES = Map.of("utf-8", StandardCharsets.UTF_8, "utf8",
            StandardCharsets.UTF_8, "gbk", BodyFormat.GBK, "cp936", BodyFormat.GBK, "gb2312", BodyFormat.GBK,
            "gb18030", BodyFormat.GB18030);

    static LongStream tries400() {
        return LongStream.rangeClosed(1, 400);
    }

    static LongStream tries300() {
        return LongStream.rangeClosed(1, 300);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("tries400")
    void anyHeadersGiveAFormatOrAn415(long seed) {
        Random random = new Random(seed);
        String contentType = contentType(random);
        String encoding = encoding(random);
        String input = "seed " + seed + ", Content-Type " + shown(contentType) + ", Content-Encoding "
                + shown(encoding);
        try {
            BodyFormat format = BodyFormat.of(contentType, encoding);
            assertThat(format.charset()).as(input).isIn(StandardCharsets.UTF_8, BodyFormat.GBK, BodyFormat.GB18030);
        } catch (BodyFormat.UnsupportedBody refused) {
            assertThat(refused.getMessage()).as(input).isNotBlank();
        } catch (RuntimeException other) {
            throw new AssertionError(input + ": " + other, other);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("tries300")
    void aSupportedCharsetIsReadInAnySpellingOfItsName(long seed) {
        Random random = new Random(seed);
        String name = charsetName(random);
        boolean quoted = random.nextBoolean();
        String before = spaces(random);
        String after = spaces(random);
        boolean ndjson = random.nextBoolean();
        String parameter = quoted ? "\"" + name + "\"" : name;
        String type = (ndjson ? "application/x-ndjson" : "text/csv") + ";" + before + "charset=" + parameter + after;
        String input = "seed " + seed + ", Content-Type " + shown(type);

        BodyFormat format;
        try {
            format = BodyFormat.of(type, null);
        } catch (RuntimeException failed) {
            throw new AssertionError(input + ": " + failed, failed);
        }

        assertThat(format.charset()).as(input).isEqualTo(NAMES.get(name.toLowerCase(java.util.Locale.ROOT)));
        assertThat(format.format()).as(input).isEqualTo(ndjson ? RowFormat.NDJSON : RowFormat.CSV);
        assertThat(format.gzip()).as(input).isFalse();
    }

    private static final List<String> TYPE_PIECES = List.of("text/csv", "application/x-ndjson", "text", "/", ";",
            "charset", "=", "\"", "'", "utf-8", "GBK", "gb18030", "latin1", " ", "*", ",", "q=0.5", "\\", "\u0000",
            "上海", "", "x-");

    /** Half the time up to 10 pieces of Content-Types one after another, half the time up to 40 characters of any
     * kind. */
    private static String contentType(Random random) {
        if (random.nextBoolean()) {
            StringBuilder type = new StringBuilder();
            for (int i = random.nextInt(11); i > 0; i--) {
                type.append(TYPE_PIECES.get(random.nextInt(TYPE_PIECES.size())));
            }
            return type.toString();
        }
        return anyString(random, 40);
    }

    private static final List<String> ENCODINGS = List.of("gzip", " GZIP ", "x-gzip", "identity", "br", "gzip, br", "");

    /** None 1 in 5; otherwise half the time a known encoding, half the time up to 12 characters of any kind. */
    private static String encoding(Random random) {
        if (random.nextInt(5) == 0) {
            return null;
        }
        return random.nextBoolean() ? ENCODINGS.get(random.nextInt(ENCODINGS.size())) : anyString(random, 12);
    }

    /** A supported charset's name, each letter upper or lower case at random. */
    private static String charsetName(Random random) {
        List<String> names = new ArrayList<>(NAMES.keySet());
        names.sort(null); // Map.of's order is not fixed from run to run; the seed must give the same name
        String name = names.get(random.nextInt(names.size()));
        StringBuilder spelled = new StringBuilder();
        for (char c : name.toCharArray()) {
            spelled.append(random.nextBoolean() ? Character.toUpperCase(c) : c);
        }
        return spelled.toString();
    }

    /** Up to three spaces and tabs. */
    private static String spaces(Random random) {
        StringBuilder spaces = new StringBuilder();
        for (int i = random.nextInt(4); i > 0; i--) {
            spaces.append(random.nextBoolean() ? ' ' : '\t');
        }
        return spaces.toString();
    }

    /** Up to {@code maxLength} characters: printable ASCII, control characters, any other char, now and then one
     * beyond the BMP. */
    private static String anyString(Random random, int maxLength) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            switch (random.nextInt(10)) {
                case 0, 1, 2, 3 -> text.append((char) random.nextInt(0x20, 0x7F));
                case 4 -> text.append((char) random.nextInt(0x00, 0x20));
                case 5, 6, 7, 8 -> text.append((char) random.nextInt(0x7F, 0x10000));
                default -> text.appendCodePoint(random.nextInt(0x10000, Character.MAX_CODE_POINT + 1));
            }
        }
        return text.toString();
    }

    /** A header as a failure message shows it: quoted, anything but printable ASCII escaped. */
    private static String shown(String header) {
        if (header == null) {
            return "null";
        }
        StringBuilder shown = new StringBuilder("\"");
        for (char c : header.toCharArray()) {
            boolean plain = c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
            shown.append(plain ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return shown.append('"').toString();
    }
}
