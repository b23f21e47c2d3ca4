package io.kam.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.kam.accounts.AccountsApplication;
import io.kam.accounts.account.OpenAccount;
import io.kam.accounts.store.OpenStores;
import io.kam.platform.events.Actor;
import io.kam.platform.testing.KamInfrastructure;
import io.kam.platform.testing.RunningService;
import io.kam.projection.ProjectionApplication;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code make bench}: the event pipeline from a committed change through the outbox, the relay, Kafka and the
 * projection's consumer to the projection's database, on a real KRaft broker and a real PostgreSQL server in
 * this JVM. It measures
 * <ol>
 *   <li>the raw limits: Kafka's ProducerPerformance against the same broker, and PostgreSQL COPY into the same
 *       server, so the pipeline's figures can be read as a share of them on any machine;</li>
 *   <li>end-to-end throughput: a backlog of account events committed as fast as two writers can, until the
 *       projection has applied the last one;</li>
 *   <li>freshness at a fixed offered rate: the time from each commit until the projection applied the event.</li>
 * </ol>
 * Figures go to {@code bench-results/pipeline-<time>.json} and standard output. Settings (system properties):
 * {@code kam.bench.events} (throughput backlog, 30000), {@code kam.bench.rate} (events/s offered, 1000),
 * {@code kam.bench.seconds} (freshness phase, 20).
 */
public final class PipelineBenchmark {

    static final Actor BENCH = new Actor("bench", Set.of(Actor.NATIONAL_KA_MANAGER));

    private PipelineBenchmark() {
    }

    public static void main(String[] args) {
        exitAfter(PipelineBenchmark::run);
    }

    /** A benchmark's body. */
    @FunctionalInterface
    interface Run {
        void run() throws Exception;
    }

    /**
     * Runs a benchmark and ends the JVM with its status (0, or 1 after printing what failed): the embedded broker's
     * threads would keep it alive.
     */
    static void exitAfter(Run benchmark) {
        int status = 1;
        try {
            benchmark.run();
            status = 0;
        } catch (Exception | Error e) {
            e.printStackTrace();
        } finally {
            System.exit(status);
        }
    }

    private static void run() throws Exception {
        int backlog = Integer.getInteger("kam.bench.events", 30_000);
        int rate = Integer.getInteger("kam.bench.rate", 1_000);
        int seconds = Integer.getInteger("kam.bench.seconds", 20);
        KamInfrastructure infrastructure = KamInfrastructure.get();
        Map<String, Object> quiet = Map.of("logging.level.root", "WARN", "spring.main.banner-mode", "off");

        try (RunningService accounts = RunningService.start(AccountsApplication.class, "bench_accounts", quiet);
             RunningService projection = RunningService.start(ProjectionApplication.class, "bench_projection", quiet)) {
            Pipeline pipeline = new Pipeline(accounts.bean(OpenAccount.class), accounts.bean(OpenStores.class),
                    JdbcClient.create(accounts.bean(DataSource.class)), JdbcClient.create(projection.bean(DataSource.class)));

            log("warming up");
            long warmup = System.nanoTime();
            pipeline.throughput(3_000);
            String sample = pipeline.sampleEnvelope();
            log("warm-up took " + (System.nanoTime() - warmup) / 1_000_000 + " ms");

            log("raw limits: Kafka ProducerPerformance and PostgreSQL COPY");
            var kafka = RawLimits.kafka(infrastructure.bootstrapServers(), 300_000, sample.length());
            var copy = RawLimits.postgresCopy(accounts.bean(DataSource.class), 200_000, sample);

            log("throughput: " + backlog + " events");
            var throughput = pipeline.throughput(backlog);

            log("freshness: " + rate + " events/s for " + seconds + " s");
            var freshness = pipeline.freshness(rate, Duration.ofSeconds(seconds));

            Map<String, Object> result = new LinkedHashMap<>();
            result.put("benchmark", "pipeline");
            result.put("at", Instant.now().toString());
            result.put("command", "make bench");
            result.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                    "maxHeapMb", Runtime.getRuntime().maxMemory() >> 20, "java", System.getProperty("java.version")));
            result.put("rawKafkaProducer", kafka);
            result.put("rawPostgresCopy", copy);
            result.put("throughput", throughput);
            result.put("throughputShareOfRawKafka", round(throughput.endToEndEventsPerSecond() / kafka.recordsPerSecond()));
            result.put("throughputShareOfRawCopy", round(throughput.endToEndEventsPerSecond() / copy.rowsPerSecond()));
            result.put("freshness", freshness);
            double ofCommit = (double) throughput.endToEndEventsPerSecond() / throughput.commitEventsPerSecond();
            boolean keepsUp = throughput.endToEndEventsPerSecond() >= 6_000 && ofCommit >= 0.95;
            boolean fresh = rate >= 1_000 && freshness.p99Millis() <= 50;
            result.put("endToEndShareOfCommit", round(ofCommit));
            result.put("goals", Map.of(
                    "endToEndAtLeast6000EventsPerSecondAnd095OfCommit", keepsUp,
                    "p99FreshnessAtMost50MsAt1000PerSecond", fresh));
            result.put("summary", List.of(
                    BenchSummary.Row.of("projection applied, end to end", throughput.endToEndEventsPerSecond(),
                            "events/s", "commit stage (2 writers)", throughput.commitEventsPerSecond(),
                            "≥ 6,000 events/s and ≥ 0.95 of commit", keepsUp),
                    BenchSummary.Row.of("projection applied, end to end", throughput.endToEndEventsPerSecond(),
                            "events/s", "raw Kafka producer", kafka.recordsPerSecond(), "", null),
                    BenchSummary.Row.of("freshness p99 at " + rate + " events/s offered", freshness.p99Millis(), "ms",
                            "", -1, "≤ 50 ms at 1,000/s", fresh)));
            write("pipeline", result);
        }
    }

    /** Writes the figures to {@code bench-results/<name>-<time>.json} and to standard output. */
    static void write(String name, Map<String, Object> result) throws Exception {
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Path dir = Path.of("bench-results");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".json");
        String text = json.writeValueAsString(result);
        Files.writeString(file, text);
        System.out.println(text);
        log("written to " + file.toAbsolutePath());
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    static void log(String message) {
        System.out.println("[bench] " + message);
    }

    /** Percentiles of a sorted list. */
    static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
