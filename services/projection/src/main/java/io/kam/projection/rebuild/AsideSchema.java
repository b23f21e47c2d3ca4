package io.kam.projection.rebuild;

import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The set of projection tables a rebuild writes while the reviews are served from the current set in {@code public}:
 * the schema {@value #ASIDE}, made by the service's own migrations (the same tables, keys, indexes, foreign keys and
 * views, by the same names), written through the same listeners on transactions whose {@code search_path} puts it
 * first, and swapped into {@code public} in one transaction once it has caught up.
 * <p>
 * What moves: every table and view of the set but Flyway's history and the platform's {@code kam_*} tables other
 * than {@code kam_processed_event} (the outbox, the dead-letter replays and the notify function stay as they are).
 * The processed events move with the tables they describe, so the live listeners, resumed after the swap from where
 * they stopped, skip what the rebuild applied beyond that point.
 */
@Component
class AsideSchema {

    static final String ASIDE = "projection_rebuild";
    static final String RETIRED = "projection_retired";
    /**
     * How long the swap waits for the readers of a table before it lets go and tries again: below PostgreSQL's
     * {@code deadlock_timeout} (1 s), so that a reader and the swap waiting for each other's table never end in a
     * deadlock error for the reader; the swap gives up first.
     */
    static final String LOCK_TIMEOUT = "300ms";
    /**
     * How far past the current set's last value the aside set's identities start (the journal's position among them):
     * more than the live listeners can add while a rebuild runs, so that no position is used twice across the swap,
     * which the live reviews' cache relies on. The swap checks it.
     */
    static final long RESERVED_POSITIONS = 1_000_000_000L;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final String[] locations;

    AsideSchema(DataSource dataSource, PlatformTransactionManager transactionManager,
                @Value("${spring.flyway.locations}") String[] locations) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(transactionManager);
        this.locations = locations;
    }

    /**
     * Drops what a rebuild that never finished left, makes the aside set by the migrations, and starts its
     * identities {@link #RESERVED_POSITIONS} after the current set's, so that journal positions keep growing across
     * the swap.
     */
    void create() {
        drop();
        Flyway.configure().dataSource(dataSource).schemas(ASIDE).defaultSchema(ASIDE).createSchemas(true)
                .locations(locations).load().migrate();
        for (Identity identity : identities()) {
            long current = last("public", identity);
            jdbc.sql("alter table " + ASIDE + "." + quote(identity.table()) + " alter column "
                    + quote(identity.column()) + " restart with " + (current + 1 + RESERVED_POSITIONS)).update();
        }
    }

    /** Runs {@code work} in one transaction whose unqualified names resolve to the aside set first. */
    <T> T inAside(Supplier<T> work) {
        return transactions.execute(status -> {
            jdbc.sql("set local search_path to " + ASIDE + ", public").update();
            return work.get();
        });
    }

    /**
     * Swaps the aside set into {@code public} and the current one out, in one transaction that first takes every
     * table of both sets (a reader holding one makes it wait, never read half of each). Returns false if a table
     * stayed busy past {@link #LOCK_TIMEOUT}: nothing changed, the caller tries again.
     */
    boolean swap() {
        try {
            transactions.executeWithoutResult(status -> {
                jdbc.sql("set local lock_timeout = '" + LOCK_TIMEOUT + "'").update();
                List<String> tables = objects("r");
                List<String> views = objects("v");
                StringBuilder lock = new StringBuilder("lock table ");
                for (int i = 0; i < tables.size(); i++) {
                    String name = quote(tables.get(i));
                    lock.append(i == 0 ? "" : ", ").append("public.").append(name).append(", ").append(ASIDE).append('.').append(name);
                }
                jdbc.sql(lock.append(" in access exclusive mode").toString()).update();
                for (Identity identity : identities()) {
                    long live = last("public", identity);
                    long first = jdbc.sql("select coalesce(min(" + quote(identity.column()) + "), 9223372036854775807) from "
                            + ASIDE + "." + quote(identity.table())).query(Long.class).single();
                    if (live >= first) {
                        throw new IllegalStateException(identity + " of the current set reached " + live
                                + ", past the first value of the rebuilt set " + first);
                    }
                }
                jdbc.sql("create schema " + RETIRED).update();
                for (String view : views) {
                    jdbc.sql("alter view if exists public." + quote(view) + " set schema " + RETIRED).update();
                }
                for (String table : tables) {
                    jdbc.sql("alter table public." + quote(table) + " set schema " + RETIRED).update();
                }
                for (String table : tables) {
                    jdbc.sql("alter table " + ASIDE + "." + quote(table) + " set schema public").update();
                }
                for (String view : views) {
                    jdbc.sql("alter view " + ASIDE + "." + quote(view) + " set schema public").update();
                }
            });
            return true;
        } catch (DataAccessException e) {
            if ("55P03".equals(sqlState(e))) {
                return false;
            }
            throw e;
        }
    }

    /** Drops the aside set and the retired one, if there are. */
    void drop() {
        jdbc.sql("drop schema if exists " + RETIRED + " cascade").update();
        jdbc.sql("drop schema if exists " + ASIDE + " cascade").update();
    }

    /** The tables ({@code r}) or views ({@code v}) of the aside set that move. */
    private List<String> objects(String kind) {
        return jdbc.sql("""
                        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = :aside and c.relkind = :kind
                          and c.relname <> 'flyway_schema_history'
                          and (c.relname not like 'kam\\_%' or c.relname = 'kam_processed_event')
                        order by c.relname""")
                .param("aside", ASIDE).param("kind", kind).query(String.class).list();
    }

    private List<Identity> identities() {
        return jdbc.sql("""
                        select table_name, column_name from information_schema.columns
                        where table_schema = :aside and is_identity = 'YES'""")
                .param("aside", ASIDE).query((rs, n) -> new Identity(rs.getString(1), rs.getString(2))).list();
    }

    /** The highest value of the identity in the schema's table (sequence values given to rolled back rows aside). */
    private long last(String schema, Identity identity) {
        return jdbc.sql("select coalesce(max(" + quote(identity.column()) + "), 0) from " + schema + "."
                + quote(identity.table())).query(Long.class).single();
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private record Identity(String table, String column) {
    }
}
