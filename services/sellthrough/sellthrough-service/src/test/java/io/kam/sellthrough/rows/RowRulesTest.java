package io.kam.sellthrough.rows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The rules every row follows, one by one, and all of a row's broken rules reported together. */
class RowRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
    private static final KnownStores STORES = new KnownStores(List.of(
            new StoreRef(1, "SH-PD-001", LocalDate.of(2019, 9, 28), null),
            new StoreRef(2, "SH-PD-002", null, LocalDate.of(2026, 2, 28)),
            new StoreRef(3, "SH-PD-003", LocalDate.of(2026, 3, 10), null),
            new StoreRef(4, "上海浦东店", null, null)), StandardCharsets.UTF_8);
    private static final String HEADER = "store,gtin,date,units,sales,currency,stock\n";

    private record Reason(long line, String field, String reason, String value) {
        @Override
        public String toString() {
            return line + " " + field + ": " + reason + (value == null ? "" : " [" + value + "]");
        }
    }

    @Test
    void aValidRowIsStoredAsNumbersWithTheGtinAsGtin14AndSalesInFen() throws IOException {
        var checked = check(HEADER + "SH-PD-001,6901234567892,2026-03-14,12,276.5,cny,40\n"
                + "SH-PD-001,06901234567892,20260315,0,0,CNY,\n", false);

        assertThat(checked.reasons).isEmpty();
        ValidRow first = checked.valid.getFirst();
        assertThat(first.store().no()).isEqualTo(1);
        assertThat(Gtin.text(first.gtin())).isEqualTo("06901234567892");
        assertThat(first.day()).isEqualTo((int) LocalDate.of(2026, 3, 14).toEpochDay());
        assertThat(first.units()).isEqualTo(12);
        assertThat(first.sales()).isEqualTo(27_650);
        assertThat(first.stock()).isEqualTo(40);
        assertThat(checked.valid.get(1).gtin()).as("EAN-13 and its GTIN-14 are one product").isEqualTo(first.gtin());
        assertThat(checked.valid.get(1).stock()).isEqualTo(ValidRow.NO_STOCK);
    }

    @Test
    void everyRuleNamesItsFieldAndLine() throws IOException {
        var checked = check(HEADER
                + "SH-XX-999,6901234567892,2026-03-14,12,276.00,CNY,4\n"
                + "SH-PD-001,6901234567893,2026-03-14,12,276.00,CNY,4\n"
                + "SH-PD-001,690123456789,2026-03-14,12,276.00,CNY,4\n"
                + "SH-PD-001,6901234567892,2026-03-16,12,276.00,CNY,4\n"
                + "SH-PD-001,6901234567892,2026-02-30,12,276.00,CNY,4\n"
                + "SH-PD-001,6901234567892,1999-12-31,12,276.00,CNY,4\n"
                + "SH-PD-002,6901234567892,2026-03-01,12,276.00,CNY,4\n"
                + "SH-PD-003,6901234567892,2026-03-09,12,276.00,CNY,4\n"
                + "SH-PD-001,6901234567892,2026-03-14,1.5,276.00,CNY,4\n"
                + "SH-PD-001,6901234567892,2026-03-14,12,276.005,CNY,4\n"
                + "SH-PD-001,6901234567892,2026-03-14,12,\"1,276.00\",CNY,4\n"
                + "SH-PD-001,6901234567892,2026-03-14,12,276.00,USD,4\n"
                + "SH-PD-001,6901234567892,2026-03-14,12,276.00,CNY,-4\n"
                + "SH-PD-001,6901234567892,2026-03-14,1234567890,276.00,CNY,4\n", false);

        assertThat(checked.reasons).extracting(Reason::toString).containsExactly(
                "2 store: is not a store of this account [SH-XX-999]",
                "3 gtin: has the check digit 3 where 2 is expected [6901234567893]",
                "4 gtin: must be an EAN-13 or a GTIN-14: 13 or 14 digits [690123456789]",
                "5 date: is after today (2026-03-15) in the market's time zone (Asia/Shanghai) [2026-03-16]",
                "6 date: must be a calendar date as YYYY-MM-DD (or YYYYMMDD) [2026-02-30]",
                "7 date: is before 2000-01-01 [1999-12-31]",
                "8 store: store SH-PD-002 closed on 2026-02-28, before 2026-03-01 [SH-PD-002]",
                "9 store: store SH-PD-003 opened on 2026-03-10, after 2026-03-09 [SH-PD-003]",
                "10 units: must be a whole number [1.5]",
                "11 sales: has more than 2 decimals, the most CNY has [276.005]",
                "12 sales: must be a decimal number with a point, such as 12.50 [1,276.00]",
                "13 currency: must be CNY, the currency of this account's figures [USD]",
                "14 stock: must not be negative [-4]",
                "15 units: must have at most 9 digits [1234567890]");
        assertThat(checked.valid).isEmpty();
    }

    @Test
    void returnsAreRefusedUnlessTheAccountAcceptsThemAndSignsMustAgree() throws IOException {
        String rows = HEADER + "SH-PD-001,6901234567892,2026-03-14,-2,-46.00,CNY,\n"
                + "SH-PD-001,6901234567892,2026-03-13,2,-46.00,CNY,\n"
                + "SH-PD-001,6901234567892,2026-03-12,0,-3.00,CNY,\n";

        assertThat(check(rows, false).reasons).extracting(Reason::toString).containsExactly(
                "2 units: is negative (returns), which this account does not accept [-2]",
                "2 sales: is negative (returns), which this account does not accept [-46.00]",
                "3 sales: is negative (returns), which this account does not accept [-46.00]",
                "3 sales: has the opposite sign of units (2) [-46.00]",
                "4 sales: is negative (returns), which this account does not accept [-3.00]");
        var allowed = check(rows, true);
        assertThat(allowed.reasons).extracting(Reason::toString).containsExactly(
                "3 sales: has the opposite sign of units (2) [-46.00]");
        assertThat(allowed.valid).extracting(ValidRow::sales).containsExactly(-4_600L, -300L);
    }

    @Test
    void missingFieldsInvalidBytesAndRowProblemsAreReportedTogetherPerRow() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write((HEADER + ",6901234567893,,12,,CNY,\n").getBytes(StandardCharsets.UTF_8));
        body.write("SH-".getBytes(StandardCharsets.UTF_8));
        body.write(new byte[] {(byte) 0xE4, (byte) 0xB8});
        body.write((",6901234567892,2026-03-14,12,276.00,CNY,4\n\"SH-PD-001,x\n上海浦东店,6901234567892,2026-03-14,1,2.00,CNY,\n")
                .getBytes(StandardCharsets.UTF_8));

        var checked = check(body.toByteArray(), false);

        assertThat(checked.reasons).extracting(Reason::toString).containsExactly(
                "2 store: is required", "2 date: is required", "2 sales: is required",
                "2 gtin: has the check digit 3 where 2 is expected [6901234567893]",
                "3 store: holds bytes that are not valid UTF-8 [SH-\uFFFD]",
                "4 row: unbalanced quote: field 1 is not closed before the end of the line");
        assertThat(checked.valid).extracting(v -> v.store().code()).containsExactly("上海浦东店");
    }

    private record Checked(List<ValidRow> valid, List<Reason> reasons) {
    }

    private static Checked check(String csv, boolean returnsAllowed) throws IOException {
        return check(csv.getBytes(StandardCharsets.UTF_8), returnsAllowed);
    }

    private static Checked check(byte[] csv, boolean returnsAllowed) throws IOException {
        RowRules rules = new RowRules(STORES, "CNY", 2, returnsAllowed, TODAY, StandardCharsets.UTF_8);
        RowReader reader = CsvRows.open(new ByteArrayInputStream(csv), StandardCharsets.UTF_8, 4096);
        List<ValidRow> valid = new ArrayList<>();
        List<Reason> reasons = new ArrayList<>();
        RowFields row = new RowFields();
        while (reader.next(row)) {
            ValidRow out = new ValidRow();
            if (rules.check(row, out, (line, field, reason, value) -> reasons.add(new Reason(line, field, reason, value)))) {
                valid.add(out);
            }
        }
        return new Checked(valid, reasons);
    }
}
