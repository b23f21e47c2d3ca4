package io.kam.sellthrough;

/** Building sell-through bodies in tests. */
public final class Rows {

    public static final String HEADER = "store,gtin,date,units,sales,currency,stock\n";

    private Rows() {
    }

    /** The n-th product's EAN-13, with a valid check digit. */
    public static String gtin(int n) {
        String digits = "690" + String.format("%09d", n);
        int sum = 0;
        for (int i = digits.length() - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
            sum += (digits.charAt(i) - '0') * weight;
        }
        return digits + (10 - sum % 10) % 10;
    }

    /** A CSV row. */
    public static String row(String store, int product, String date, int units, String sales, Integer stock) {
        return store + "," + gtin(product) + "," + date + "," + units + "," + sales + ",CNY," + (stock == null ? "" : stock) + "\n";
    }
}
