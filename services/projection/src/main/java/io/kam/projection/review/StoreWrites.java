package io.kam.projection.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.projection.kafka.BeforeCommit;

/**
 * Store openings and closings of a poll, the bulk of the account events, applied with three multi-row statements
 * instead of three statements each: the events recorded as applied ({@code review_event}, in the order received;
 * those it already held are skipped, as {@link ReviewProjector#apply} skips them), their accounts made known, and
 * each store written once as the last of its events describes it (every write of a store replaces all of its
 * columns, so the last one is what applying them one by one leaves). They are held until the poll's transaction is
 * about to commit, or until an event of another kind is applied ({@link #write}), so that every other event sees
 * the same rows as if each had been applied at once.
 */
@Component
class StoreWrites {

    private final JdbcClient jdbc;

    StoreWrites(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Holds the event's write of the store back until {@link #write} or the commit. */
    void hold(UUID eventId, String type, Instant time, UUID storeId, UUID accountId, @Nullable String code,
              String region, boolean open, @Nullable LocalDate closedOn) {
        BeforeCommit.held(this, Held::new, this::write)
                .add(new Put(eventId, type, time, storeId, accountId, code, region, open, closedOn));
    }

    /** Writes what the current transaction holds back, if anything. */
    void write() {
        Held held = BeforeCommit.current(this);
        if (held != null) {
            write(held);
        }
    }

    private void write(Held held) {
        if (held.puts.isEmpty()) {
            return;
        }
        List<Put> puts = new ArrayList<>(held.puts);
        held.puts.clear();
        int n = puts.size();
        String[] ids = new String[n];
        String[] accounts = new String[n];
        String[] types = new String[n];
        String[] times = new String[n];
        for (int i = 0; i < n; i++) {
            Put put = puts.get(i);
            ids[i] = put.eventId().toString();
            accounts[i] = put.accountId().toString();
            types[i] = put.type();
            times[i] = put.time().toString();
        }
        Set<UUID> recorded = new HashSet<>(jdbc.sql("""
                        insert into review_event (event_id, account_id, type, occurred_at)
                        select t.id::uuid, t.account::uuid, t.type, t.at::timestamptz
                        from unnest(:ids::text[], :accounts::text[], :types::text[], :times::text[]) with ordinality as t(id, account, type, at, n)
                        order by t.n
                        on conflict (event_id) do nothing
                        returning event_id""")
                .param("ids", ids).param("accounts", accounts).param("types", types).param("times", times)
                .query(UUID.class).list());
        Set<UUID> known = new LinkedHashSet<>();
        Map<UUID, Put> last = new LinkedHashMap<>();
        for (Put put : puts) {
            if (recorded.remove(put.eventId())) {
                known.add(put.accountId());
                last.remove(put.storeId());
                last.put(put.storeId(), put);
            }
        }
        if (last.isEmpty()) {
            return;
        }
        jdbc.sql("insert into review_account (account_id) select unnest(:accounts::text[])::uuid on conflict (account_id) do nothing")
                .param("accounts", known.stream().map(UUID::toString).toArray(String[]::new)).update();
        int m = last.size();
        String[] stores = new String[m];
        String[] owners = new String[m];
        String[] codes = new String[m];
        String[] regions = new String[m];
        String[] open = new String[m];
        String[] closedOn = new String[m];
        int i = 0;
        for (Put put : last.values()) {
            stores[i] = put.storeId().toString();
            owners[i] = put.accountId().toString();
            codes[i] = put.code();
            regions[i] = put.region();
            open[i] = Boolean.toString(put.open());
            closedOn[i] = put.closedOn() == null ? null : put.closedOn().toString();
            i++;
        }
        jdbc.sql("""
                        insert into review_store (store_id, account_id, code, region, open, closed_on)
                        select t.store::uuid, t.account::uuid, t.code, t.region, t.open::boolean, t.closed::date
                        from unnest(:stores::text[], :accounts::text[], :codes::text[], :regions::text[], :open::text[],
                                    :closed::text[])
                            as t(store, account, code, region, open, closed)
                        on conflict (store_id) do update set account_id = excluded.account_id, code = excluded.code,
                            region = excluded.region, open = excluded.open, closed_on = excluded.closed_on""")
                .param("stores", stores).param("accounts", owners).param("codes", codes).param("regions", regions)
                .param("open", open).param("closed", closedOn).update();
    }

    private record Put(UUID eventId, String type, Instant time, UUID storeId, UUID accountId, @Nullable String code,
                       String region, boolean open, @Nullable LocalDate closedOn) {
    }

    private static final class Held {
        final List<Put> puts = new ArrayList<>();

        void add(Put put) {
            puts.add(put);
        }
    }
}
