package io.kam.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.kam.platform.events.EventEnvelope;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Publishes outbox rows to Kafka in sequence order and marks them sent. At least once: a crash between the
 * broker's acknowledgement and the mark publishes those events again, and consumers drop the duplicates by
 * event id. One relay per database publishes at a time (a session advisory lock), so order per account holds
 * even with several instances running. The relay sleeps on PostgreSQL {@code LISTEN} and wakes on every commit
 * that wrote events, so publishing is prompt without busy polling.
 *
 * <p>Leadership lasts only while the relay makes progress: the leader's session has PostgreSQL's
 * {@code idle_session_timeout} set to {@link OutboxProperties#leaderTimeout()}, and the relay touches it once per
 * round. A relay that hangs (blocked on a broker, a frozen process, a host gone without closing its connections)
 * stops touching it, the server ends the session, which frees the lock, and a stand-by takes over within the
 * leader timeout plus one {@code idleWait}. A relay that comes back finds its session gone and competes for the
 * lock again; what it still publishes meanwhile is a duplicate in sequence order, which consumers drop.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String CHANNEL = "kam_outbox";
    static final long LEADER_LOCK = 0x6b616d6f7574L; // "kamout"
    private static final Duration CLEANUP_EVERY = Duration.ofMinutes(10);
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Map<String, Object> producerConfig;
    private final OutboxProperties properties;
    private final Clock clock;
    private final Timer latency;

    private volatile boolean running;
    private volatile Thread worker;
    private final java.util.concurrent.atomic.AtomicInteger consecutiveFailures = new java.util.concurrent.atomic.AtomicInteger();
    private final io.micrometer.core.instrument.Counter failures;
    private final io.micrometer.core.instrument.Counter orderBroken;
    private volatile boolean leader;
    private Instant nextCleanup = Instant.EPOCH;

    public OutboxRelay(DataSource dataSource, Map<String, Object> producerConfig, OutboxProperties properties,
                       Clock clock, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        Map<String, Object> config = new java.util.HashMap<>(producerConfig);
        // The relay checks each record's size itself; the producer must not refuse one the relay let through.
        config.put(org.apache.kafka.clients.producer.ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                Math.max(1024 * 1024, properties.maxRecordBytes() + 16 * 1024));
        this.producerConfig = Map.copyOf(config);
        this.properties = properties;
        this.clock = clock;
        this.latency = Timer.builder("kam.outbox.publish.latency")
                .description("Time from appending an event to its acknowledgement by the broker")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
        this.failures = io.micrometer.core.instrument.Counter.builder("kam.outbox.publish.failures")
                .description("Rounds in which the relay could not publish; it backs off and tries again")
                .register(meters);
        Gauge.builder("kam.outbox.pending", this, OutboxRelay::pending)
                .description("Events committed but not yet published")
                .register(meters);
        Gauge.builder("kam.outbox.quarantined", this, OutboxRelay::quarantined)
                .description("Events the broker refuses for good, set aside with the reason; the account's later events wait behind them")
                .register(meters);
        this.orderBroken = io.micrometer.core.instrument.Counter.builder("kam.outbox.order.broken")
                .description("Events of an account that reached the broker after an earlier one of the same account was refused by the broker itself")
                .register(meters);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        Thread previous = worker;
        if (previous != null && previous.isAlive()) {
            throw new IllegalStateException("the previous relay thread has not stopped yet; start again once it has");
        }
        running = true;
        Thread thread = new Thread(this::run, "kam-outbox-relay");
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        Thread thread = worker;
        if (thread != null) {
            LockSupport.unpark(thread);
            try {
                thread.join(TimeUnit.SECONDS.toMillis(2));
                if (thread.isAlive()) {
                    // Blocked on the broker (a flush or an acknowledgement): cut the wait short.
                    thread.interrupt();
                    thread.join(TimeUnit.SECONDS.toMillis(8));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!thread.isAlive()) {
                worker = null;
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether this instance holds the publishing lock of its database. */
    public boolean isLeader() {
        return leader;
    }

    /** Events committed but not yet published (quarantined ones and those waiting behind them included). */
    public long pending() {
        return jdbc.sql("select count(*) from kam_outbox where published_at is null").query(Long.class).single();
    }

    /** Events set aside because the broker refuses them for good. */
    public long quarantined() {
        return jdbc.sql("select count(*) from kam_outbox where quarantined_at is not null").query(Long.class).single();
    }

    private void run() {
        while (running) {
            Connection listener = null;
            try {
                listener = dataSource.getConnection();
                listener.setAutoCommit(true);
                if (!acquireLeadership(listener)) {
                    release(listener);
                    listener = null;
                    LockSupport.parkNanos(properties.idleWait().toNanos());
                    continue;
                }
                try (Statement statement = listener.createStatement()) {
                    statement.execute("set idle_session_timeout = " + properties.leaderTimeout().toMillis());
                    statement.execute("listen " + CHANNEL);
                }
                PGConnection notifications = listener.unwrap(PGConnection.class);
                try (Producer<String, byte[]> producer = new KafkaProducer<>(producerConfig);
                     Statement alive = listener.createStatement()) {
                    while (running) {
                        // The sign of life that keeps the leader's session, and so its lock: see the class comment.
                        alive.execute("select 1");
                        int published = publishBatch(producer);
                        consecutiveFailures.set(0);
                        cleanupIfDue();
                        if (published < properties.batchSize() && running) {
                            notifications.getNotifications((int) properties.idleWait().toMillis());
                        }
                    }
                }
            } catch (Exception e) {
                if (running) {
                    failures.increment();
                    Duration pause = backOff(consecutiveFailures.incrementAndGet());
                    log.warn("Outbox relay failed {} time(s) in a row; retrying in {}: {}", consecutiveFailures.get(), pause,
                            e.toString());
                    LockSupport.parkNanos(pause.toNanos());
                }
            } finally {
                release(listener);
            }
        }
    }

    /** Doubles from the idle wait up to 30 s, so a broker outage is not hammered. */
    private Duration backOff(int failuresInARow) {
        long millis = properties.idleWait().toMillis() << Math.min(failuresInARow - 1, 10);
        return Duration.ofMillis(Math.min(millis, 30_000));
    }

    /**
     * Gives the connection back to the pool without the session state the relay gave it: the leader lock and the
     * subscription would otherwise outlive the relay on an idle pooled connection and keep every other relay out.
     */
    private void release(Connection connection) {
        leader = false;
        if (connection == null) {
            return;
        }
        try (connection; Statement statement = connection.createStatement()) {
            statement.execute("unlisten *");
            statement.execute("select pg_advisory_unlock_all()");
            statement.execute("reset idle_session_timeout");
        } catch (SQLException e) {
            log.debug("Could not reset the relay's connection; the pool discards broken connections: {}", e.toString());
        }
    }

    private boolean acquireLeadership(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             var rs = statement.executeQuery("select pg_try_advisory_lock(" + LEADER_LOCK + ")")) {
            rs.next();
            leader = rs.getBoolean(1);
            return leader;
        }
    }

    private int publishBatch(Producer<String, byte[]> producer) throws Exception {
        // Nothing of an account behind one of its quarantined events (the partial index keeps this cheap: it is empty
        // unless something is quarantined).
        List<Pending> batch = jdbc.sql("""
                        select o.seq, o.topic, o.record_key, o.event_type, o.envelope, o.created_at, o.event_id from kam_outbox o
                        where o.published_at is null and o.quarantined_at is null
                          and not exists (select 1 from kam_outbox q
                                          where q.quarantined_at is not null and q.record_key = o.record_key and q.seq < o.seq)
                        order by o.seq limit :limit""")
                .param("limit", properties.batchSize())
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getObject(7, java.util.UUID.class)))
                .list();
        if (batch.isEmpty()) {
            return 0;
        }
        java.util.Set<String> stopped = new java.util.HashSet<>();
        List<Pending> sent = new ArrayList<>(batch.size());
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (Pending event : batch) {
            if (stopped.contains(event.key())) {
                continue;
            }
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), event.key(),
                    event.envelope().getBytes(StandardCharsets.UTF_8));
            record.headers().add(new RecordHeader("content-type",
                    EventEnvelope.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));
            record.headers().add(new RecordHeader("kam-event-type", event.type().getBytes(StandardCharsets.UTF_8)));
            int size = sizeOf(record);
            if (size > properties.maxRecordBytes()) {
                quarantine(event, "the record is " + size + " bytes, more than kam.outbox.max-record-bytes ("
                        + properties.maxRecordBytes() + ")");
                stopped.add(event.key());
                continue;
            }
            sent.add(event);
            acks.add(producer.send(record));
        }
        producer.flush();
        List<Long> published = new ArrayList<>(sent.size());
        java.util.Set<String> refusedByTheBroker = new java.util.HashSet<>();
        Exception retry = null;
        Instant acked = null;
        for (int i = 0; i < sent.size(); i++) {
            Pending event = sent.get(i);
            try {
                acks.get(i).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | java.util.concurrent.TimeoutException failed) {
                Throwable refused = failed instanceof ExecutionException ? failed.getCause() : failed;
                if (!stopped.contains(event.key()) && isRefusedForGood(refused)) {
                    quarantine(event, "the broker refused it: " + refused);
                    refusedByTheBroker.add(event.key());
                } else if (retry == null) {
                    retry = failed;
                }
                stopped.add(event.key());
                continue;
            }
            if (refusedByTheBroker.contains(event.key())) {
                // Sent in the same round as an earlier event of its account that only the broker could refuse: it has
                // overtaken that one, and it is out; the quarantine keeps the rest of the account waiting.
                orderBroken.increment();
                log.error("Outbox event {} of {} reached the broker after an earlier event of the same account was refused",
                        event.eventId(), event.key());
            } else if (stopped.contains(event.key())) {
                // Behind a failure of its account: sent again, after it, in the next round (consumers drop the copy).
                continue;
            }
            published.add(event.seq());
            acked = acked == null ? clock.instant() : acked;
            latency.record(Duration.between(event.createdAt(), acked));
        }
        if (!published.isEmpty()) {
            jdbc.sql("update kam_outbox set published_at = clock_timestamp() where seq = any(:seqs)")
                    .param("seqs", published.toArray(Long[]::new)).update();
        }
        if (retry != null) {
            throw retry;
        }
        return batch.size();
    }

    /** Refusals that say the record itself can never be written; anything else may pass on another try. */
    private static boolean isRefusedForGood(Throwable failure) {
        return failure instanceof org.apache.kafka.common.errors.RecordTooLargeException
                || failure instanceof org.apache.kafka.common.InvalidRecordException
                || failure instanceof org.apache.kafka.common.errors.InvalidTopicException;
    }

    /** What the record takes in a batch of its own, as the producer and the broker count it, rounded up. */
    private static int sizeOf(ProducerRecord<String, byte[]> record) {
        int size = 61 + 21 + record.value().length + (record.key() == null ? 0 : record.key().getBytes(StandardCharsets.UTF_8).length);
        for (var header : record.headers()) {
            size += 10 + header.key().getBytes(StandardCharsets.UTF_8).length + (header.value() == null ? 0 : header.value().length);
        }
        return size;
    }

    private void quarantine(Pending event, String reason) {
        jdbc.sql("update kam_outbox set quarantined_at = clock_timestamp(), quarantine_reason = :reason where seq = :seq")
                .param("reason", reason).param("seq", event.seq()).update();
        log.error("Outbox event {} ({}, account {}) quarantined: {}. The account's later events wait behind it; see the runbook",
                event.eventId(), event.type(), event.key(), reason);
    }

    private void cleanupIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextCleanup)) {
            return;
        }
        nextCleanup = now.plus(CLEANUP_EVERY);
        int removed = jdbc.sql("delete from kam_outbox where published_at < :before")
                .param("before", OffsetDateTime.ofInstant(now.minus(properties.retention()), java.time.ZoneOffset.UTC))
                .update();
        if (removed > 0) {
            log.info("Removed {} published outbox events older than {}", removed, properties.retention());
        }
    }

    private record Pending(long seq, String topic, String key, String type, String envelope, Instant createdAt,
                           java.util.UUID eventId) {
    }
}
