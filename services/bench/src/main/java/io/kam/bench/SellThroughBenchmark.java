package io.kam.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.testing.KamInfrastructure;
import io.kam.platform.testing.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code make bench}, sell-through part: a retailer file of {@code 500 stores × 100 SKUs × 100 days} (5,000,000 rows)
 * pushed as CSV through the API of the sell-through service, running in a JVM of its own with a 512 MB heap, on the
 * same 2 cores as a real KRaft broker and a real PostgreSQL server. It measures
 * <ol>
 *   <li>the raw limits of this machine in the same run: Kafka's ProducerPerformance (512-byte records, and records of
 *       the size of our events) and PostgreSQL COPY of rows shaped like the figures table, with its primary key;</li>
 *   <li>rows per second from the start of the upload until the last event of the batch is acknowledged by the broker
 *       (published by the outbox relay), and until the response; the totals of the events read back from the topic
 *       against the totals of the file;</li>
 *   <li>the heap: a stream of more than 1 GB ingested by the same 512 MB service, with the largest heap use sampled;</li>
 *   <li>the projection: once the 5 million rows' events are on the topic, the projection service started in a JVM of
 *       its own (512 MB), and the time until its totals for the account equal the file's.</li>
 * </ol>
 * Settings (system properties): {@code kam.bench.days} (100), {@code kam.bench.gigabyte-days} (480: 24 million rows, 1.1 GB; 0 skips the 1 GB
 * run). Figures go to {@code bench-results/sellthrough-<time>.json} and standard output.
 */
public final class SellThroughBenchmark {

    static final int STORES = 500;
    static final int PRODUCTS = 100;
    static final String DATABASE = "bench_sellthrough";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SellThroughBenchmark() {
    }

    public static void main(String[] args) {
        PipelineBenchmark.exitAfter(SellThroughBenchmark::run);
    }

    private static void run() throws Exception {
        int days = Integer.getInteger("kam.bench.days", 100);
        int gigabyteDays = Integer.getInteger("kam.bench.gigabyte-days", 480);
        KamInfrastructure infrastructure = KamInfrastructure.get();
        DataSource database = infrastructure.dataSource(DATABASE);
        Path work = Files.createDirectories(Path.of("bench-results", "sellthrough-work"));
        LocalDate yesterday = LocalDate.now(MarketCalendar.ZONE).minusDays(1);

        PipelineBenchmark.log("generating the retailer files");
        SellThroughFiles main = SellThroughFiles.write(work.resolve("pos-5m.csv"), STORES, PRODUCTS, days, yesterday.minusDays(days - 1));
        SellThroughFiles warmUp = SellThroughFiles.write(work.resolve("pos-warm-up.csv"), STORES, PRODUCTS, 4, yesterday.minusDays(3));

        Map<String, Object> settings = new LinkedHashMap<>(infrastructure.springProperties(DATABASE));
        settings.put("logging.level.root", "WARN");
        settings.put("logging.level.io.kam.sellthrough", "INFO");
        settings.put("spring.main.banner-mode", "off");
        // The gigabyte run is over the service's default caps of one batch (5 million rows, 512 MB): raised for it.
        settings.put("kam.sellthrough.max-rows", "30000000");
        settings.put("kam.sellthrough.max-body-bytes", "2GB");
        List<String> jvm = List.of("-Xmx512m", "-XX:+UseParallelGC", "-XX:+ExitOnOutOfMemoryError");
        try (ForkedService service = ForkedService.start("io.kam.sellthrough.SellThroughApplication", jvm, settings,
                work.resolve("sellthrough-service.log"))) {
            Retailer retailer = new Retailer(infrastructure.bootstrapServers(), database);
            CpuTime cpu = new CpuTime(service.pid(), database);
            UUID warmAccount = retailer.open(STORES);
            UUID account = retailer.open(STORES);

            PipelineBenchmark.log("warming up: " + warmUp.rows() + " rows");
            long warm = System.nanoTime();
            push(service, warmAccount, "warm-up-" + warmAccount, warmUp.path());
            Push.awaitPublished(database, Instant.EPOCH);
            PipelineBenchmark.log("warm-up took " + (System.nanoTime() - warm) / 1_000_000 + " ms");

            PipelineBenchmark.log("raw limits: Kafka ProducerPerformance and PostgreSQL COPY");
            String envelope = Push.largestEnvelope(database);
            var kafka512 = RawLimits.kafka(infrastructure.bootstrapServers(), 300_000, 512);
            var kafkaEvents = RawLimits.kafka(infrastructure.bootstrapServers(), 2_000, envelope.length());
            var copy = SaleCopy.measure(database, 2_000_000);

            PipelineBenchmark.log("throughput: " + main.rows() + " rows, " + (main.bytes() >> 20) + " MB of CSV");
            Push.Result throughput;
            try (HeapWatch heap = new HeapWatch(service.baseUrl(), TestTokens.operator())) {
                throughput = Push.run(service, database, account, "pos-" + account, main, heap, cpu);
            }
            PipelineBenchmark.log("throughput: " + throughput);
            PipelineBenchmark.log("reading the batch's events back from the topic");
            var totals = EventTotals.of(infrastructure.bootstrapServers(), account);
            PipelineBenchmark.log("projection: starting it on the topic, until its totals for the account match the file");
            ProjectionCatchUp.Result projection = ProjectionCatchUp.measure(
                    infrastructure.springProperties(ProjectionCatchUp.DATABASE),
                    infrastructure.dataSource(ProjectionCatchUp.DATABASE), account, main,
                    work.resolve("projection-service.log"), java.time.Duration.ofMinutes(20));
            PipelineBenchmark.log("projection: " + projection);

            Push.Result gigabyte = null;
            if (gigabyteDays > 0) {
                SellThroughFiles big = SellThroughFiles.write(work.resolve("pos-1g.csv"), STORES, PRODUCTS, gigabyteDays,
                        yesterday.minusDays(gigabyteDays - 1));
                UUID bigAccount = retailer.open(STORES);
                PipelineBenchmark.log("heap: " + big.rows() + " rows, " + (big.bytes() >> 20) + " MB, into the 512 MB service");
                try (HeapWatch heap = new HeapWatch(service.baseUrl(), TestTokens.operator())) {
                    gigabyte = Push.run(service, database, bigAccount, "pos-1g-" + bigAccount, big, heap, cpu);
                }
                Files.deleteIfExists(big.path());
            }
            Files.deleteIfExists(main.path());
            Files.deleteIfExists(warmUp.path());

            Map<String, Object> result = new LinkedHashMap<>();
            result.put("benchmark", "sellthrough");
            result.put("at", Instant.now().toString());
            result.put("command", "./mvnw -B -ntp -o -pl services/bench exec:exec@sellthrough-bench");
            result.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "java", System.getProperty("java.version")));
            result.put("service", Map.of("jvm", jvm, "chunkRows", 20_000, "linesPerEvent", 2_000));
            result.put("rawKafkaProducer512B", kafka512);
            result.put("rawKafkaProducerEventSized", kafkaEvents);
            result.put("rawPostgresCopySaleRows", copy);
            result.put("throughput", throughput);
            result.put("eventTotals", totals);
            result.put("totalsMatchTheFile", totals.units() == main.units() && totals.salesFen() == main.salesFen()
                    && totals.rows() == main.rows());
            result.put("shareOfRawCopy", PipelineBenchmark.round(throughput.endToEndRowsPerSecond() / copy.rowsPerSecond()));
            result.put("eventBytesPerSecondShareOfRawKafka", PipelineBenchmark.round(
                    throughput.eventMegabytesPerSecond() / kafkaEvents.megabytesPerSecond()));
            result.put("gigabyte", gigabyte);
            result.put("projectionTotalsMatchAfter", projection);
            result.put("projectionShareOfRawCopy", PipelineBenchmark.round(projection.rowsPerSecond() / copy.rowsPerSecond()));
            result.put("goals", Map.of(
                    "atLeast100000RowsPerSecondEndToEnd", throughput.endToEndRowsPerSecond() >= 100_000,
                    "oneGigabyteWithin512MbHeap", gigabyte != null && gigabyte.completed() && gigabyte.maxHeapUsedMb() <= 512,
                    "projectionTotalsMatchTheFile", projection.matched()));
            double projectionShare = projection.rowsPerSecond() / copy.rowsPerSecond();
            result.put("summary", java.util.List.of(
                    BenchSummary.Row.of("sell-through ingested, end to end", throughput.endToEndRowsPerSecond(),
                            "rows/s", "raw PostgreSQL COPY", copy.rowsPerSecond(), "≥ 100,000 rows/s",
                            throughput.endToEndRowsPerSecond() >= 100_000),
                    BenchSummary.Row.of("sell-through projection caught up (from its JVM's start)",
                            projection.rowsPerSecond(), "rows/s", "raw PostgreSQL COPY", copy.rowsPerSecond(),
                            "≥ 0.5 of raw COPY, totals exact", projection.matched() && projectionShare >= 0.5)));
            write(result);
        }
    }

    private static void push(ForkedService service, UUID account, String batchId, Path file) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(service.baseUrl() + "/api/sell-through/batches?batchId=" + batchId + "&account=" + account))
                .header("Authorization", "Bearer " + TestTokens.integrationFor(account)).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("warm-up batch: " + response.statusCode() + " " + response.body());
        }
    }

    private static void write(Map<String, Object> result) throws Exception {
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Path file = Path.of("bench-results", "sellthrough-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".json");
        String text = json.writeValueAsString(result);
        Files.writeString(file, text);
        System.out.println(text);
        PipelineBenchmark.log("written to " + file.toAbsolutePath());
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

}
