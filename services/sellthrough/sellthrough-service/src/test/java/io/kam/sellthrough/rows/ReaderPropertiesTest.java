package io.kam.sellthrough.rows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import io.kam.sellthrough.ingest.BodyFormat;
import io.kam.sellthrough.rows.CsvRowsTest.Row;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The CSV and NDJSON readers over bodies nobody wrote by hand (issue 17, bad input at scale): any bytes, in any
 * charset, arriving in any pieces, are read into rows or refused as a whole with a {@link BatchProblem}, never with
 * another exception, and always to the end (the sizes are bounded, so a reader that looped would not finish). Rows
 * written by the rules of the format read back to the values they were written from. A few hundred tries each, so that
 * {@code make test} stays fast; counterexamples found are kept as examples ({@link NdjsonRowsTest}).
 */
class ReaderPropertiesTest {

    private static final Charset GBK = BodyFormat.GBK;
    private static final Charset GB18030 = BodyFormat.GB18030;
    private static final String HEADER = "store,gtin,date,units,sales,currency,stock\n";

    @Property(tries = 300)
    void anyBytesAfterAnyHeaderAreReadToTheEndOrRefusedAsABatchProblem(@ForAll("bodies") byte[] body,
            @ForAll("charsets") Charset charset, @ForAll @IntRange(min = 1, max = 300) int maxLine,
            @ForAll("pieces") List<Integer> pieces) throws IOException {
        readCsv(body, charset, maxLine, pieces);
        byte[] headed = concat(HEADER.getBytes(StandardCharsets.US_ASCII), body);
        List<Row> rows = readCsv(headed, charset, Math.max(maxLine, HEADER.length()), pieces);
        assertThat(rows).allSatisfy(row -> assertThat(row.line()).isPositive());
    }

    @Property(tries = 300)
    void anyBytesAreReadAsNdjsonToTheEnd(@ForAll("jsonishBodies") byte[] body, @ForAll("charsets") Charset charset,
            @ForAll @IntRange(min = 1, max = 300) int maxLine, @ForAll("pieces") List<Integer> pieces) throws IOException {
        List<Row> rows = CsvRowsTest.drain(new NdjsonRows(new Pieces(body, pieces), charset, maxLine), charset);
        assertThat(rows).allSatisfy(row -> assertThat(row.problem() == null || !row.problem().isBlank()).isTrue());
    }

    @Property(tries = 300)
    void anyLineIsSplitIntoFieldsWithinItsBoundsOrNamedAsBroken(@ForAll("bodies") byte[] line) {
        CsvTokenizer tokenizer = new CsvTokenizer();
        String problem = tokenizer.split(line, 0, line.length);
        if (problem == null) {
            assertThat(tokenizer.count()).isBetween(1, CsvTokenizer.MAX_FIELDS);
            for (int i = 0; i < tokenizer.count(); i++) {
                assertThat(tokenizer.start(i)).isBetween(0, tokenizer.end(i));
                assertThat(tokenizer.end(i)).isLessThanOrEqualTo(tokenizer.source(i).length);
            }
        } else {
            assertThat(problem).isNotBlank();
        }
    }

    @Property(tries = 300)
    void csvRowsWrittenByTheRulesReadBackToTheirValues(@ForAll("tables") List<List<String>> rows,
            @ForAll("charsets") Charset charset, @ForAll("pieces") List<Integer> pieces, @ForAll boolean crlf)
            throws IOException {
        StringBuilder csv = new StringBuilder(HEADER.strip()).append(crlf ? "\r\n" : "\n");
        for (List<String> row : rows) {
            List<String> fields = new ArrayList<>();
            for (String value : row) {
                fields.add(csvField(value));
            }
            csv.append(String.join(",", fields)).append(crlf ? "\r\n" : "\n");
        }

        List<Row> read = readCsv(csv.toString().getBytes(charset), charset, 4096, pieces);

        assertThat(read).extracting(Row::problem).containsOnlyNulls();
        assertThat(read).extracting(Row::values).containsExactlyElementsOf(rows);
    }

    @Property(tries = 300)
    void ndjsonRowsWrittenByJsonReadBackToTheirValues(@ForAll("tables") List<List<String>> rows,
            @ForAll("charsets") Charset charset, @ForAll("pieces") List<Integer> pieces) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (List<String> row : rows) {
            body.write(json(row).getBytes(charset));
            body.write('\n');
        }

        List<Row> read = CsvRowsTest.drain(new NdjsonRows(new Pieces(body.toByteArray(), pieces), charset, 4096), charset);

        assertThat(read).extracting(Row::problem).containsOnlyNulls();
        assertThat(read).extracting(Row::values).containsExactlyElementsOf(rows);
    }

    @Property(tries = 300)
    void ndjsonTextOfAnyCharactersIsKeptAsSentOrTheRowIsRefused(@ForAll @Size(max = 7) List<@Size(max = 6) String> values,
            @ForAll("charsets") Charset charset) throws IOException {
        List<String> row = new ArrayList<>(values);
        while (row.size() < Column.values().length) {
            row.add("");
        }
        // every character escaped: the line is ASCII, which each charset reads alike
        String line = json(row, true);

        List<Row> read = CsvRowsTest.drain(new NdjsonRows(new ByteArrayInputStream(line.getBytes(charset)), charset, 4096),
                charset);

        assertThat(read).hasSize(1);
        if (read.getFirst().problem() == null) {
            assertThat(read.getFirst().values()).as("kept as sent").isEqualTo(row);
        }
    }

    /** Quoted when it must be (a comma, a quote, spaces or tabs at either end, empty), or when it may. */
    private static String csvField(String value) {
        boolean must = value.contains(",") || value.contains("\"") || !value.equals(value.strip())
                || value.startsWith("\t") || value.endsWith("\t");
        return must || value.hashCode() % 3 == 0 ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    /** A JSON object of the row's non-empty values, escaped as a JSON writer does (non-ASCII as escapes or not). */
    private static String json(List<String> row) {
        return json(row, false);
    }

    private static String json(List<String> row, boolean escapeNonAscii) {
        var out = new java.io.StringWriter();
        JsonFactory factory = escapeNonAscii
                ? JsonFactory.builder().enable(tools.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII).build()
                : new JsonFactory();
        try (JsonGenerator generator = factory.createGenerator(ObjectWriteContext.empty(), out)) {
            generator.writeStartObject();
            for (Column column : Column.values()) {
                String value = row.get(column.ordinal());
                if (!value.isEmpty()) {
                    generator.writeStringProperty(column.wireName(), value);
                }
            }
            generator.writeEndObject();
        }
        return out.toString();
    }

    private static List<Row> readCsv(byte[] body, Charset charset, int maxLine, List<Integer> pieces) throws IOException {
        CsvRows reader;
        try {
            reader = CsvRows.open(new Pieces(body, pieces), charset, maxLine);
        } catch (BatchProblem refused) {
            assertThat(refused.code()).isIn("empty-body", "invalid-header");
            return List.of();
        }
        return CsvRowsTest.drain(reader, charset);
    }

    @Provide
    Arbitrary<Charset> charsets() {
        return Arbitraries.of(StandardCharsets.UTF_8, GBK, GB18030);
    }

    /** Arbitrary bytes, with those that mean something to the readers much more often than chance would have them. */
    @Provide
    Arbitrary<byte[]> bodies() {
        Arbitrary<Byte> meaningful = Arbitraries.of((byte) ',', (byte) '"', (byte) '\n', (byte) '\r', (byte) ' ',
                (byte) '\t', (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0x81, (byte) 0xFE, (byte) 0x30, (byte) 's');
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, meaningful), net.jqwik.api.Tuple.of(2, Arbitraries.bytes()))
                .array(byte[].class).ofMaxSize(600);
    }

    @Provide
    Arbitrary<byte[]> jsonishBodies() {
        Arbitrary<byte[]> tokens = Arbitraries.of("{", "}", "[", "]", ":", ",", "\"", "\\", "\\u", "d83d", "null", "true",
                "1e999", "-0.5", "\"store\"", "\"gtin\"", "\"units\"", "\n", "\r\n", " ", "上海", "\uFEFF")
                .map(t -> t.getBytes(StandardCharsets.UTF_8));
        return Arbitraries.oneOf(bodies(), tokens.list().ofMaxSize(120).map(ReaderPropertiesTest::concat));
    }

    /** How the body arrives: the sizes of the successive reads (then the rest in one). */
    @Provide
    Arbitrary<List<Integer>> pieces() {
        return Arbitraries.integers().between(1, 70).list().ofMaxSize(12);
    }

    /**
     * Rows of the seven columns (stock last, possibly empty), in text every charset holds: ASCII with commas, quotes,
     * spaces and tabs, and Chinese.
     */
    @Provide
    Arbitrary<List<List<String>>> tables() {
        Arbitrary<String> value = Arbitraries.strings().withChars("abcXYZ019-., \"\t'/上海浦东店号").ofMaxLength(12);
        Arbitrary<List<String>> row = value.list().ofSize(Column.values().length);
        return row.list().ofMinSize(1).ofMaxSize(15);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** A body handed over in reads of the given sizes, as a network stream may. */
    static final class Pieces extends InputStream {
        private final ByteArrayInputStream body;
        private final List<Integer> sizes;
        private int next;

        Pieces(byte[] body, List<Integer> sizes) {
            this.body = new ByteArrayInputStream(body);
            this.sizes = sizes;
        }

        @Override
        public int read() {
            return body.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int size = next < sizes.size() ? Math.min(len, sizes.get(next++)) : len;
            return body.read(b, off, size);
        }
    }
}
