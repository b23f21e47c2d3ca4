package io.kam.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last step of {@code make bench}: one table of the figures the benchmarks report with the raw limit each measured
 * in the same run, their ratio, the goal and whether it was met. It reads the newest result of each benchmark in
 * {@code bench-results/} (the {@code summary} rows a benchmark writes, see {@link Row}), prints the table and writes it
 * to {@code bench-results/summary-<time>.md}. A benchmark without result or without summary rows is named as such.
 */
public final class BenchSummary {

    /** The benchmarks in the order {@code make bench} runs them. */
    static final List<String> BENCHMARKS = List.of("pipeline", "visits", "sellthrough", "promotions", "negotiations",
            "reviews");

    private BenchSummary() {
    }

    /**
     * One line of the table: a figure, the raw limit of the same run it is read against, their ratio, and the goal.
     *
     * @param raw   the raw limit's value, or negative where the figure has none (a latency)
     * @param ratio figure / raw limit, or negative where there is none
     * @param goal  the goal in words, empty if none
     * @param met   whether the goal was met; {@code null} if there is no goal
     */
    record Row(String figure, double value, String unit, String rawLimit, double raw, double ratio, String goal,
               @org.jspecify.annotations.Nullable Boolean met) {

        static Row of(String figure, double value, String unit, String rawLimit, double raw, String goal,
                      @org.jspecify.annotations.Nullable Boolean met) {
            return new Row(figure, value, unit, rawLimit, raw, raw > 0 ? PipelineBenchmark.round(value / raw) : -1,
                    goal, met);
        }
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "bench-results");
        String table = table(dir);
        System.out.println(table);
        Files.createDirectories(dir);
        Path file = dir.resolve("summary-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
        Files.writeString(file, table);
        PipelineBenchmark.log("summary written to " + file.toAbsolutePath());
    }

    static String table(Path dir) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        StringBuilder out = new StringBuilder();
        out.append("| benchmark | figure | value | raw limit (same run) | ratio | goal | met |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        List<String> without = new ArrayList<>();
        for (String benchmark : BENCHMARKS) {
            Optional<Path> newest = newest(dir, benchmark);
            if (newest.isEmpty()) {
                without.add(benchmark + " (no result)");
                continue;
            }
            JsonNode rows = json.readTree(newest.get().toFile()).path("summary");
            if (!rows.isArray() || rows.isEmpty()) {
                without.add(benchmark + " (no summary rows in " + newest.get().getFileName() + ")");
                continue;
            }
            for (JsonNode row : rows) {
                double raw = row.path("raw").asDouble(-1);
                double ratio = row.path("ratio").asDouble(-1);
                JsonNode met = row.path("met");
                out.append("| ").append(benchmark).append(" (").append(newest.get().getFileName()).append(") | ")
                        .append(row.path("figure").asString()).append(" | ")
                        .append(number(row.path("value").asDouble())).append(' ').append(row.path("unit").asString())
                        .append(" | ").append(raw < 0 ? "—" : row.path("rawLimit").asString() + ": " + number(raw))
                        .append(" | ").append(ratio < 0 ? "—" : String.format(Locale.ROOT, "%.3f", ratio))
                        .append(" | ").append(row.path("goal").asString("").isEmpty() ? "—" : row.path("goal").asString())
                        .append(" | ").append(met.isBoolean() ? (met.asBoolean() ? "yes" : "**no**") : "—")
                        .append(" |\n");
            }
        }
        if (!without.isEmpty()) {
            out.append("\nWithout summary rows: ").append(String.join(", ", without)).append('\n');
        }
        return out.toString();
    }

    private static Optional<Path> newest(Path dir, String benchmark) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(benchmark + "-")
                            && f.getFileName().toString().endsWith(".json"))
                    .max(Comparator.comparing(f -> f.getFileName().toString()));
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.format(Locale.ROOT, "%,d", (long) value)
                : String.format(Locale.ROOT, "%,.2f", value);
    }
}
