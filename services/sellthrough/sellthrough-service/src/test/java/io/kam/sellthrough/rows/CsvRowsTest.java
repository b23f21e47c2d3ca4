package io.kam.sellthrough.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Reading CSV bodies: the header, quoting, broken lines, line numbers, long lines and charsets. */
class CsvRowsTest {

    private static final String HEADER = "store,gtin,date,units,sales,currency,stock\n";
    private static final Charset GBK = Charset.forName("GBK");

    @Test
    void readsRowsByTheHeadersColumnsInAnyOrderAndCase() throws IOException {
        var rows = read(" Sales ,STORE,gtin,Date,units,currency\n276.00,SH-PD-001,6901234567892,2026-03-14,12,CNY\n");

        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().line()).isEqualTo(2);
        assertThat(rows.getFirst().values()).containsExactly("SH-PD-001", "6901234567892", "2026-03-14", "12", "276.00", "CNY", "");
    }

    @Test
    void quotedFieldsHoldCommasAndDoubledQuotesAndUnquotedFieldsAreTrimmed() throws IOException {
        var rows = read(HEADER + "\"Store, \"\"North\"\"\" , 6901234567892 ,2026-03-14,\"12\",276.00,CNY,\n");

        assertThat(rows.getFirst().values()).containsExactly("Store, \"North\"", "6901234567892", "2026-03-14", "12",
                "276.00", "CNY", "");
    }

    @Test
    void aBrokenLineIsOneRowProblemAndReadingGoesOnAtTheNextLine() throws IOException {
        var rows = read(HEADER
                + "\"SH-PD-001,6901234567892,2026-03-14,12,276.00,CNY,4\n"
                + "SH-PD-001,69012\"34567892,2026-03-14,12,276.00,CNY,4\n"
                + "\"SH-PD-001\"x,6901234567892,2026-03-14,12,276.00,CNY,4\n"
                + "SH-PD-001,6901234567892,2026-03-14,12,276.00,CNY\n"
                + "SH-PD-001,6901234567892,2026-03-14,12,276.00,CNY,4,extra\n"
                + "SH-PD-001,6901234567892,2026-03-14,12,276.00,CNY,4\n");

        assertThat(rows).extracting(Row::problem).containsExactly(
                "unbalanced quote: field 1 is not closed before the end of the line",
                "a quote inside the unquoted field 2; quote the whole field and double the quote",
                "text after the closing quote of field 1",
                "has 6 fields but the header has 7",
                "has 8 fields but the header has 7",
                null);
        assertThat(rows).extracting(Row::line).containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void blankLinesAreSkippedButCountedAndCrLfAndAMissingLastLineBreakAreFine() throws IOException {
        var rows = read("\uFEFF" + HEADER.replace("\n", "\r\n") + "\r\n   \r\n"
                + "SH-PD-001,6901234567892,2026-03-14,12,276.00,CNY,4\r\n\r\n"
                + "SH-PD-002,6901234567892,2026-03-14,1,23.00,CNY,");

        assertThat(rows).extracting(Row::line).containsExactly(4L, 6L);
        assertThat(rows.get(0).values().get(6)).isEqualTo("4");
        assertThat(rows.get(1).values().get(0)).isEqualTo("SH-PD-002");
    }

    @Test
    void aLineOverTheLimitIsRejectedWithoutBeingKeptAndTheNextLineIsRead() throws IOException {
        String huge = "SH-PD-001," + "9".repeat(5_000_000) + ",2026-03-14,12,276.00,CNY,4\n";
        var rows = read(HEADER + huge + "SH-PD-001,6901234567892,2026-03-14,12,276.00,CNY,4\n", StandardCharsets.UTF_8, 4096);

        assertThat(rows.get(0).problem()).isEqualTo("the line is " + (huge.length() - 1) + " bytes long; at most 4096 are allowed");
        assertThat(rows.get(1).problem()).isNull();
        assertThat(rows.get(1).line()).isEqualTo(3);
    }

    @Test
    void gbkBodiesAreSplitOnTheirOwnBytes() throws IOException {
        var rows = read("store,gtin,date,units,sales,currency\n\"上海浦东店\",6901234567892,2026-03-14,12,276.00,CNY\n", GBK, 4096);

        assertThat(rows.getFirst().values().getFirst()).isEqualTo("上海浦东店");
    }

    @Test
    void anEmptyBodyOrABadHeaderIsABatchProblem() {
        assertThatThrownBy(() -> read("")).isInstanceOf(BatchProblem.class).hasMessageContaining("the body is empty");
        assertThatThrownBy(() -> read("\n \n")).isInstanceOf(BatchProblem.class).hasMessageContaining("the body is empty");
        assertThatThrownBy(() -> read("store,gtin,date,units,currency\n")).isInstanceOf(BatchProblem.class)
                .hasMessage("the header lacks the column sales; the first line of a CSV body names the columns");
        assertThatThrownBy(() -> read("store,gtin,date,units,sales,currency,price\n")).isInstanceOf(BatchProblem.class)
                .hasMessageStartingWith("the header names an unknown column 'price'");
        assertThatThrownBy(() -> read("store,gtin,date,units,sales,currency,store\n")).isInstanceOf(BatchProblem.class)
                .hasMessage("the header names the column 'store' twice");
        assertThatThrownBy(() -> read("SH-PD-001,6901234567892,2026-03-14,12,276.00,CNY,4\n"))
                .isInstanceOf(BatchProblem.class).hasMessageStartingWith("the header names an unknown column 'SH-PD-001'")
                .extracting(e -> ((BatchProblem) e).code()).isEqualTo("invalid-header");
    }

    record Row(long line, String problem, List<String> values) {
    }

    static List<Row> read(String csv) throws IOException {
        return read(csv, StandardCharsets.UTF_8, 4096);
    }

    static List<Row> read(String csv, Charset charset, int maxLine) throws IOException {
        RowReader reader = CsvRows.open(new ByteArrayInputStream(csv.getBytes(charset)), charset, maxLine);
        return drain(reader, charset);
    }

    static List<Row> drain(RowReader reader, Charset charset) throws IOException {
        List<Row> rows = new ArrayList<>();
        RowFields fields = new RowFields();
        while (reader.next(fields)) {
            List<String> values = new ArrayList<>();
            for (Column column : Column.values()) {
                values.add(fields.text(column, charset));
            }
            rows.add(new Row(fields.line(), fields.problem(), fields.problem() == null ? values : List.of()));
        }
        return rows;
    }
}
