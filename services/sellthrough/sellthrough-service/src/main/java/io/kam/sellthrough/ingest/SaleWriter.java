package io.kam.sellthrough.ingest;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

import io.kam.sellthrough.rows.ValidRow;

/**
 * Writes a batch's rows, a chunk at a time, inside the batch's transaction. Rows of a (day, store) for which the
 * figures hold nothing yet (the common case: a daily file brings new days) are copied straight into {@code sale}: they
 * are new. The others are copied into a temporary staging table and upserted into {@code sale} in one statement that
 * keeps, under the row lock, what each replaced row held. For every row of the chunk it then knows whether it was new,
 * restated (with the replaced figures), unchanged, or a duplicate of a row an earlier chunk of the same batch wrote
 * (which the upsert refuses to overwrite). The batch holds its account's lock, so no other batch writes these stores'
 * figures meanwhile.
 */
final class SaleWriter {

    static final byte NEW = 0;
    static final byte RESTATED = 1;
    static final byte UNCHANGED = 2;
    static final byte DUPLICATE = 3;

    private static final String UPSERT = """
            with up as (
                insert into sale as s (store_no, gtin, day, units, sales, stock, batch_no, line)
                select store_no, gtin, day, units, sales, stock, ?, line from sale_stage
                on conflict (day, store_no, gtin) do update
                    set units = excluded.units, sales = excluded.sales, stock = excluded.stock,
                        batch_no = excluded.batch_no, line = excluded.line,
                        prev_units = s.units, prev_sales = s.sales, prev_stock = s.stock
                    where s.batch_no <> excluded.batch_no
                returning line, prev_units, prev_sales, prev_stock),
            written as (select count(*) as n from up)
            select written.n, r.line, r.prev_units, r.prev_sales, r.prev_stock
            from written left join (select * from up where prev_units is not null) r on true""";

    private static final String HELD = """
            select p.day, p.store_no from unnest(?::date[], ?::integer[]) as p(day, store_no)
            where exists (select 1 from sale s where s.day = p.day and s.store_no = p.store_no)""";

    private static final String DUPLICATES = """
            select st.line, s.line from sale_stage st
            join sale s on s.store_no = st.store_no and s.gtin = st.gtin and s.day = st.day
            where s.batch_no = ? and s.line <> st.line""";

    private final Connection connection;
    private final CopyManager copy;
    private final long batchNo;
    private final int scale;
    private final CopyBuffer buffer = new CopyBuffer();

    final byte[] kind;
    final int[] prevUnits;
    final long[] prevSales;
    final int[] prevStock;
    final long[] firstLine;
    private final boolean[] stage;

    SaleWriter(Connection connection, long batchNo, int scale, int capacity) throws SQLException {
        this.connection = connection;
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        this.batchNo = batchNo;
        this.scale = scale;
        this.kind = new byte[capacity];
        this.prevUnits = new int[capacity];
        this.prevSales = new long[capacity];
        this.prevStock = new int[capacity];
        this.firstLine = new long[capacity];
        this.stage = new boolean[capacity];
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    create temporary table sale_stage (store_no integer, gtin bigint, day date, units integer,
                        sales numeric, stock integer, line bigint) on commit drop""");
        }
    }

    /** Writes the chunk and sets {@link #kind} (and the replaced figures, or the first line) of each of its rows. */
    void write(Chunk chunk) throws SQLException {
        Arrays.fill(kind, 0, chunk.size, NEW);
        int staged = held(chunk);
        if (staged < chunk.size) {
            copy(chunk, "copy sale (store_no, gtin, day, units, sales, stock, line, batch_no) from stdin", false);
        }
        if (staged == 0) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("truncate sale_stage");
        }
        copy(chunk, "copy sale_stage (store_no, gtin, day, units, sales, stock, line) from stdin", true);
        long written = upsert(chunk);
        if (written < staged) {
            long duplicates = duplicates(chunk);
            if (written + duplicates != staged) {
                throw new IllegalStateException("batch " + batchNo + ": " + staged + " rows staged, " + written
                        + " written and " + duplicates + " duplicates");
            }
        }
    }

    /**
     * Marks in {@link #stage} the rows of each (day, store) the figures already hold something for, this batch's
     * earlier chunks included: they may restate or repeat a figure and go through the upsert.
     *
     * @return how many rows are marked
     */
    private int held(Chunk chunk) throws SQLException {
        java.util.Set<Long> pairs = new java.util.HashSet<>();
        for (int i = 0; i < chunk.size; i++) {
            pairs.add(pair(chunk.day[i], chunk.store[i].no()));
        }
        java.time.LocalDate[] days = new java.time.LocalDate[pairs.size()];
        Integer[] stores = new Integer[pairs.size()];
        int n = 0;
        for (long pair : pairs) {
            days[n] = java.time.LocalDate.ofEpochDay(pair >> 32);
            stores[n++] = (int) pair;
        }
        java.util.Set<Long> held = new java.util.HashSet<>();
        try (PreparedStatement statement = connection.prepareStatement(HELD)) {
            statement.setArray(1, connection.createArrayOf("date", days));
            statement.setArray(2, connection.createArrayOf("integer", stores));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    held.add(pair((int) rs.getObject(1, java.time.LocalDate.class).toEpochDay(), rs.getInt(2)));
                }
            }
        }
        int marked = 0;
        for (int i = 0; i < chunk.size; i++) {
            stage[i] = !held.isEmpty() && held.contains(pair(chunk.day[i], chunk.store[i].no()));
            marked += stage[i] ? 1 : 0;
        }
        return marked;
    }

    private static long pair(int day, int store) {
        return (long) day << 32 | (store & 0xFFFFFFFFL);
    }

    /** Copies the rows marked for staging ({@code staged}) or the others, with the batch's number for the latter. */
    private void copy(Chunk chunk, String sql, boolean staged) throws SQLException {
        buffer.clear();
        for (int i = 0; i < chunk.size; i++) {
            if (stage[i] != staged) {
                continue;
            }
            buffer.whole(chunk.store[i].no());
            buffer.tab();
            buffer.whole(chunk.gtin[i]);
            buffer.tab();
            buffer.day(chunk.day[i]);
            buffer.tab();
            buffer.whole(chunk.units[i]);
            buffer.tab();
            buffer.decimal(chunk.sales[i], scale);
            buffer.tab();
            if (chunk.stock[i] == ValidRow.NO_STOCK) {
                buffer.nullValue();
            } else {
                buffer.whole(chunk.stock[i]);
            }
            buffer.tab();
            buffer.whole(chunk.line[i]);
            if (!staged) {
                buffer.tab();
                buffer.whole(batchNo);
            }
            buffer.endRow();
        }
        CopyIn in = copy.copyIn(sql);
        try {
            in.writeToCopy(buffer.bytes(), 0, buffer.size());
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private long upsert(Chunk chunk) throws SQLException {
        long written = 0;
        try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
            statement.setLong(1, batchNo);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    written = rs.getLong(1);
                    long line = rs.getLong(2);
                    if (rs.wasNull()) {
                        continue;
                    }
                    int i = chunk.indexOf(line);
                    prevUnits[i] = rs.getInt(3);
                    prevSales[i] = minor(rs.getBigDecimal(4));
                    int stock = rs.getInt(5);
                    prevStock[i] = rs.wasNull() ? ValidRow.NO_STOCK : stock;
                    boolean same = prevUnits[i] == chunk.units[i] && prevSales[i] == chunk.sales[i]
                            && prevStock[i] == chunk.stock[i];
                    kind[i] = same ? UNCHANGED : RESTATED;
                }
            }
        }
        return written;
    }

    private long duplicates(Chunk chunk) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("analyze sale_stage");
        }
        long found = 0;
        try (PreparedStatement statement = connection.prepareStatement(DUPLICATES)) {
            statement.setLong(1, batchNo);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    int i = chunk.indexOf(rs.getLong(1));
                    kind[i] = DUPLICATE;
                    firstLine[i] = rs.getLong(2);
                    found++;
                }
            }
        }
        return found;
    }

    private long minor(BigDecimal value) {
        return value.movePointRight(scale).longValueExact();
    }
}
