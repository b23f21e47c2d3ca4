package io.kam.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The benchmark's retailer file, generated as a stream: {@code stores × products × days} rows of CSV, day by day and
 * store by store as a daily POS export is, from a fixed seed. It adds up its own units and sales (in fen) as it goes,
 * so the figures downstream can be checked against what was sent.
 */
final class SellThroughData extends InputStream {

    static final String HEADER = "store,gtin,date,units,sales,currency,stock\n";

    private final int stores;
    private final int products;
    private final int days;
    private final LocalDate firstDay;
    private final SplittableRandom random = new SplittableRandom(20260315);
    private final String[] gtins;
    private final long[] prices;
    private byte[] line = HEADER.getBytes(StandardCharsets.US_ASCII);
    private int position;
    private long row;
    long rows;
    long units;
    long salesFen;
    long bytes;

    SellThroughData(int stores, int products, int days, LocalDate firstDay) {
        this.stores = stores;
        this.products = products;
        this.days = days;
        this.firstDay = firstDay;
        this.gtins = new String[products];
        this.prices = new long[products];
        for (int p = 0; p < products; p++) {
            gtins[p] = gtin(p + 1);
            prices[p] = 150 + random.nextInt(5_000);
        }
    }

    static String store(int index) {
        return String.format("S%04d", index + 1);
    }

    long totalRows() {
        return (long) stores * products * days;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        int written = 0;
        while (written < length) {
            if (position == line.length) {
                if (!nextLine()) {
                    break;
                }
            }
            int n = Math.min(length - written, line.length - position);
            System.arraycopy(line, position, buffer, offset + written, n);
            position += n;
            written += n;
        }
        bytes += written;
        return written == 0 && length > 0 ? -1 : written;
    }

    private boolean nextLine() {
        if (row == totalRows()) {
            return false;
        }
        int product = (int) (row % products);
        int store = (int) (row / products % stores);
        int day = (int) (row / products / stores);
        int sold = random.nextInt(40);
        long fen = sold * prices[product];
        String text = store(store) + ',' + gtins[product] + ',' + firstDay.plusDays(day) + ',' + sold + ','
                + fen / 100 + '.' + (fen % 100 < 10 ? "0" : "") + fen % 100 + ",CNY," + random.nextInt(200) + '\n';
        line = text.getBytes(StandardCharsets.US_ASCII);
        position = 0;
        row++;
        rows++;
        units += sold;
        salesFen += fen;
        return true;
    }

    /** The n-th product's EAN-13 with its check digit. */
    static String gtin(int n) {
        String digits = "690" + String.format("%09d", n);
        int sum = 0;
        for (int i = digits.length() - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
            sum += (digits.charAt(i) - '0') * weight;
        }
        return digits + (10 - sum % 10) % 10;
    }
}
