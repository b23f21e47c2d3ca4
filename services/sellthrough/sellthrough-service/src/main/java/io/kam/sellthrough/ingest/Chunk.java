package io.kam.sellthrough.ingest;

import java.util.Arrays;

import io.kam.sellthrough.rows.StoreRef;
import io.kam.sellthrough.rows.ValidRow;

/**
 * Up to a fixed number of valid rows, column by column in primitive arrays, in the order of the body (so by ascending
 * line). It also refuses a second row for a (store, GTIN, day) it already holds: such a row is a duplicate within the
 * batch, and the first one counts. Two chunks and their arrays are reused for a whole batch.
 */
final class Chunk {

    final long[] line;
    final StoreRef[] store;
    final long[] gtin;
    final int[] day;
    final int[] units;
    final long[] sales;
    final int[] stock;
    private final int[] slots;
    private final int mask;
    int size;

    Chunk(int capacity) {
        line = new long[capacity];
        store = new StoreRef[capacity];
        gtin = new long[capacity];
        day = new int[capacity];
        units = new int[capacity];
        sales = new long[capacity];
        stock = new int[capacity];
        int tableSize = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) << 1;
        slots = new int[tableSize];
        mask = tableSize - 1;
    }

    /**
     * Adds the row, unless the chunk holds one for the same key already.
     *
     * @return -1 when added; otherwise the line of the row already held for the key
     */
    long add(ValidRow row) {
        int storeNo = row.store().no();
        long hash = row.gtin() * 0x9E3779B97F4A7C15L + storeNo * 0xC2B2AE3D27D4EB4FL + row.day() * 0x165667B19E3779F9L;
        int slot = (int) (hash ^ (hash >>> 29)) & mask;
        while (slots[slot] != 0) {
            int i = slots[slot] - 1;
            if (gtin[i] == row.gtin() && day[i] == row.day() && store[i].no() == storeNo) {
                return line[i];
            }
            slot = (slot + 1) & mask;
        }
        int i = size++;
        slots[slot] = i + 1;
        line[i] = row.line();
        store[i] = row.store();
        gtin[i] = row.gtin();
        day[i] = row.day();
        units[i] = row.units();
        sales[i] = row.sales();
        stock[i] = row.stock();
        return -1;
    }

    boolean full() {
        return size == line.length;
    }

    /** The index of the row read from the line; the lines are ascending. */
    int indexOf(long lineNumber) {
        return Arrays.binarySearch(line, 0, size, lineNumber);
    }

    void clear() {
        Arrays.fill(slots, 0);
        Arrays.fill(store, 0, size, null);
        size = 0;
    }
}
