package io.kam.sellthrough.rows;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.time.LocalDate;
import java.util.Locale;

import io.kam.platform.calendar.MarketCalendar;

/**
 * Checks one row against the rules every sell-through row follows, whether pushed or pulled: each required column
 * present and in the batch's charset; the store a known store of the account, open on the day; the GTIN an EAN-13 or
 * GTIN-14 with a valid check digit; the date a calendar date, from 2000 on and not after today in the market; units a
 * whole number, sales a decimal with at most the currency's decimals, of the same sign, negative only if the account
 * accepts returns; the currency the account's; stock, if sent, a whole number not below zero. Every broken rule is
 * reported, not just the first.
 */
public final class RowRules {

    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final int MAX_UNIT_DIGITS = 9;
    private static final int MAX_SALES_DIGITS = 12;
    private static final int MAX_VALUE_SHOWN = 100;

    private final KnownStores stores;
    private final String currency;
    private final int scale;
    private final boolean returnsAllowed;
    private final LocalDate today;
    private final Charset charset;
    private final CharsetDecoder decoder;
    private final Dates dates = new Dates();

    /**
     * @param scale the currency's decimals (2 for CNY): sales are kept in units of {@code 10^-scale}
     * @param today today in the market's time zone; rows dated after it are refused
     */
    public RowRules(KnownStores stores, String currency, int scale, boolean returnsAllowed, LocalDate today, Charset charset) {
        this.stores = stores;
        this.currency = currency.toUpperCase(Locale.ROOT);
        this.scale = scale;
        this.returnsAllowed = returnsAllowed;
        this.today = today;
        this.charset = charset;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * @return true if the row is valid and now in {@code out}; false if it was rejected with its reasons
     */
    public boolean check(RowFields row, ValidRow out, Rejections rejections) {
        long line = row.line();
        if (row.problem() != null) {
            rejections.reject(line, Rejections.ROW, row.problem(), null);
            return false;
        }
        Check check = new Check(row, rejections);
        for (Column column : Column.ALL) {
            check.readable(column);
        }
        StoreRef store = check.usable(Column.STORE) ? stores.find(row.data(), row.start(Column.STORE), row.end(Column.STORE)) : null;
        if (store == null && check.usable(Column.STORE)) {
            check.fail(Column.STORE, "is not a store of this account");
        }
        long gtin = gtin(check);
        int day = day(check, store);
        long units = check.usable(Column.UNITS) ? whole(check, Column.UNITS) : 0;
        long sales = check.usable(Column.SALES) ? sales(check) : 0;
        signs(check, units, sales);
        currency(check);
        int stock = ValidRow.NO_STOCK;
        if (check.usable(Column.STOCK)) {
            long value = whole(check, Column.STOCK);
            if (value < 0 && check.usable(Column.STOCK)) {
                check.fail(Column.STOCK, "must not be negative");
            }
            stock = (int) value;
        }
        if (check.failed()) {
            return false;
        }
        out.line = line;
        out.store = store;
        out.gtin = gtin;
        out.day = day;
        out.units = (int) units;
        out.sales = sales;
        out.stock = stock;
        return true;
    }

    private long gtin(Check check) {
        if (!check.usable(Column.GTIN)) {
            return 0;
        }
        RowFields row = check.row;
        String problem = Gtin.problem(row.data(), row.start(Column.GTIN), row.end(Column.GTIN));
        if (problem != null) {
            check.fail(Column.GTIN, problem);
            return 0;
        }
        return Gtin.value(row.data(), row.start(Column.GTIN), row.end(Column.GTIN));
    }

    private int day(Check check, StoreRef store) {
        if (!check.usable(Column.DATE)) {
            return 0;
        }
        RowFields row = check.row;
        LocalDate date = dates.parse(row.data(), row.start(Column.DATE), row.end(Column.DATE));
        if (date == null) {
            check.fail(Column.DATE, "must be a calendar date as YYYY-MM-DD (or YYYYMMDD)");
        } else if (date.isAfter(today)) {
            check.fail(Column.DATE, "is after today (" + today + ") in the market's time zone (" + MarketCalendar.ZONE + ")");
        } else if (date.isBefore(EARLIEST)) {
            check.fail(Column.DATE, "is before " + EARLIEST);
        } else {
            long day = date.toEpochDay();
            if (store != null && day < store.firstDay()) {
                check.fail(Column.STORE, "store " + store.code() + " opened on " + store.openingDate() + ", after " + date);
            } else if (store != null && day > store.lastDay()) {
                check.fail(Column.STORE, "store " + store.code() + " closed on " + store.closedOn() + ", before " + date);
            }
            return (int) day;
        }
        return 0;
    }

    private long whole(Check check, Column column) {
        RowFields row = check.row;
        long value = Numbers.whole(row.data(), row.start(column), row.end(column), MAX_UNIT_DIGITS);
        if (value == Numbers.INVALID) {
            check.fail(column, "must be a whole number");
        } else if (value == Numbers.OUT_OF_RANGE) {
            check.fail(column, "must have at most " + MAX_UNIT_DIGITS + " digits");
        }
        return value;
    }

    private long sales(Check check) {
        RowFields row = check.row;
        long value = Numbers.decimal(row.data(), row.start(Column.SALES), row.end(Column.SALES), scale, MAX_SALES_DIGITS);
        if (value == Numbers.INVALID) {
            check.fail(Column.SALES, "must be a decimal number with a point, such as 12.50");
        } else if (value == Numbers.TOO_PRECISE) {
            check.fail(Column.SALES, "has more than " + scale + " decimals, the most " + currency + " has");
        } else if (value == Numbers.OUT_OF_RANGE) {
            check.fail(Column.SALES, "must have at most " + MAX_SALES_DIGITS + " digits before the point");
        }
        return value;
    }

    /** Returns (negative figures) only where the account accepts them, and units and sales never at odds. */
    private void signs(Check check, long units, long sales) {
        boolean unitsOk = check.usable(Column.UNITS);
        boolean salesOk = check.usable(Column.SALES);
        if (!returnsAllowed && unitsOk && units < 0) {
            check.fail(Column.UNITS, "is negative (returns), which this account does not accept");
        }
        if (!returnsAllowed && salesOk && sales < 0) {
            check.fail(Column.SALES, "is negative (returns), which this account does not accept");
        }
        if (unitsOk && salesOk && (units > 0 && sales < 0 || units < 0 && sales > 0)) {
            check.fail(Column.SALES, "has the opposite sign of units (" + units + ")");
        }
    }

    private void currency(Check check) {
        if (!check.usable(Column.CURRENCY)) {
            return;
        }
        String sent = check.row.text(Column.CURRENCY, charset);
        if (!sent.equalsIgnoreCase(currency)) {
            check.fail(Column.CURRENCY, "must be " + currency + ", the currency of this account's figures");
        }
    }

    /** The reasons found so far for one row, and which columns are still worth checking. */
    private final class Check {
        final RowFields row;
        final Rejections rejections;
        private int failedColumns;
        private boolean failed;

        Check(RowFields row, Rejections rejections) {
            this.row = row;
            this.rejections = rejections;
        }

        /** Required columns present; every column's bytes valid in the charset. */
        void readable(Column column) {
            if (!row.has(column)) {
                if (column.required()) {
                    fail(column, "is required");
                }
                return;
            }
            byte[] data = row.data();
            for (int i = row.start(column), end = row.end(column); i < end; i++) {
                if (data[i] < 0) {
                    try {
                        decoder.decode(ByteBuffer.wrap(data, row.start(column), end - row.start(column)));
                    } catch (CharacterCodingException e) {
                        fail(column, "holds bytes that are not valid " + charset.name());
                    }
                    return;
                }
            }
        }

        /** Present and not yet failed: worth checking further. */
        boolean usable(Column column) {
            return row.has(column) && (failedColumns & (1 << column.ordinal())) == 0;
        }

        void fail(Column column, String reason) {
            failedColumns |= 1 << column.ordinal();
            failed = true;
            String value = row.has(column) ? row.text(column, charset) : null;
            if (value != null && value.length() > MAX_VALUE_SHOWN) {
                value = value.substring(0, MAX_VALUE_SHOWN);
            }
            rejections.reject(row.line(), column.wireName(), reason, value);
        }

        boolean failed() {
            return failed;
        }
    }
}
