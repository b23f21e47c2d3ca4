package io.kam.sellthrough.rows;

import org.jspecify.annotations.Nullable;

/**
 * A row that passed every check, in the form it is stored in: the store's number, the GTIN-14's value, the day as an
 * epoch day, units, sales in minor units of the account's currency (fen for CNY), and stock on hand or
 * {@link #NO_STOCK}. One instance is reused for every row.
 */
public final class ValidRow {

    public static final int NO_STOCK = -1;

    long line;
    @Nullable StoreRef store;
    long gtin;
    int day;
    int units;
    long sales;
    int stock = NO_STOCK;

    public long line() {
        return line;
    }

    public StoreRef store() {
        if (store == null) {
            throw new IllegalStateException("no row checked yet");
        }
        return store;
    }

    public long gtin() {
        return gtin;
    }

    public int day() {
        return day;
    }

    public int units() {
        return units;
    }

    public long sales() {
        return sales;
    }

    public int stock() {
        return stock;
    }
}
