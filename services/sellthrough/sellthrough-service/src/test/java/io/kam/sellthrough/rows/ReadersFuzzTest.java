package io.kam.sellthrough.rows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.kam.sellthrough.ingest.BodyFormat;
import io.kam.sellthrough.rows.CsvRowsTest.Row;

/**
 * Coverage-guided fuzzing of the sell-through readers (issue 17, bad input at scale) with Jazzer: the CSV tokenizer,
 * the CSV reader and the NDJSON reader over any bytes, in any of the three charsets, in any line limit, arriving in any
 * pieces. Each is read to the end into rows (a row may carry its reason) or refused as a whole with a
 * {@link BatchProblem} (a 400/422 problem detail at the API), never another exception, and in bounded time (Jazzer
 * reports an input slower than {@code -Djazzer.timeout}, 10 s, as a finding).
 * <p>
 * {@code make test} runs the kept corpus ({@code src/test/resources/io/kam/sellthrough/rows/ReadersFuzzTestInputs/<test>/})
 * as regression inputs, then fuzzes for a short budget each ({@code maxDuration}) when {@code JAZZER_FUZZ=1} is set,
 * as the module's build does; an input that fails is written into that folder by Jazzer, to be kept there with the fix.
 */
class ReadersFuzzTest {

    private static final List<Charset> CHARSETS = List.of(StandardCharsets.UTF_8, BodyFormat.GBK, BodyFormat.GB18030);

    @FuzzTest(maxDuration = "4s")
    void aLineIsSplitWithinItsBoundsOrNamedAsBroken(byte[] line) {
        CsvTokenizer tokenizer = new CsvTokenizer();
        String problem = tokenizer.split(line, 0, line.length);
        if (problem != null) {
            assertThat(problem).isNotBlank();
        }
    }

    @FuzzTest(maxDuration = "4s")
    void anyCsvBodyIsReadToTheEndOrRefusedAsABatchProblem(FuzzedDataProvider data) {
        readToTheEndOrRefused(data, CsvRows::open);
    }

    @FuzzTest(maxDuration = "4s")
    void anyNdjsonBodyIsReadToTheEndOrRefusedAsABatchProblem(FuzzedDataProvider data) {
        readToTheEndOrRefused(data, NdjsonRows::new);
    }

    /** A reader of a body in a charset with a line limit, as the ingestion opens one. */
    @FunctionalInterface
    private interface Opener {
        RowReader open(InputStream in, Charset charset, int maxLineBytes) throws IOException;
    }

    /** Reads a fuzzed body (charset, line limit, pieces, bytes) to the end: rows with reasons or one batch problem. */
    private static void readToTheEndOrRefused(FuzzedDataProvider data, Opener reader) {
        Charset charset = data.pickValue(CHARSETS);
        int maxLine = data.consumeInt(1, 4096);
        List<Integer> pieces = pieces(data);
        byte[] body = data.consumeRemainingAsBytes();
        try {
            List<Row> rows = CsvRowsTest.drain(reader.open(new ReaderPropertiesTest.Pieces(body, pieces), charset, maxLine),
                    charset);
            assertThat(rows).allSatisfy(row -> assertThat(row.problem() == null || !row.problem().isBlank()).isTrue());
        } catch (BatchProblem refused) {
            assertThat(refused.code()).isNotBlank();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How the body arrives: up to 8 reads of 1 to 70 bytes, then the rest in one. */
    private static List<Integer> pieces(FuzzedDataProvider data) {
        List<Integer> pieces = new ArrayList<>();
        int count = data.consumeInt(0, 8);
        for (int i = 0; i < count; i++) {
            pieces.add(data.consumeInt(1, 70));
        }
        return pieces;
    }
}
