package io.kam.sellthrough.rows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import io.kam.sellthrough.ingest.BodyFormat;

/**
 * The rules over rows nobody wrote by hand (issue 17, bad input at scale): any bytes in any field, in any charset,
 * make a valid row or one rejected with its reasons, never an exception; and valid figures, written as CSV or NDJSON
 * in any supported charset and spelling (a GTIN as EAN-13 or GTIN-14, a date with or without dashes, sales with up to
 * two decimals), read back to the same store, product, day and numbers.
 */
class RowRulesPropertiesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
    private static final List<String> STORES = List.of("SH-PD-001", "上海浦东店", "Store, \"North\"", " 北京 1 ");
    private static final String HEADER = "store,gtin,date,units,sales,currency,stock\n";

    record Figures(int store, String gtin13, LocalDate day, int units, long fen, Integer stock) {
    }

    @Property(tries = 300)
    void anyFieldsMakeAValidRowOrAReasonNeverAnException(@ForAll("fieldLists") List<List<byte[]>> lines,
            @ForAll("charsets") Charset charset, @ForAll boolean returnsAllowed) throws IOException {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(HEADER.getBytes(StandardCharsets.US_ASCII));
        for (List<byte[]> fields : lines) {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    body.write(',');
                }
                body.writeBytes(fields.get(i));
            }
            body.write('\n');
        }
        RowRules rules = new RowRules(stores(charset), "CNY", 2, returnsAllowed, TODAY, charset);
        RowReader reader = CsvRows.open(new ByteArrayInputStream(body.toByteArray()), charset, 4096);
        RowFields row = new RowFields();
        ValidRow valid = new ValidRow();
        while (reader.next(row)) {
            List<String> reasons = new ArrayList<>();
            boolean ok = rules.check(row, valid, (line, field, reason, value) -> reasons.add(field + ": " + reason));
            assertThat(ok).as("valid exactly when no reason: %s", reasons).isEqualTo(reasons.isEmpty());
        }
    }

    @Property(tries = 300)
    void validFiguresReadBackToTheSameValues(@ForAll("figures") List<Figures> figures, @ForAll("charsets") Charset charset,
            @ForAll boolean ndjson, @ForAll boolean gtin14, @ForAll boolean compactDates) throws IOException {
        StringBuilder body = new StringBuilder(ndjson ? "" : HEADER);
        for (Figures f : figures) {
            String store = STORES.get(f.store());
            String gtin = gtin14 ? "0" + f.gtin13() : f.gtin13();
            String day = compactDates ? f.day().toString().replace("-", "") : f.day().toString();
            String sales = BigDecimal.valueOf(f.fen(), 2).stripTrailingZeros().toPlainString();
            String stock = f.stock() == null ? "" : f.stock().toString();
            if (ndjson) {
                body.append("{\"store\":\"").append(store.replace("\"", "\\\"")).append("\",\"gtin\":\"").append(gtin)
                        .append("\",\"date\":\"").append(day).append("\",\"units\":").append(f.units())
                        .append(",\"sales\":").append(sales).append(",\"currency\":\"CNY\"")
                        .append(f.stock() == null ? "" : ",\"stock\":" + stock).append("}\n");
            } else {
                body.append('"').append(store.replace("\"", "\"\"")).append("\",").append(gtin).append(',').append(day)
                        .append(',').append(f.units()).append(',').append(sales).append(",CNY,").append(stock).append('\n');
            }
        }
        byte[] bytes = body.toString().getBytes(charset);
        RowReader reader = ndjson ? new NdjsonRows(new ByteArrayInputStream(bytes), charset, 4096)
                : CsvRows.open(new ByteArrayInputStream(bytes), charset, 4096);
        RowRules rules = new RowRules(stores(charset), "CNY", 2, true, TODAY, charset);

        List<Figures> read = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        RowFields row = new RowFields();
        ValidRow valid = new ValidRow();
        while (reader.next(row)) {
            if (rules.check(row, valid, (line, field, reason, value) -> reasons.add(line + " " + field + ": " + reason))) {
                read.add(new Figures(valid.store().no() - 1, Gtin.text(valid.gtin()).substring(1),
                        LocalDate.ofEpochDay(valid.day()), valid.units(), valid.sales(),
                        valid.stock() == ValidRow.NO_STOCK ? null : valid.stock()));
            }
        }

        assertThat(reasons).isEmpty();
        assertThat(read).containsExactlyElementsOf(figures);
    }

    private static KnownStores stores(Charset charset) {
        List<StoreRef> refs = new ArrayList<>();
        for (int i = 0; i < STORES.size(); i++) {
            refs.add(new StoreRef(i + 1, STORES.get(i), null, null));
        }
        return new KnownStores(refs, charset);
    }

    @Provide
    Arbitrary<Charset> charsets() {
        return Arbitraries.of(StandardCharsets.UTF_8, BodyFormat.GBK, BodyFormat.GB18030);
    }

    /** Seven fields of bytes each (no line break), often near what a field holds. */
    @Provide
    Arbitrary<List<List<byte[]>>> fieldLists() {
        Arbitrary<byte[]> near = Arbitraries.of("SH-PD-001", "上海浦东店", "6901234567892", "06901234567892", "2026-03-14",
                "20260230", "12", "-3", "276.005", "1e3", "CNY", "cny", "", " ", "99999999999999999999", "0x10", "-0",
                "+5", ".5", "5.", "\uFEFF").map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<byte[]> any = Arbitraries.bytes().filter(b -> b != '\n' && b != '\r' && b != ',' && b != '"')
                .array(byte[].class).ofMaxSize(20);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, near), net.jqwik.api.Tuple.of(1, any))
                .list().ofSize(7).list().ofMinSize(1).ofMaxSize(10);
    }

    @Provide
    Arbitrary<List<Figures>> figures() {
        Arbitrary<String> gtin13 = Arbitraries.strings().numeric().ofLength(12).map(RowRulesPropertiesTest::withCheckDigit);
        Arbitrary<LocalDate> day = Arbitraries.longs().between(RowRules.EARLIEST.toEpochDay(), TODAY.toEpochDay())
                .map(LocalDate::ofEpochDay);
        Arbitrary<Integer> units = Arbitraries.integers().between(-99_999, 99_999);
        Arbitrary<Long> fenSize = Arbitraries.longs().between(0, 9_999_999_999L);
        Arbitrary<Integer> stock = Arbitraries.integers().between(0, 999_999).injectNull(0.3);
        return Combinators.combine(Arbitraries.integers().between(0, STORES.size() - 1), gtin13, day, units, fenSize, stock)
                .as((store, gtin, d, u, fen, s) -> new Figures(store, gtin, d, u, u < 0 ? -fen : fen, s))
                .list().ofMinSize(1).ofMaxSize(12);
    }

    /** The GS1 check digit: from the right, digits weighted 3, 1, 3, … */
    private static String withCheckDigit(String twelve) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            int digit = twelve.charAt(11 - i) - '0';
            sum += i % 2 == 0 ? 3 * digit : digit;
        }
        return twelve + (10 - sum % 10) % 10;
    }
}
