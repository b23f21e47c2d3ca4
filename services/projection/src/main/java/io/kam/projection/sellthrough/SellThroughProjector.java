package io.kam.projection.sellthrough;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.platform.events.EventEnvelope;
import io.kam.sellthrough.api.SellThroughEvents.BatchIngested;
import io.kam.sellthrough.api.SellThroughEvents.RecordedLine;
import io.kam.sellthrough.api.SellThroughEvents.RestatedLine;
import io.kam.sellthrough.api.SellThroughEvents.SalesRecorded;
import io.kam.sellthrough.api.SellThroughEvents.SalesRestated;
import io.kam.sellthrough.api.SellThroughEvents.SellThroughEvent;

/**
 * Adds a chunk event's lines to the figures: recorded lines add their units and sales, restated lines their deltas
 * (their stock replaces the stock held, a level not a flow). A chunk is one account and one day, so it is applied with
 * a handful of statements whatever its size: one multi-row upsert of the facts (arrays unnested), one of the day's
 * store aggregates, one of its GTIN aggregates, one of the day's total. Runs in the listener's transaction, after the
 * platform recorded the event id, so that an event redelivered is never added twice.
 */
@Component
class SellThroughProjector {

    private static final String ADD_FACTS = """
            insert into sell_through_fact as f (account_id, day, store_code, gtin, units, sales, stock)
            select ?, ?, t.store, t.gtin, t.units, t.sales::numeric, t.stock::integer
            from unnest(?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[]) as t(store, gtin, units, sales, stock)
            on conflict (account_id, day, store_code, gtin) do update
            set units = f.units + excluded.units, sales = f.sales + excluded.sales, stock = excluded.stock""";
    private static final String ADD_STORE_DAYS = """
            insert into sell_through_store_day as a (account_id, day, store_code, units, sales)
            select ?, ?, t.store, t.units, t.sales::numeric
            from unnest(?::text[], ?::bigint[], ?::text[]) as t(store, units, sales)
            on conflict (account_id, day, store_code) do update
            set units = a.units + excluded.units, sales = a.sales + excluded.sales""";
    private static final String ADD_GTIN_DAYS = """
            insert into sell_through_gtin_day as a (account_id, day, gtin, units, sales)
            select ?, ?, t.gtin, t.units, t.sales::numeric
            from unnest(?::text[], ?::bigint[], ?::text[]) as t(gtin, units, sales)
            on conflict (account_id, day, gtin) do update
            set units = a.units + excluded.units, sales = a.sales + excluded.sales""";
    private static final String ADD_DAY = """
            insert into sell_through_day as a (account_id, day, units, sales) values (?, ?, ?, ?)
            on conflict (account_id, day) do update
            set units = a.units + excluded.units, sales = a.sales + excluded.sales""";
    private static final String SEE_ACCOUNT = """
            insert into sell_through_account as a (account_id, currency, first_day, last_day) values (?, ?, ?, ?)
            on conflict (account_id) do update
            set currency = excluded.currency, first_day = least(a.first_day, excluded.first_day),
                last_day = greatest(a.last_day, excluded.last_day)""";
    private static final String COUNT_PART = """
            insert into sell_through_batch as b (account_id, batch_id, parts_applied) values (?, ?, 1)
            on conflict (account_id, batch_id) do update set parts_applied = b.parts_applied + 1""";
    private static final String CLOSE_BATCH = """
            insert into sell_through_batch as b (account_id, batch_id, parts, rows_read, delta_units, delta_sales,
                                                 ingested_at)
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict (account_id, batch_id) do update
            set parts = excluded.parts, rows_read = excluded.rows_read, delta_units = excluded.delta_units,
                delta_sales = excluded.delta_sales, ingested_at = excluded.ingested_at""";

    private final JdbcClient jdbc;

    SellThroughProjector(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void apply(EventEnvelope envelope, SellThroughEvent event) {
        switch (event) {
            case SalesRecorded e -> {
                Chunk chunk = new Chunk();
                for (RecordedLine line : e.lines()) {
                    chunk.add(line.store(), line.gtin(), line.units(), line.sales(), line.stock());
                }
                add(e.accountId(), e.batchId(), e.day(), e.currency(), chunk);
            }
            case SalesRestated e -> {
                Chunk chunk = new Chunk();
                for (RestatedLine line : e.lines()) {
                    chunk.add(line.store(), line.gtin(), line.deltaUnits(), line.deltaSales(), line.stock());
                }
                add(e.accountId(), e.batchId(), e.day(), e.currency(), chunk);
            }
            case BatchIngested e -> jdbc.sql(CLOSE_BATCH)
                    .params(e.accountId(), e.batchId(), e.parts(), e.rowsRead(), e.deltaUnits(), e.deltaSales(),
                            java.sql.Timestamp.from(envelope.time()))
                    .update();
        }
    }

    private void add(UUID account, String batchId, LocalDate day, String currency, Chunk chunk) {
        if (!chunk.figures.isEmpty()) {
            int n = chunk.figures.size();
            String[] stores = new String[n];
            String[] gtins = new String[n];
            long[] units = new long[n];
            String[] sales = new String[n];
            String[] stocks = new String[n];
            int i = 0;
            for (Map.Entry<Key, Figure> entry : chunk.figures.entrySet()) {
                stores[i] = entry.getKey().store();
                gtins[i] = entry.getKey().gtin();
                units[i] = entry.getValue().units;
                sales[i] = entry.getValue().sales.toPlainString();
                stocks[i] = entry.getValue().stock == null ? null : entry.getValue().stock.toString();
                i++;
            }
            jdbc.sql(ADD_FACTS).params(account, day, stores, gtins, units, sales, stocks).update();
            upsertTotals(ADD_STORE_DAYS, account, day, chunk.byStore);
            upsertTotals(ADD_GTIN_DAYS, account, day, chunk.byGtin);
            jdbc.sql(ADD_DAY).params(account, day, chunk.total.units, chunk.total.sales).update();
        }
        jdbc.sql(SEE_ACCOUNT).params(account, currency, day, day).update();
        jdbc.sql(COUNT_PART).params(account, batchId).update();
    }

    private void upsertTotals(String sql, UUID account, LocalDate day, Map<String, Figure> totals) {
        int n = totals.size();
        String[] keys = new String[n];
        long[] units = new long[n];
        String[] sales = new String[n];
        int i = 0;
        for (Map.Entry<String, Figure> entry : totals.entrySet()) {
            keys[i] = entry.getKey();
            units[i] = entry.getValue().units;
            sales[i] = entry.getValue().sales.toPlainString();
            i++;
        }
        jdbc.sql(sql).params(account, day, keys, units, sales).update();
    }

    private record Key(String store, String gtin) {
    }

    /** Units and sales added up; the stock is the latest seen. */
    private static final class Figure {
        long units;
        BigDecimal sales = BigDecimal.ZERO;
        @Nullable Integer stock;

        void add(long moreUnits, BigDecimal moreSales) {
            units += moreUnits;
            sales = sales.add(moreSales);
        }
    }

    /**
     * One event's lines summed per (store, GTIN), per store, per GTIN and in total. A key appearing twice in one
     * event (which the service does not publish, but nothing forbids) is added once, as a multi-row upsert must not
     * touch a row twice.
     */
    private static final class Chunk {
        final Map<Key, Figure> figures = new LinkedHashMap<>();
        final Map<String, Figure> byStore = new HashMap<>();
        final Map<String, Figure> byGtin = new HashMap<>();
        final Figure total = new Figure();

        void add(String store, String gtin, long units, BigDecimal sales, @Nullable Integer stock) {
            Figure figure = figures.computeIfAbsent(new Key(store, gtin), k -> new Figure());
            figure.add(units, sales);
            figure.stock = stock;
            byStore.computeIfAbsent(store, k -> new Figure()).add(units, sales);
            byGtin.computeIfAbsent(gtin, k -> new Figure()).add(units, sales);
            total.add(units, sales);
        }
    }
}
