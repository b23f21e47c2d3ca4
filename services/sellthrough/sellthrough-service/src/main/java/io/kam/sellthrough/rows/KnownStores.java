package io.kam.sellthrough.rows;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Collection;

import org.jspecify.annotations.Nullable;

/**
 * The stores of one account, looked up by the bytes of their code in the batch's charset, so that the row being
 * validated needs no string: an open-addressing table sized for a load of at most one half.
 */
public final class KnownStores {

    private final StoreRef[] refs;
    private final byte[][] keys;
    private final int mask;
    private final int size;

    public KnownStores(Collection<StoreRef> stores, Charset charset) {
        int capacity = Integer.highestOneBit(Math.max(4, stores.size() * 2 - 1)) << 1;
        this.refs = new StoreRef[capacity];
        this.keys = new byte[capacity][];
        this.mask = capacity - 1;
        this.size = stores.size();
        for (StoreRef store : stores) {
            byte[] key = store.code().getBytes(charset);
            int slot = hash(key, 0, key.length) & mask;
            while (keys[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = key;
            refs[slot] = store;
        }
    }

    /** The store whose code is {@code bytes[from, to)}, or null. */
    public @Nullable StoreRef find(byte[] bytes, int from, int to) {
        int slot = hash(bytes, from, to) & mask;
        while (keys[slot] != null) {
            if (Arrays.equals(keys[slot], 0, keys[slot].length, bytes, from, to)) {
                return refs[slot];
            }
            slot = (slot + 1) & mask;
        }
        return null;
    }

    public int size() {
        return size;
    }

    private static int hash(byte[] bytes, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + bytes[i];
        }
        return h ^ (h >>> 16);
    }
}
