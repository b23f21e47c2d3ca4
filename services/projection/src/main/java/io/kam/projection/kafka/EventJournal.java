package io.kam.projection.kafka;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.platform.consumer.EventHandler;
import io.kam.platform.events.DomainEvent;
import io.kam.platform.events.EventCatalog;
import io.kam.platform.events.EventCodec;
import io.kam.platform.events.EventEnvelope;

/**
 * Every event the projection applied, with its envelope and when the platform recorded it (the envelope's time,
 * taken in the producing service's transaction; not the time the payload says something happened). The listeners
 * write it in the transaction that applies the event, after the platform recorded the event as processed, so it holds
 * each event exactly once, in the order applied; a rebuild empties it and the replay re-creates it (ADR 0016).
 */
@Component
public class EventJournal {

    /** How many journal entries an as-of replay holds in memory at a time. */
    public static final int PAGE = 500;

    private final JdbcClient jdbc;
    private final EventCodec codec;

    EventJournal(JdbcClient jdbc, EventCodec codec) {
        this.jdbc = jdbc;
        this.codec = codec;
    }

    /**
     * The handler that journals each event of the topic and then applies it, in the same transaction. The journal's
     * rows are held until the transaction is about to commit and then written with one multi-row insert, in the
     * order the events were applied (a poll of account events costs one statement here, not one per event); a
     * transaction that rolls back forgets them with everything else it did.
     */
    <E extends DomainEvent> EventHandler<E> recording(String topic, EventHandler<E> handler) {
        return (envelope, event) -> {
            pending().add(envelope, event.accountId(), topic);
            handler.apply(envelope, event);
        };
    }

    /** The journal rows of the current transaction, written just before it commits. */
    private Pending pending() {
        return BeforeCommit.held(this, Pending::new, Pending::write);
    }

    /** Journal rows not written yet, in the order applied. */
    private final class Pending {
        private final List<String> ids = new ArrayList<>();
        private final List<String> accounts = new ArrayList<>();
        private final List<String> topics = new ArrayList<>();
        private final List<String> types = new ArrayList<>();
        private final List<String> times = new ArrayList<>();
        private final List<String> envelopes = new ArrayList<>();

        void add(EventEnvelope envelope, UUID accountId, String topic) {
            ids.add(envelope.id().toString());
            accounts.add(accountId.toString());
            topics.add(topic);
            types.add(envelope.type());
            times.add(envelope.time().toString());
            envelopes.add(codec.encode(envelope));
        }

        void write() {
            if (ids.isEmpty()) {
                return;
            }
            jdbc.sql("""
                            insert into review_journal (event_id, account_id, topic, type, recorded_at, envelope)
                            select t.id::uuid, t.account::uuid, t.topic, t.type, t.at::timestamptz, t.envelope
                            from unnest(:ids::text[], :accounts::text[], :topics::text[], :types::text[], :times::text[],
                                        :envelopes::text[])
                                with ordinality as t(id, account, topic, type, at, envelope, n)
                            order by t.n
                            on conflict (event_id) do nothing""")
                    .param("ids", ids.toArray(String[]::new)).param("accounts", accounts.toArray(String[]::new))
                    .param("topics", topics.toArray(String[]::new)).param("types", types.toArray(String[]::new))
                    .param("times", times.toArray(String[]::new)).param("envelopes", envelopes.toArray(String[]::new))
                    .update();
            ids.clear();
            accounts.clear();
            topics.clear();
            types.clear();
            times.clear();
            envelopes.clear();
        }
    }

    /** The event of the envelope, as the catalog's contract decodes it. */
    public <E extends DomainEvent> E payload(EventCatalog<E> catalog, EventEnvelope envelope) {
        return codec.payload(catalog, envelope);
    }

    /** Whether the platform had recorded any event of the account by then. */
    public boolean knows(UUID accountId, Instant upTo) {
        return jdbc.sql("select exists (select 1 from review_journal where account_id = ? and recorded_at <= ?)")
                .params(accountId, upTo.atOffset(ZoneOffset.UTC)).query(Boolean.class).single();
    }

    /**
     * A page of the account's events recorded up to the instant, in the order applied, after {@code afterSeq}; of
     * one topic only when {@code topic} is set, of every account but this one when {@code others} is set.
     */
    public List<Entry> page(Selection selection, long afterSeq) {
        return selected("select seq, topic, recorded_at, envelope", selection,
                " and seq > :after order by seq limit " + PAGE).param("after", afterSeq).query(this::entry).list();
    }

    /** How many entries the selection holds. */
    public long count(Selection selection) {
        return selected("select count(*)", selection, "").query(Long.class).single();
    }

    private JdbcClient.StatementSpec selected(String select, Selection selection, String rest) {
        String who = selection.others() ? "account_id <> :account" : "account_id = :account";
        String topic = selection.topic() == null ? "" : " and topic = :topic";
        String types = selection.types().isEmpty() ? "" : " and type = any(:types)";
        var sql = jdbc.sql("""
                        %s from review_journal
                        where %s%s%s and recorded_at > :from and recorded_at <= :upTo%s"""
                        .formatted(select, who, topic, types, rest))
                .param("account", selection.accountId())
                .param("from", selection.after().atOffset(ZoneOffset.UTC))
                .param("upTo", selection.upTo().atOffset(ZoneOffset.UTC));
        if (selection.topic() != null) {
            sql = sql.param("topic", selection.topic());
        }
        if (!selection.types().isEmpty()) {
            sql = sql.param("types", selection.types().toArray(String[]::new));
        }
        return sql;
    }

    private Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getLong("seq"), rs.getString("topic"),
                rs.getObject("recorded_at", java.time.OffsetDateTime.class).toInstant(),
                codec.decode(rs.getString("envelope")));
    }

    /** One journaled event. */
    public record Entry(long seq, String topic, Instant recordedAt, EventEnvelope envelope) {
    }

    /**
     * Which entries: those of the account (or of every other account) recorded after {@code after} and up to
     * {@code upTo}, of the topic if set and of those wire types if any.
     */
    public record Selection(UUID accountId, boolean others, @org.jspecify.annotations.Nullable String topic,
                            List<String> types, Instant after, Instant upTo) {

        /** Every event of the account recorded up to the instant. */
        public static Selection of(UUID accountId, Instant upTo) {
            return new Selection(accountId, false, null, List.of(), Instant.EPOCH, upTo);
        }
    }
}
