package io.kam.projection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.kam.platform.testing.TopicWriter;
import io.kam.sellthrough.api.BatchSource;
import io.kam.sellthrough.api.IngestMode;
import io.kam.sellthrough.api.SellThroughEvents;
import io.kam.sellthrough.api.SellThroughEvents.BatchIngested;
import io.kam.sellthrough.api.SellThroughEvents.RecordedLine;
import io.kam.sellthrough.api.SellThroughEvents.RestatedLine;
import io.kam.sellthrough.api.SellThroughEvents.SalesRecorded;
import io.kam.sellthrough.api.SellThroughEvents.SalesRestated;
import io.kam.sellthrough.api.SellThroughEvents.SellThroughEvent;

/**
 * Sell-through events as the sell-through service composes them: chunks of one account and one day, their sums in the
 * event; and the writer that publishes them on {@code kam.sellthrough.v1} as its integration would.
 */
public final class SellThroughFigures {

    public static final String GTIN_A = "06901234567892";
    public static final String GTIN_B = "06920202888888";

    private SellThroughFigures() {
    }

    /** Publishes sell-through events as the retailer's integration pushing them. */
    public static TopicWriter<SellThroughEvent> topic() {
        return TopicWriter.of(SellThroughEvents.CATALOG).as("service-account-kam-integration");
    }

    public static RecordedLine line(String store, String gtin, long units, String sales) {
        return new RecordedLine(store, gtin, units, new BigDecimal(sales), 10);
    }

    public static SalesRecorded recorded(UUID account, String batch, int part, LocalDate day, RecordedLine... lines) {
        return new SalesRecorded(account, batch, part, day, "CNY",
                List.of(lines).stream().mapToLong(RecordedLine::units).sum(),
                List.of(lines).stream().map(RecordedLine::sales).reduce(BigDecimal.ZERO, BigDecimal::add),
                List.of(lines));
    }

    /** The figure (store, GTIN, day) changed from {@code was} to the new units and sales. */
    public static SalesRestated restated(UUID account, String batch, int part, LocalDate day, RecordedLine was,
                                         long units, String sales) {
        BigDecimal newSales = new BigDecimal(sales);
        RestatedLine line = new RestatedLine(was.store(), was.gtin(), units, newSales, 12, units - was.units(),
                newSales.subtract(was.sales()));
        return new SalesRestated(account, batch, part, day, "CNY", line.deltaUnits(), line.deltaSales(), List.of(line));
    }

    public static BatchIngested ingested(UUID account, String batch, int parts, LocalDate firstDay, LocalDate lastDay,
                                         long deltaUnits, String deltaSales) {
        return new BatchIngested(account, batch, BatchSource.PUSH, null, IngestMode.LENIENT, parts, parts, 0, 0, 0,
                parts, firstDay, lastDay, "CNY", deltaUnits, new BigDecimal(deltaSales));
    }
}
