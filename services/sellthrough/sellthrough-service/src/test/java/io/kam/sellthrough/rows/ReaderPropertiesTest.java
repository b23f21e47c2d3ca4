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

import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.kam.sellthrough.ingest.BodyFormat;
import io.kam.sellthrough.rows.CsvRowsTest.Row;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The CSV and NDJSON readers over bodies nobody wrote by hand (issue 17, bad input at scale): any bytes, in any
 * charset, arriving in any pieces, are read into rows or refused as a whole with a {@link BatchProblem}, never with
 * another exception, and always to the end (the sizes are bounded, so a reader that looped would not finish). Rows
 * written by the rules of the format read back to the values they were written from. A few hundred tries each, one
 * fixed seed each ({@link Gen}), so that {@code make test} stays fast and a failure is repeated by its seed;
 * counterexamples found are kept as examples ({@link NdjsonRowsTest}).
 */
class ReaderPropertiesTest {

    private static final Charset GBK = BodyFormat.GBK;
    private static final Charset GB18030 = BodyFormat.GB18030;
    private static final String HEADER = "store,gtin,date,units,sales,currency,stock\n";

    static LongStream tries() {
        return Gen.seeds(300);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("tries")
    void anyBytesAfterAnyHeaderAreReadToTheEndOrRefusedAsABatchProblem(long seed) {
        Gen gen = new Gen(seed);
        byte[] body = body(gen);
        Charset charset = charset(gen);
        int maxLine = gen.between(1, 300);
        List<Integer> pieces = pieces(gen);
        Gen.check(seed, input(body, charset, maxLine, pieces), () -> {
            readCsv(body, charset, maxLine, pieces);
            byte[] headed = concat(HEADER.getBytes(StandardCharsets.US_ASCII), body);
            List<Row> rows = readCsv(headed, charset, Math.max(maxLine, HEADER.length()), pieces);
            assertThat(rows).allSatisfy(row -> assertThat(row.line()).isPositive());
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("tries")
    void anyBytesAreReadAsNdjsonToTheEnd(long seed) {
        Gen gen = new Gen(seed);
        byte[] body = jsonishBody(gen);
        Charset charset = charset(gen);
        int maxLine = gen.between(1, 300);
        List<Integer> pieces = pieces(gen);
        Gen.check(seed, input(body, charset, maxLine, pieces), () -> {
            List<Row> rows = CsvRowsTest.drain(new NdjsonRows(new Pieces(body, pieces), charset, maxLine), charset);
            assertThat(rows).allSatisfy(row -> assertThat(row.problem() == null || !row.problem().isBlank()).isTrue());
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("tries")
    void anyLineIsSplitIntoFieldsWithinItsBoundsOrNamedAsBroken(long seed) {
        byte[] line = body(new Gen(seed));
        Gen.check(seed, Gen.show(line), () -> {
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
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("tries")
    void csvRowsWrittenByTheRulesReadBackToTheirValues(long seed) {
        Gen gen = new Gen(seed);
        List<List<String>> rows = table(gen);
        Charset charset = charset(gen);
        List<Integer> pieces = pieces(gen);
        boolean crlf = gen.bool();
        Gen.check(seed, "rows " + Gen.show(rows) + ", " + charset + ", pieces " + pieces + ", crlf " + crlf, () -> {
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
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("tries")
    void ndjsonRowsWrittenByJsonReadBackToTheirValues(long seed) {
        Gen gen = new Gen(seed);
        List<List<String>> rows = table(gen);
        Charset charset = charset(gen);
        List<Integer> pieces = pieces(gen);
        Gen.check(seed, "rows " + Gen.show(rows) + ", " + charset + ", pieces " + pieces, () -> {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (List<String> row : rows) {
                body.write(json(row).getBytes(charset));
                body.write('\n');
            }

            List<Row> read = CsvRowsTest.drain(new NdjsonRows(new Pieces(body.toByteArray(), pieces), charset, 4096),
                    charset);

            assertThat(read).extracting(Row::problem).containsOnlyNulls();
            assertThat(read).extracting(Row::values).containsExactlyElementsOf(rows);
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("tries")
    void ndjsonTextOfAnyCharactersIsKeptAsSentOrTheRowIsRefused(long seed) {
        Gen gen = new Gen(seed);
        List<String> values = gen.list(0, 7, () -> gen.anyString(6));
        Charset charset = charset(gen);
        Gen.check(seed, "values " + Gen.show(values) + ", " + charset, () -> {
            List<String> row = new ArrayList<>(values);
            while (row.size() < Column.values().length) {
                row.add("");
            }
            // every character escaped: the line is ASCII, which each charset reads alike
            String line = json(row, true);

            List<Row> read = CsvRowsTest.drain(
                    new NdjsonRows(new ByteArrayInputStream(line.getBytes(charset)), charset, 4096), charset);

            assertThat(read).hasSize(1);
            if (read.getFirst().problem() == null) {
                assertThat(read.getFirst().values()).as("kept as sent").isEqualTo(row);
            }
        });
    }

    private static String input(byte[] body, Charset charset, int maxLine, List<Integer> pieces) {
        return "body " + Gen.show(body) + ", " + charset + ", maxLine " + maxLine + ", pieces " + pieces;
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

    private static Charset charset(Gen gen) {
        return gen.oneOf(StandardCharsets.UTF_8, GBK, GB18030);
    }

    private static final byte[] MEANINGFUL = {',', '"', '\n', '\r', ' ', '\t', (byte) 0xEF, (byte) 0xBB, (byte) 0xBF,
        (byte) 0x81, (byte) 0xFE, 0x30, 's'};

    /**
     * Up to 600 arbitrary bytes, with those that mean something to the readers (3 in 5) much more often than chance
     * would have them.
     */
    private static byte[] body(Gen gen) {
        return gen.bytes(600,
                () -> gen.chance(3, 5) ? MEANINGFUL[gen.between(0, MEANINGFUL.length - 1)] : gen.anyByte());
    }

    private static final List<String> JSON_TOKENS = List.of("{", "}", "[", "]", ":", ",", "\"", "\\", "\\u", "d83d",
            "null", "true", "1e999", "-0.5", "\"store\"", "\"gtin\"", "\"units\"", "\n", "\r\n", " ", "上海", "\uFEFF");

    /** Half the time a body as above, half the time up to 120 JSON-ish tokens one after another. */
    private static byte[] jsonishBody(Gen gen) {
        if (gen.bool()) {
            return body(gen);
        }
        return concat(gen.list(0, 120, () -> gen.oneOf(JSON_TOKENS).getBytes(StandardCharsets.UTF_8)));
    }

    /** How the body arrives: the sizes of up to 12 successive reads of 1 to 70 bytes (then the rest in one). */
    private static List<Integer> pieces(Gen gen) {
        return gen.list(0, 12, () -> gen.between(1, 70));
    }

    /**
     * 1 to 15 rows of the seven columns (stock last, possibly empty), in text every charset holds: ASCII with commas,
     * quotes, spaces and tabs, and Chinese; up to 12 characters a value.
     */
    private static final String TABLE_CHARS = "abcXYZ019-., \"\t'/上海浦东店号";

    private static List<List<String>> table(Gen gen) {
        int columns = Column.values().length;
        return gen.list(1, 15, () -> gen.list(columns, columns, () -> gen.string(TABLE_CHARS, 12)));
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
