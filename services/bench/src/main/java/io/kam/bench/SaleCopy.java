package io.kam.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

/**
 * PostgreSQL's raw limit for the figures: COPY of rows shaped like the {@code sale} table, into a table like it (same
 * columns, same primary key), on the same server, in one transaction.
 */
final class SaleCopy {

    record Limit(long rows, double seconds, double rowsPerSecond) {
    }

    private SaleCopy() {
    }

    static Limit measure(DataSource database, int rows) throws Exception {
        ByteArrayOutputStream data = new ByteArrayOutputStream(rows * 48);
        LocalDate first = LocalDate.of(2026, 1, 1);
        for (int i = 0; i < rows; i++) {
            String line = (i % 500 + 1) + "\t" + (6_900_000_000_000L + i / 500 % 100) + "\t" + first.plusDays(i / 50_000) + "\t"
                    + (i % 40) + "\t" + (i % 9000) + "." + (i % 100 < 10 ? "0" : "") + i % 100 + "\t" + (i % 200)
                    + "\t1\t" + (i + 2) + "\n";
            data.writeBytes(line.getBytes(StandardCharsets.US_ASCII));
        }
        byte[] bytes = data.toByteArray();
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                statement.execute("create temporary table copy_probe (like sale including all) on commit drop");
            }
            long start = System.nanoTime();
            long copied = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy copy_probe (store_no, gtin, day, units, sales, stock, batch_no, line) from stdin",
                    new ByteArrayInputStream(bytes));
            connection.commit();
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Limit(copied, PipelineBenchmark.round(seconds), Math.round(copied / seconds));
        }
    }
}
