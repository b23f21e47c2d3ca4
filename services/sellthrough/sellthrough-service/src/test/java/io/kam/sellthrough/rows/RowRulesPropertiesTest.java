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

import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.kam.sellthrough.ingest.BodyFormat;

/**
 * The rules over rows nobody wrote by hand (issue 17, bad input at scale): any bytes in any field, in any charset,
 * make a valid row or one rejected with its reasons, never an exception; and valid figures, written as CSV or NDJSON
 * in any supported charset and spelling (a GTIN as EAN-13 or GTIN-14, a date with or without dashes, sales with up to
 * two decimals), read back to the same store, product, day and numbers. 300 tries each, one fixed seed each
 * ({@link Gen}).
 */
class RowRulesPropertiesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
    private static final List<String> STORES = List.of("SH-PD-001", "上海浦东店", "Store, \"North\"", " 北京 1 ");
    private static final String HEADER = "store,gtin,date,units,sales,currency,stock\n";

    record Figures(int store, String gtin13, LocalDate day, int units, long fen, Integer stock) {
    }

    static LongStream tries() {
        return Gen.seeds(300);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("tries")
    void anyFieldsMakeAValidRowOrAReasonNeverAnException(long seed) {
        Gen gen = new Gen(seed);
        List<List<byte[]>> lines = fieldLists(gen);
        Charset charset = charset(gen);
        boolean returnsAllowed = gen.bool();
        Gen.check(seed, "lines " + Gen.show(lines) + ", " + charset + ", returnsAllowed " + returnsAllowed, () -> {
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
                boolean ok = rules.check(row, valid,
                        (line, field, reason, value) -> reasons.add(field + ": " + reason));
                assertThat(ok).as("valid exactly when no reason: %s", reasons).isEqualTo(reasons.isEmpty());
            }
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("tries")
    void validFiguresReadBackToTheSameValues(long seed) {
        Gen gen = new Gen(seed);
        List<Figures> figures = figures(gen);
        Charset charset = charset(gen);
        boolean ndjson = gen.bool();
        boolean gtin14 = gen.bool();
        boolean compactDates = gen.bool();
        Gen.check(seed, "figures " + figures + ", " + charset + ", ndjson " + ndjson + ", gtin14 " + gtin14
                + ", compactDates " + compactDates, () -> readBack(figures, charset, ndjson, gtin14, compactDates));
    }

    private static void readBack(List<Figures> figures, Charset charset, boolean ndjson, boolean gtin14,
            boolean compactDates) throws IOException {
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

    private static Charset charset(Gen gen) {
        return gen.oneOf(StandardCharsets.UTF_8, BodyFormat.GBK, BodyFormat.GB18030);
    }

    private static final List<String> NEAR = List.of("SH-PD-001", "上海浦东店", "6901234567892", "06901234567892",
            "2026-03-14", "20260230", "12", "-3", "276.005", "1e3", "CNY", "cny", "", " ", "99999999999999999999",
            "0x10", "-0", "+5", ".5", "5.", "\uFEFF");

    /**
     * 1 to 10 lines of seven fields of bytes each (no line break, comma or quote), 3 in 4 of them near what a field
     * holds, the others up to 20 arbitrary bytes.
     */
    private static List<List<byte[]>> fieldLists(Gen gen) {
        return gen.list(1, 10, () -> gen.list(7, 7, () -> gen.chance(3, 4)
                ? gen.oneOf(NEAR).getBytes(StandardCharsets.UTF_8)
                : gen.bytes(20, () -> fieldByte(gen))));
    }

    private static byte fieldByte(Gen gen) {
        byte b;
        do {
            b = gen.anyByte();
        } while (b == '\n' || b == '\r' || b == ',' || b == '"');
        return b;
    }

    /**
     * 1 to 12 figures: any store, a GTIN-13 of twelve random digits and its check digit, a day from the earliest
     * allowed to today, units and sales (in fen, of the units' sign) within bounds, a stock or none (3 in 10).
     */
    private static List<Figures> figures(Gen gen) {
        return gen.list(1, 12, () -> {
            int store = gen.between(0, STORES.size() - 1);
            StringBuilder twelve = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                twelve.append(gen.between(0, 9));
            }
            LocalDate day = LocalDate.ofEpochDay(gen.between(RowRules.EARLIEST.toEpochDay(), TODAY.toEpochDay()));
            int units = gen.between(-99_999, 99_999);
            long fen = gen.between(0L, 9_999_999_999L);
            Integer stock = gen.chance(3, 10) ? null : gen.between(0, 999_999);
            return new Figures(store, withCheckDigit(twelve.toString()), day, units, units < 0 ? -fen : fen, stock);
        });
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
