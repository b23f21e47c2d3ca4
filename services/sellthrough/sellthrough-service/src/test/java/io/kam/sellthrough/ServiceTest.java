package io.kam.sellthrough;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import io.kam.platform.events.EventCodec;
import io.kam.platform.events.EventEnvelope;
import io.kam.platform.testing.Api;
import io.kam.platform.testing.TestTokens;
import io.kam.platform.testing.TopicReader;
import io.kam.platform.testing.UsesRealInfrastructure;
import io.kam.sellthrough.api.SellThroughEvents;

/**
 * The sell-through service on a random port, on its own real database and the JVM's real broker, with small chunks
 * and events so that a few dozen rows already span several of each. Its clock stands at {@link #NOW}: already
 * {@link #TODAY} in Shanghai, still the day before in UTC.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kam.sellthrough.chunk-rows=" + ServiceTest.CHUNK_ROWS,
        "kam.sellthrough.lines-per-event=" + ServiceTest.LINES_PER_EVENT,
        "kam.sellthrough.max-buffered-lines=60",
        "kam.sellthrough.max-line-bytes=1024",
        "kam.sellthrough.account-lock-wait=2s",
        "kam.sellthrough.max-body-bytes=" + ServiceTest.MAX_BODY_BYTES,
        "kam.sellthrough.max-rows=" + ServiceTest.MAX_ROWS,
        "kam.sellthrough.max-stored-rejections=" + ServiceTest.MAX_STORED_REJECTIONS,
        "kam.sellthrough.stale-after=" + ServiceTest.STALE_AFTER_SECONDS + "s",
        "kam.sellthrough.max-upload-duration=" + ServiceTest.MAX_UPLOAD_SECONDS + "s",
        "kam.sellthrough.connectors.read-timeout=" + ServiceTest.READ_TIMEOUT_SECONDS + "s",
        "kam.sellthrough.connectors.poll-every=200ms",
        "kam.sellthrough.connectors.first-retry=200ms",
        "kam.sellthrough.connectors.settle=0s",
        // the retailers' endpoints of the tests run on this machine
        "kam.sellthrough.connectors.allowed-hosts=localhost,*.example.com",
        "kam.sellthrough.connectors.allow-private-addresses=true",
        "kam.sellthrough.connectors.drop-root=${java.io.tmpdir}/kam-sellthrough-drop-test",
        "kam.outbox.idle-wait=200ms"})
@UsesRealInfrastructure(database = "sellthrough")
@Import(InShanghaiBeforeUtc.class)
public abstract class ServiceTest {

    public static final int CHUNK_ROWS = 50;
    public static final int LINES_PER_EVENT = 20;
    /** The caps of one batch: decompressed bytes, rows, reasons kept for the report. */
    public static final int MAX_BODY_BYTES = 256 * 1024;
    public static final int MAX_ROWS = 500;
    public static final int MAX_STORED_REJECTIONS = 40;
    /** A receiving batch without a heartbeat for this long may be taken over. */
    public static final int STALE_AFTER_SECONDS = 3;
    /** How long an HTTP source may send nothing once its answer streams. */
    public static final int READ_TIMEOUT_SECONDS = 2;
    /** The longest a batch's body may take to arrive. */
    public static final int MAX_UPLOAD_SECONDS = 10;
    /** 2027-03-16 01:30 in Shanghai, 2027-03-15 17:30 in UTC. */
    public static final Instant NOW = Instant.parse("2027-03-15T17:30:00Z");
    /** The market's date at {@link #NOW}. */
    public static final LocalDate TODAY = LocalDate.of(2027, 3, 16);
    protected static final EventCodec CODEC = new EventCodec();

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient db;
    @Autowired
    KafkaTemplate<String, String> kafka;

    /** Nora, national KA manager. */
    protected Api api;
    protected Uploads uploads;
    protected Retailers retailers;

    @BeforeEach
    protected void clients() {
        api = new Api(port).as(TestTokens.nora());
        uploads = new Uploads(port);
        retailers = new Retailers(kafka, db);
    }

    /** The account's events on kam.sellthrough.v1 once they satisfy the condition, in order. */
    protected static List<EventEnvelope> awaitEvents(UUID account, Predicate<List<EventEnvelope>> condition) {
        return Awaitility.await("sell-through events of " + account).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> TopicReader.readAll(SellThroughEvents.TOPIC).stream()
                        .filter(r -> account.toString().equals(r.key())).map(r -> CODEC.decode(r.value())).toList(),
                        condition);
    }

    /** The figures held for an account: units, sales and stock per "store gtin day". */
    protected java.util.Map<String, String> figures(UUID account) {
        var rows = new java.util.TreeMap<String, String>();
        db.sql("""
                        select st.code, s.gtin, s.day, s.units, s.sales, s.stock from sale s join store st on st.no = s.store_no
                        where st.account_id = :account""")
                .param("account", account)
                .query(rs -> {
                    rows.put(rs.getString(1) + " " + io.kam.sellthrough.rows.Gtin.text(rs.getLong(2)) + " " + rs.getString(3),
                            rs.getInt(4) + " " + rs.getBigDecimal(5).toPlainString() + " " + rs.getObject(6));
                });
        return rows;
    }
}
