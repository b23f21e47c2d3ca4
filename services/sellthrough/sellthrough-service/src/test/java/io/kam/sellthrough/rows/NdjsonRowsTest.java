package io.kam.sellthrough.rows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.kam.sellthrough.rows.CsvRowsTest.Row;

/** Reading NDJSON bodies: one object per line, strings or numbers, and every way a line can be broken. */
class NdjsonRowsTest {

    @Test
    void readsOneObjectPerLineWithStringsOrNumbers() throws IOException {
        var rows = read("""
                {"store":"SH-PD-001","gtin":"06901234567892","date":"2026-03-14","units":12,"sales":276.00,"currency":"CNY","stock":null}

                {"store":"SH-PD-002","gtin":6901234567892,"date":"2026-03-14","units":"-1","sales":"-23.5","currency":"CNY","stock":3}
                """, StandardCharsets.UTF_8);

        assertThat(rows).extracting(Row::line).containsExactly(1L, 3L);
        assertThat(rows.get(0).values()).containsExactly("SH-PD-001", "06901234567892", "2026-03-14", "12", "276.00", "CNY", "");
        assertThat(rows.get(1).values()).containsExactly("SH-PD-002", "6901234567892", "2026-03-14", "-1", "-23.5", "CNY", "3");
    }

    @Test
    void everyBrokenLineIsARowProblem() throws IOException {
        var rows = read("""
                {"store":"SH-PD-001","gtin":"06901234567892"
                [1,2,3]
                {"store":"SH-PD-001","price":3}
                {"store":"SH-PD-001","store":"SH-PD-002"}
                {"store":{"code":"SH-PD-001"}}
                {"store":"SH-PD-001"} {"store":"SH-PD-002"}
                {"store":"SH-PD-001","units":true}
                """, StandardCharsets.UTF_8);

        assertThat(rows).extracting(Row::problem).containsExactly(
                rows.get(0).problem(), "is not a JSON object", "has the unknown field 'price'",
                "has the field 'store' twice", "field 'store' must be a string or a number", "is not one JSON object",
                "field 'units' must be a string or a number");
        assertThat(rows.get(0).problem()).startsWith("is not valid JSON:");
    }

    @Test
    void invalidBytesInTheDeclaredCharsetAreARowProblemNamingTheLine() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write("{\"store\":\"SH-PD-001\"}\n{\"store\":\"SH-".getBytes(StandardCharsets.UTF_8));
        body.write(new byte[] {(byte) 0xC3, (byte) 0x28});
        body.write("\"}\n{\"store\":\"SH-PD-003\"}\n".getBytes(StandardCharsets.UTF_8));

        var rows = CsvRowsTest.drain(new NdjsonRows(new ByteArrayInputStream(body.toByteArray()), StandardCharsets.UTF_8, 4096),
                StandardCharsets.UTF_8);

        assertThat(rows).extracting(Row::line).containsExactly(1L, 2L, 3L);
        assertThat(rows.get(1).problem()).startsWith("is not valid JSON:").containsIgnoringCase("UTF-8");
        assertThat(rows.get(2).problem()).isNull();
    }

    @Test
    void gbkLinesAreDecodedStrictly() throws IOException {
        Charset gbk = Charset.forName("GBK");
        byte[] good = "{\"store\":\"上海浦东店\"}\n".getBytes(gbk);
        byte[] bad = {'{', '"', 's', 't', 'o', 'r', 'e', '"', ':', '"', (byte) 0x81, (byte) 0x20, '"', '}', '\n'};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(good);
        body.write(bad);

        var rows = CsvRowsTest.drain(new NdjsonRows(new ByteArrayInputStream(body.toByteArray()), gbk, 4096), gbk);

        assertThat(rows.get(0).values().getFirst()).isEqualTo("上海浦东店");
        assertThat(rows.get(1).problem()).isEqualTo("holds bytes that are not valid GBK");
    }

    /** Found by {@link ReaderPropertiesTest}: both were stored with a {@code ?} in place of the character. */
    @Test
    void anEscapeOfHalfACharacterOrOfACharacterTheCharsetHasNotMakesTheRowUnusable() throws IOException {
        String row = "{\"store\":\"S1%s\",\"gtin\":\"6901234567892\",\"date\":\"2026-03-14\",\"units\":1,\"sales\":1,"
                + "\"currency\":\"CNY\"}\n";
        Charset gbk = Charset.forName("GBK");

        var utf8 = read(row.formatted("\\ud800") + row.formatted("\\ud83d\\ude00"), StandardCharsets.UTF_8);
        var inGbk = read(row.formatted("\\ud83d\\ude00") + row.formatted("\\u4e0a\\u6d77") + row.formatted("\\udc00"), gbk);

        assertThat(utf8).extracting(Row::problem).containsExactly(
                "field 'store' holds half a character (an unpaired surrogate \\uD800)", null);
        assertThat(utf8.get(1).values().getFirst()).isEqualTo("S1\uD83D\uDE00");
        assertThat(inGbk).extracting(Row::problem).containsExactly("field 'store' holds characters that GBK cannot hold",
                null, "field 'store' holds half a character (an unpaired surrogate \\uDC00)");
        assertThat(inGbk.get(1).values().getFirst()).isEqualTo("S1上海");
    }

    private static List<Row> read(String ndjson, Charset charset) throws IOException {
        return CsvRowsTest.drain(new NdjsonRows(new ByteArrayInputStream(ndjson.getBytes(charset)), charset, 4096), charset);
    }
}
