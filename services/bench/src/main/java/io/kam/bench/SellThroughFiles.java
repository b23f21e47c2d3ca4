package io.kam.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * A retailer file written to disk before the clock starts, so that generating it costs the measured run nothing, with
 * its row count and totals.
 */
record SellThroughFiles(Path path, long rows, long bytes, long units, long salesFen) {

    static SellThroughFiles write(Path path, int stores, int products, int days, LocalDate firstDay) throws IOException {
        SellThroughData data = new SellThroughData(stores, products, days, firstDay);
        try (OutputStream out = Files.newOutputStream(path)) {
            data.transferTo(out);
        }
        return new SellThroughFiles(path, data.rows, Files.size(path), data.units, data.salesFen);
    }
}
