package io.kam.sellthrough.ingest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.kam.platform.outbox.Outbox;
import io.kam.sellthrough.api.SellThroughEvents;
import io.kam.sellthrough.api.SellThroughEvents.RecordedLine;
import io.kam.sellthrough.api.SellThroughEvents.RestatedLine;
import io.kam.sellthrough.api.SellThroughEvents.SalesRecorded;
import io.kam.sellthrough.api.SellThroughEvents.SalesRestated;
import io.kam.sellthrough.rows.Gtin;
import io.kam.sellthrough.rows.ValidRow;

/**
 * Turns written rows into events, inside the batch's transaction: per day, new figures into {@link SalesRecorded} and
 * corrections into {@link SalesRestated}, each published to the outbox once it holds {@code linesPerEvent} lines. The
 * lines waiting in all day buffers together stay below {@code maxBuffered}: past it, the fullest buffer is published
 * early, so a batch spread over many days needs no more memory than one over a few.
 */
final class EventComposer {

    private final Outbox outbox;
    private final UUID account;
    private final String batchId;
    private final String currency;
    private final int scale;
    private final String actor;
    private final int linesPerEvent;
    private final int maxBuffered;
    private final Tally tally;
    private final Map<Integer, Day> days = new TreeMap<>();
    private final Map<Long, String> gtinTexts = new HashMap<>();
    private int buffered;
    /** Time spent appending events to the outbox: encoding them and inserting the rows. */
    long appendNanos;
    long deltaUnits;
    long deltaSales;

    EventComposer(Outbox outbox, UUID account, String batchId, String currency, int scale, String actor,
                  int linesPerEvent, int maxBuffered, Tally tally) {
        this.outbox = outbox;
        this.account = account;
        this.batchId = batchId;
        this.currency = currency;
        this.scale = scale;
        this.actor = actor;
        this.linesPerEvent = linesPerEvent;
        this.maxBuffered = maxBuffered;
        this.tally = tally;
    }

    /** Takes the rows of a written chunk that were new or restated. */
    void add(Chunk chunk, SaleWriter written) {
        for (int i = 0; i < chunk.size; i++) {
            byte kind = written.kind[i];
            if (kind != SaleWriter.NEW && kind != SaleWriter.RESTATED) {
                continue;
            }
            Day day = days.computeIfAbsent(chunk.day[i], Day::new);
            String store = chunk.store[i].code();
            String gtin = gtin(chunk.gtin[i]);
            Integer stock = chunk.stock[i] == ValidRow.NO_STOCK ? null : chunk.stock[i];
            if (kind == SaleWriter.NEW) {
                day.recorded.add(new RecordedLine(store, gtin, chunk.units[i], decimal(chunk.sales[i]), stock));
                day.recordedUnits += chunk.units[i];
                day.recordedSales += chunk.sales[i];
                deltaUnits += chunk.units[i];
                deltaSales += chunk.sales[i];
                if (day.recorded.size() == linesPerEvent) {
                    buffered -= linesPerEvent - 1;
                    publishRecorded(day);
                    continue;
                }
            } else {
                long units = chunk.units[i] - (long) written.prevUnits[i];
                long sales = chunk.sales[i] - written.prevSales[i];
                day.restated.add(new RestatedLine(store, gtin, chunk.units[i], decimal(chunk.sales[i]), stock, units,
                        decimal(sales)));
                day.restatedUnits += units;
                day.restatedSales += sales;
                deltaUnits += units;
                deltaSales += sales;
                if (day.restated.size() == linesPerEvent) {
                    buffered -= linesPerEvent - 1;
                    publishRestated(day);
                    continue;
                }
            }
            if (++buffered > maxBuffered) {
                publishFullest();
            }
        }
    }

    /** Publishes every line still buffered, day by day. */
    void finish() {
        for (Day day : days.values()) {
            publishRecorded(day);
            publishRestated(day);
        }
        days.clear();
        buffered = 0;
    }

    private void publishFullest() {
        Day fullest = null;
        for (Day day : days.values()) {
            if (fullest == null || day.size() > fullest.size()) {
                fullest = day;
            }
        }
        buffered -= fullest.size();
        publishRecorded(fullest);
        publishRestated(fullest);
    }

    private void publishRecorded(Day day) {
        if (day.recorded.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        outbox.append(SellThroughEvents.CATALOG, new SalesRecorded(account, batchId, ++tally.parts, day.date, currency,
                day.recordedUnits, decimal(day.recordedSales), day.recorded), actor);
        appendNanos += System.nanoTime() - start;
        day.recorded = new ArrayList<>();
        day.recordedUnits = 0;
        day.recordedSales = 0;
    }

    private void publishRestated(Day day) {
        if (day.restated.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        outbox.append(SellThroughEvents.CATALOG, new SalesRestated(account, batchId, ++tally.parts, day.date, currency,
                day.restatedUnits, decimal(day.restatedSales), day.restated), actor);
        appendNanos += System.nanoTime() - start;
        day.restated = new ArrayList<>();
        day.restatedUnits = 0;
        day.restatedSales = 0;
    }

    BigDecimal decimal(long minor) {
        return BigDecimal.valueOf(minor, scale);
    }

    private String gtin(long value) {
        if (gtinTexts.size() > 100_000) {
            gtinTexts.clear();
        }
        return gtinTexts.computeIfAbsent(value, Gtin::text);
    }

    /** One day's lines waiting to be published. */
    private static final class Day {
        final LocalDate date;
        List<RecordedLine> recorded = new ArrayList<>();
        long recordedUnits;
        long recordedSales;
        List<RestatedLine> restated = new ArrayList<>();
        long restatedUnits;
        long restatedSales;

        Day(int epochDay) {
            this.date = LocalDate.ofEpochDay(epochDay);
        }

        int size() {
            return recorded.size() + restated.size();
        }
    }
}
