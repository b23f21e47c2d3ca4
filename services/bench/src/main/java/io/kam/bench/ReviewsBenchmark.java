package io.kam.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.kam.platform.calendar.MarketCalendar;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code make bench}, reviews part: the whole platform as {@code make run} starts it (every service in a JVM of its
 * own, real Keycloak, the demo data), on ports of its own and a data folder of its own, and Gatling in another JVM
 * offering GETs through the gateway at a fixed rate (open model, see {@code io.kam.bench.load.FixedRate} in
 * services/bench-load): the gateway's own health endpoint (no service behind it, no token: the raw limit of the
 * gateway and the load generator on this machine), the business review of the largest demo account, and the national
 * ranking, each at 100, 500 and 1,000 requests per second, as p50, p99 and max latency and failed requests. Then the
 * review's PDF and XLSX exports of the same account: time per export and the projection process's resident memory.
 * <p>
 * Settings (system properties): {@code kam.bench.reviews.rates} (100,500,1000), {@code .seconds} (20 measured after
 * {@code .warm-up} 10 at the same rate). Figures go to {@code bench-results/reviews-<time>.json}. The goal is review p99
 * at most 20 ms at 500 requests per second.
 */
public final class ReviewsBenchmark {

    /** Away from make run's ports, so that a developer's running platform is not in the way. */
    private static final int OFFSET = 20_000;
    private static final Pattern ACTUAL = Pattern.compile(
            "measured: (50th percentile|99th percentile|max|count of all events|count of failed events)[^(]*\\(actual : ([0-9.]+)\\)");
    private static final int EXPORTS = 5;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    private final JsonMapper json = JsonMapper.builder().build();
    private final Path work = Path.of("services/bench/target/reviews-bench").toAbsolutePath();
    private final String gateway = "http://localhost:" + (8080 + OFFSET);
    private final String tokenUri = "http://localhost:" + (8180 + OFFSET) + "/realms/kam/protocol/openid-connect/token";

    private ReviewsBenchmark() {
    }

    public static void main(String[] args) {
        PipelineBenchmark.exitAfter(() -> new ReviewsBenchmark().run());
    }

    private void run() throws Exception {
        List<Integer> rates = Stream.of(System.getProperty("kam.bench.reviews.rates", "100,500,1000").split(","))
                .map(String::trim).map(Integer::valueOf).toList();
        int seconds = Integer.getInteger("kam.bench.reviews.seconds", 20);
        int warmUp = Integer.getInteger("kam.bench.reviews.warm-up", 10);
        deleteRecursively(work.resolve("platform"));
        Files.createDirectories(work);
        Process platform = startPlatform();
        try {
            String nora = token("nora", "nora-dev");
            var largest = largestReview(nora);
            int year = LocalDate.now(MarketCalendar.ZONE).getYear();
            PipelineBenchmark.log("largest demo review: " + largest.name() + " (" + largest.bytes() + " bytes of JSON)");
            Map<String, String> targets = new LinkedHashMap<>();
            targets.put("gateway health (raw limit)", "/actuator/health");
            targets.put("review", "/api/reviews/" + largest.id());
            targets.put("ranking", "/api/reviews/ranking?year=" + year);
            List<Map<String, Object>> loads = new ArrayList<>();
            for (var target : targets.entrySet()) {
                for (int rate : rates) {
                    String token = target.getValue().startsWith("/actuator") ? "" : token("nora", "nora-dev");
                    Map<String, Object> figures = load(target.getValue(), token, rate, warmUp, seconds);
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("target", target.getKey());
                    row.put("path", target.getValue());
                    row.put("offeredPerSecond", rate);
                    row.putAll(figures);
                    PipelineBenchmark.log(row.toString());
                    loads.add(row);
                }
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("benchmark", "reviews through the gateway, open model (Gatling), whole platform as make run starts it");
            result.put("account", Map.of("name", largest.name(), "reviewJsonBytes", largest.bytes()));
            result.put("measuredSecondsPerRate", seconds);
            result.put("warmUpSecondsPerRate", warmUp);
            result.put("loads", loads);
            result.put("goal", goal(loads));
            result.put("exports", exports(largest.id()));
            PipelineBenchmark.write("reviews", result);
        } finally {
            platform.destroy();
            if (!platform.waitFor(90, java.util.concurrent.TimeUnit.SECONDS)) {
                platform.destroyForcibly().waitFor();
            }
        }
    }

    private Process startPlatform() throws Exception {
        Path classes = Path.of("deploy/local/target/classes");
        Path classpath = Path.of("deploy/local/target/classpath.txt");
        if (!Files.exists(classpath)) {
            throw new IllegalStateException(classpath + " is missing: run make bench, which writes it");
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms64m", "-Xmx512m",
                "-cp", classes + ":" + Files.readString(classpath).trim(), "io.kam.local.LocalPlatform");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Path log = work.resolve("platform.log");
        builder.redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("KAM_RUN_DIR", work.resolve("platform").toString());
        // A server's JIT and collector, not make run's start-up settings (C1 only, serial GC, 256 MB).
        env.put("KAM_SERVICE_JVM_OPTIONS", System.getProperty("kam.bench.reviews.service-jvm",
                "-Xms256m -Xmx512m -XX:+UseParallelGC -XX:ParallelGCThreads=2"));
        Map<String, Integer> ports = Map.ofEntries(Map.entry("KAM_GATEWAY_PORT", 8080), Map.entry("KAM_KEYCLOAK_PORT", 8180),
                Map.entry("KAM_ACCOUNTS_PORT", 8081), Map.entry("KAM_PROSPECTS_PORT", 8082), Map.entry("KAM_VISITS_PORT", 8083),
                Map.entry("KAM_SELLTHROUGH_PORT", 8084), Map.entry("KAM_PROMOTIONS_PORT", 8085),
                Map.entry("KAM_NEGOTIATIONS_PORT", 8086), Map.entry("KAM_PROJECTION_PORT", 8088),
                Map.entry("KAM_POSTGRES_PORT", 15432), Map.entry("KAM_KAFKA_PORT", 9092), Map.entry("KAM_KAFKA_CONTROLLER_PORT", 9093));
        ports.forEach((variable, port) -> env.put(variable, Integer.toString(port + OFFSET)));
        PipelineBenchmark.log("starting the platform (log: " + log + ")");
        Process process = builder.start();
        long deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the platform exited with " + process.exitValue() + "; see " + log);
            }
            if (Files.exists(log) && Files.readString(log).contains("KAM Platform is up")) {
                PipelineBenchmark.log(Files.readAllLines(log).stream().filter(l -> l.contains("KAM Platform is up")).findFirst().orElse(""));
                return process;
            }
            Thread.sleep(500); // waiting for processes to start; a benchmark, not a test
        }
        process.destroy();
        throw new IllegalStateException("the platform was not up within 8 minutes; see " + log);
    }

    private String token(String user, String password) throws Exception {
        String form = "grant_type=password&client_id=kam-web&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        var response = http.send(HttpRequest.newBuilder(URI.create(tokenUri)).timeout(CALL_TIMEOUT).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + user + ": " + response.statusCode() + " " + response.body());
        }
        return json.readTree(response.body()).path("access_token").asString();
    }

    private record Largest(String id, String name, int bytes) {
    }

    /** The demo account whose review is the largest, by the bytes of its JSON. */
    private Largest largestReview(String token) throws Exception {
        JsonNode page = json.readTree(get("/api/reviews?size=200", token).body());
        List<Largest> reviews = new ArrayList<>();
        for (JsonNode summary : page.path("items")) {
            String id = summary.path("accountId").asString();
            var review = get("/api/reviews/" + id, token);
            reviews.add(new Largest(id, json.readTree(review.body()).path("header").path("name").asString(), review.body().length()));
        }
        return reviews.stream().max(Comparator.comparingInt(Largest::bytes))
                .orElseThrow(() -> new IllegalStateException("the demo data made no review: " + page));
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        var response = http.send(HttpRequest.newBuilder(URI.create(gateway + path)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    /** One Gatling run in a JVM of its own; its assertions print the measured figures. */
    private Map<String, Object> load(String path, String token, int rate, int warmUp, int seconds) throws Exception {
        Path loadModule = Path.of("services/bench-load/target");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms256m", "-Xmx512m",
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED",
                "-Dgatling.data.enableAnalytics=false",
                "-Dkam.load.base-url=" + gateway, "-Dkam.load.path=" + path, "-Dkam.load.token=" + token,
                "-Dkam.load.rate=" + rate, "-Dkam.load.warm-up=" + warmUp, "-Dkam.load.seconds=" + seconds,
                "-cp", loadModule.resolve("classes") + ":" + Files.readString(loadModule.resolve("classpath.txt")).trim(),
                "io.gatling.app.Gatling", "-s", "io.kam.bench.load.FixedRate", "-rf", work.resolve("gatling").toString(), "-nr");
        Path log = work.resolve("gatling-" + rate + "-" + Integer.toHexString(path.hashCode()) + ".log");
        Process gatling = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        gatling.waitFor();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Map<String, Double> actual = new LinkedHashMap<>();
        Matcher matcher = ACTUAL.matcher(output);
        while (matcher.find()) {
            actual.put(matcher.group(1), Double.valueOf(matcher.group(2)));
        }
        if (actual.size() != 5) {
            throw new IllegalStateException("Gatling printed no figures for " + path + " at " + rate + "/s; see " + log);
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("requests", actual.get("count of all events").longValue());
        figures.put("achievedPerSecond", PipelineBenchmark.round(actual.get("count of all events") / seconds));
        figures.put("failed", actual.get("count of failed events").longValue());
        figures.put("p50Ms", actual.get("50th percentile").longValue());
        figures.put("p99Ms", actual.get("99th percentile").longValue());
        figures.put("maxMs", actual.get("max").longValue());
        return figures;
    }

    /** Review p99 at most 20 ms at 500 requests per second, beside the gateway's own p99 at that rate. */
    private static Map<String, Object> goal(List<Map<String, Object>> loads) {
        Map<String, Object> goal = new LinkedHashMap<>();
        goal.put("goal", "review p99 <= 20 ms at 500 requests/s, no failures");
        loads.stream().filter(l -> "review".equals(l.get("target")) && Integer.valueOf(500).equals(l.get("offeredPerSecond")))
                .findFirst().ifPresent(review -> {
                    goal.put("reviewP99Ms", review.get("p99Ms"));
                    goal.put("met", (Long) review.get("p99Ms") <= 20 && (Long) review.get("failed") == 0);
                });
        loads.stream().filter(l -> ((String) l.get("target")).startsWith("gateway") && Integer.valueOf(500).equals(l.get("offeredPerSecond")))
                .findFirst().ifPresent(raw -> goal.put("gatewayHealthP99Ms", raw.get("p99Ms")));
        return goal;
    }

    /** Each export of the largest review, several times: time per file, its size, and the projection's memory. */
    private Map<String, Object> exports(String accountId) throws Exception {
        Map<String, Object> exports = new LinkedHashMap<>();
        long projection = projectionPid();
        exports.put("projectionRssMbBefore", memory(projection, "VmRSS"));
        for (String kind : List.of("pdf", "xlsx")) {
            for (String lang : List.of("zh-CN", "en")) {
                String path = "/api/reviews/" + accountId + "/export." + kind + "?lang=" + lang + "&audience=internal";
                String token = token("nora", "nora-dev");
                List<Long> millis = new ArrayList<>();
                long bytes = 0;
                for (int i = 0; i <= EXPORTS; i++) {
                    long start = System.nanoTime();
                    var response = http.send(HttpRequest.newBuilder(URI.create(gateway + path)).header("Authorization", "Bearer " + token).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("GET " + path + ": " + response.statusCode() + " "
                                + new String(response.body(), StandardCharsets.UTF_8));
                    }
                    bytes = response.body().length;
                    if (i > 0) { // the first is the warm-up
                        millis.add(took);
                    }
                }
                millis.sort(null);
                exports.put(kind + " " + lang, Map.of("bytes", bytes, "medianMs", millis.get(millis.size() / 2),
                        "maxMs", millis.getLast(), "runs", millis.size()));
            }
        }
        exports.put("projectionRssMbAfter", memory(projection, "VmRSS"));
        exports.put("projectionPeakRssMb", memory(projection, "VmHWM"));
        return exports;
    }

    /** The projection service's process, found by the folder make run extracts it into. */
    private long projectionPid() throws IOException {
        String marker = work.resolve("platform").resolve("apps").resolve("projection").toString();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String cmdline = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8);
                    if (cmdline.contains(marker)) {
                        return Long.parseLong(process.getFileName().toString());
                    }
                } catch (IOException gone) {
                    // ended meanwhile
                }
            }
        }
        throw new IllegalStateException("no process runs the projection from " + marker);
    }

    private static double memory(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(field + ":")) {
                return PipelineBenchmark.round(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0);
            }
        }
        throw new IllegalStateException(field + " not in /proc/" + pid + "/status");
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            for (Path each : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }
}
