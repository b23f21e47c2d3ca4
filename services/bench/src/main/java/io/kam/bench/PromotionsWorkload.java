package io.kam.bench;

import static io.kam.bench.ServiceCalls.expect;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.kam.platform.events.EventCodec;
import io.kam.sellthrough.api.SellThroughEvents;
import io.kam.sellthrough.api.SellThroughEvents.RecordedLine;
import io.kam.sellthrough.api.SellThroughEvents.SalesRecorded;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the promotions benchmark drives: one account's store master and listed SKUs in the service's replica, its daily
 * sell-through written to {@code kam.sellthrough.v1} as the sell-through service publishes it, and promotions through
 * the service's HTTP API as national KA managers send them.
 */
final class PromotionsWorkload {

    /** SKUs per category: the product-cost table holds every SKU, so each promoted one has cannibalisation candidates. */
    static final int CATEGORY_SIZE = 20;
    private static final int LINES_PER_EVENT = 1_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final ServiceCalls calls;
    /** The managers' logins; each call signs a fresh token, as a token lives five minutes and a run much longer. */
    private static final String NORA = ServiceCalls.NORA;
    private static final String NATE = ServiceCalls.NATE;
    final UUID account = UUID.randomUUID();
    final List<UUID> stores = new ArrayList<>();
    final List<String> gtins = new ArrayList<>();

    PromotionsWorkload(JdbcClient jdbc, String baseUrl, int storeCount, int skuCount) {
        this.jdbc = jdbc;
        this.calls = new ServiceCalls(baseUrl, JSON);
        for (int i = 0; i < storeCount; i++) {
            stores.add(UUID.nameUUIDFromBytes(("bench-store-" + account + "-" + i).getBytes()));
        }
        for (int i = 0; i < skuCount; i++) {
            gtins.add(gtin(i));
        }
    }

    /** A valid GTIN-14 for SKU number i: 0 + 69012345 + five digits + the check digit. */
    static String gtin(int i) {
        String body = "069012345" + String.format("%04d", i);
        int sum = 0;
        for (int k = 0; k < body.length(); k++) {
            int digit = body.charAt(body.length() - 1 - k) - '0';
            sum += k % 2 == 0 ? digit * 3 : digit;
        }
        return body + (10 - sum % 10) % 10;
    }

    static String category(int sku) {
        return "Category " + (sku / CATEGORY_SIZE + 1);
    }

    static String storeCode(int store) {
        return "B" + store;
    }

    /**
     * The account, its open stores and its listed SKUs, put into the replica the accounts and visits listeners keep
     * (their paths are tested on the real broker in the service's tests); the product costs through the API.
     */
    void masterData() throws Exception {
        jdbc.sql("insert into known_account (id, name) values (?, ?)").params(account, "Bench Hypermarket").update();
        for (int i = 0; i < stores.size(); i++) {
            jdbc.sql("insert into known_store (id, account_id, code, region, format, open) values (?, ?, ?, ?, ?, true)")
                    .params(stores.get(i), account, storeCode(i), "EAST", "HYPERMARKET").update();
        }
        for (int i = 0; i < gtins.size(); i++) {
            jdbc.sql("insert into known_listing (account_id, gtin, name, listed) values (?, ?, ?, true)")
                    .params(account, gtins.get(i), "SKU " + i).update();
            expect(200, send("PUT", "/api/promotions/product-costs/" + account + "/" + gtins.get(i), NORA,
                    Map.of("category", category(i), "listPrice", "15.00", "unitCost", "9.00"), null));
        }
    }

    /** Units store × SKU × day: a weekly rhythm around a level of each store and SKU, never negative. */
    static long units(int store, int sku, LocalDate day) {
        int level = 3 + (store * 7 + sku * 13) % 9;
        int weekday = day.getDayOfWeek().getValue();
        return level + (weekday >= 6 ? 2 : 0) + (day.getDayOfYear() % 3);
    }

    /**
     * Every store × SKU sold every day from {@code first} for {@code days} days, published on the sell-through topic in
     * events of 1,000 lines as the sell-through service does; returns the lines published.
     */
    long publishSellThrough(String bootstrapServers, LocalDate first, int days) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        properties.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
        EventCodec codec = new EventCodec();
        BigDecimal price = new BigDecimal("19.90");
        long lines = 0;
        try (var producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            List<Future<RecordMetadata>> pending = new ArrayList<>();
            for (int d = 0; d < days; d++) {
                LocalDate day = first.plusDays(d);
                List<RecordedLine> chunk = new ArrayList<>(LINES_PER_EVENT);
                int part = 0;
                for (int store = 0; store < stores.size(); store++) {
                    for (int sku = 0; sku < gtins.size(); sku++) {
                        long u = units(store, sku, day);
                        chunk.add(new RecordedLine(storeCode(store), gtins.get(sku), u, price.multiply(BigDecimal.valueOf(u)), null));
                        if (chunk.size() == LINES_PER_EVENT) {
                            pending.add(send(producer, codec, day, ++part, chunk));
                            lines += chunk.size();
                            chunk = new ArrayList<>(LINES_PER_EVENT);
                        }
                    }
                }
                if (!chunk.isEmpty()) {
                    pending.add(send(producer, codec, day, ++part, chunk));
                    lines += chunk.size();
                }
                if (pending.size() > 2_000) {
                    for (var f : pending) {
                        f.get();
                    }
                    pending.clear();
                }
            }
            producer.flush();
            for (var f : pending) {
                f.get();
            }
        }
        return lines;
    }

    private Future<RecordMetadata> send(KafkaProducer<String, String> producer, EventCodec codec, LocalDate day,
                                        int part, List<RecordedLine> lines) {
        long units = lines.stream().mapToLong(RecordedLine::units).sum();
        BigDecimal sales = lines.stream().map(RecordedLine::sales).reduce(BigDecimal.ZERO, BigDecimal::add);
        var event = new SalesRecorded(account, "bench-" + day, part, day, "CNY", units, sales, List.copyOf(lines));
        String envelope = codec.encode(codec.wrap(SellThroughEvents.CATALOG, event, "bench", Instant.now()));
        return producer.send(new ProducerRecord<>(SellThroughEvents.TOPIC, account.toString(), envelope));
    }

    /** The lines the promotions service holds of the account. */
    long linesHeld() {
        return jdbc.sql("select count(*) from sell_through_day where account_id = ?").param(account)
                .query(Long.class).single();
    }

    /** The terms of a promotion of these SKUs (by number) in these stores (by number) over a week from the day. */
    Map<String, Object> terms(String name, List<Integer> skus, List<Integer> storeNumbers, LocalDate from, int days) {
        List<Map<String, Object>> skuTerms = new ArrayList<>();
        for (int sku : skus) {
            skuTerms.add(Map.of("gtin", gtins.get(sku), "category", category(sku), "regularPrice", "23.00",
                    "promotedPrice", "19.90"));
        }
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("name", name);
        terms.put("mechanics", List.of("PRICE_DISCOUNT", "FEATURE_DISPLAY"));
        terms.put("skus", skuTerms);
        terms.put("stores", Map.of("storeIds", storeNumbers.stream().map(stores::get).toList()));
        terms.put("inStore", Map.of("from", from.toString(), "to", from.plusDays(days - 1).toString()));
        terms.put("sellIn", Map.of("from", from.minusDays(14).toString(), "to", from.minusDays(1).toString()));
        terms.put("fees", List.of(Map.of("kind", "DISPLAY_FEE", "amount", "800.00", "basis", "PER_STORE")));
        terms.put("forecast", Map.of("baselineUnits", 10_000, "upliftUnits", 4_000));
        terms.put("retailerFundsDiscount", false);
        return terms;
    }

    /** Drafts a promotion; returns its id and version tag. */
    String[] draft(Map<String, Object> terms) throws Exception {
        var response = expect(201, send("POST", "/api/promotions", NORA, Map.of("accountId", account, "terms", terms), null));
        return new String[] {JSON.readTree(response.body()).path("id").asString(), response.headers().firstValue("ETag").orElseThrow()};
    }

    /** Proposes a draft; returns its new version tag. */
    String propose(String id, String etag) throws Exception {
        return expect(200, send("POST", "/api/promotions/" + id + "/proposal", NORA, null, etag)).headers()
                .firstValue("ETag").orElseThrow();
    }

    /** Takes a draft through proposal, approval by a second manager and the retailer's agreement today. */
    void agree(String id, String etag, LocalDate today) throws Exception {
        String proposed = propose(id, etag);
        String approved = expect(200, send("POST", "/api/promotions/" + id + "/approval", NATE, null, proposed))
                .headers().firstValue("ETag").orElseThrow();
        expect(200, send("POST", "/api/promotions/" + id + "/agreement", NORA, Map.of("confirmedBy", "Bench buyer",
                "confirmedOn", today.toString(), "reference", "PO-" + id.substring(0, 8)), approved));
    }

    private HttpResponse<String> send(String method, String path, String user, Object body, String ifMatch)
            throws Exception {
        return calls.send(method, path, user, body, ifMatch);
    }

    /** A promotion's latest evaluation, as the API returns it. */
    JsonNode evaluation(String id) throws Exception {
        return JSON.readTree(expect(200, send("GET", "/api/promotions/" + id + "/evaluation", NORA, null, null)).body());
    }
}
