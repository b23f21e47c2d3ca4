package io.kam.sellthrough.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import io.kam.sellthrough.api.RowFormat;

/**
 * How a body is to be read, from whatever a sender or a pulled source puts in Content-Type and Content-Encoding
 * (issue 17, bad input at scale): a supported format and charset, or {@link BodyFormat.UnsupportedBody} (a 415),
 * never another exception. Names of the supported charsets are read in any case, spacing and quoting.
 */
class BodyFormatPropertiesTest {

    private static final Map<String, Charset> NAMES = Map.of("utf-8", StandardCharsets.UTF_8, "utf8",
            StandardCharsets.UTF_8, "gbk", BodyFormat.GBK, "cp936", BodyFormat.GBK, "gb2312", BodyFormat.GBK,
            "gb18030", BodyFormat.GB18030);

    @Property(tries = 400)
    void anyHeadersGiveAFormatOrAn415(@ForAll("contentTypes") String contentType, @ForAll("encodings") String encoding) {
        try {
            BodyFormat format = BodyFormat.of(contentType, encoding);
            assertThat(format.charset()).isIn(StandardCharsets.UTF_8, BodyFormat.GBK, BodyFormat.GB18030);
        } catch (BodyFormat.UnsupportedBody refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 300)
    void aSupportedCharsetIsReadInAnySpellingOfItsName(@ForAll("charsetNames") String name, @ForAll boolean quoted,
            @ForAll("spaces") String before, @ForAll("spaces") String after, @ForAll boolean ndjson) {
        String parameter = quoted ? "\"" + name + "\"" : name;
        String type = (ndjson ? "application/x-ndjson" : "text/csv") + ";" + before + "charset=" + parameter + after;

        BodyFormat format = BodyFormat.of(type, null);

        assertThat(format.charset()).isEqualTo(NAMES.get(name.toLowerCase(java.util.Locale.ROOT)));
        assertThat(format.format()).isEqualTo(ndjson ? RowFormat.NDJSON : RowFormat.CSV);
        assertThat(format.gzip()).isFalse();
    }

    @Provide
    Arbitrary<String> contentTypes() {
        Arbitrary<String> pieces = Arbitraries.of("text/csv", "application/x-ndjson", "text", "/", ";", "charset", "=",
                "\"", "'", "utf-8", "GBK", "gb18030", "latin1", " ", "*", ",", "q=0.5", "\\", "\u0000", "上海", "", "x-");
        return Arbitraries.oneOf(pieces.list().ofMaxSize(10).map(l -> String.join("", l)),
                Arbitraries.strings().ofMaxLength(40));
    }

    @Provide
    Arbitrary<String> encodings() {
        return Arbitraries.oneOf(Arbitraries.of("gzip", " GZIP ", "x-gzip", "identity", "br", "gzip, br", ""),
                Arbitraries.strings().ofMaxLength(12)).injectNull(0.2);
    }

    @Provide
    Arbitrary<String> charsetNames() {
        return Arbitraries.of(NAMES.keySet()).flatMap(name -> Arbitraries.integers().between(0, (1 << name.length()) - 1)
                .map(mask -> {
                    StringBuilder spelled = new StringBuilder();
                    for (int i = 0; i < name.length(); i++) {
                        char c = name.charAt(i);
                        spelled.append((mask >> i & 1) == 1 ? Character.toUpperCase(c) : c);
                    }
                    return spelled.toString();
                }));
    }

    @Provide
    Arbitrary<String> spaces() {
        return Arbitraries.strings().withChars(" \t").ofMaxLength(3);
    }
}
