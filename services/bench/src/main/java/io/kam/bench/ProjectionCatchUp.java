package io.kam.bench;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The projection service started in a JVM of its own once a batch's events are on {@code kam.sellthrough.v1}: the time
 * from its start until its sell-through totals for the account equal the file's (units and sales to the fen). It reads
 * the whole topic from the beginning, so the warm-up batch's events too.
 */
final class ProjectionCatchUp {

    static final String DATABASE = "bench_projection_sellthrough";

    private ProjectionCatchUp() {
    }

    /**
     * @param seconds        from the start of the projection's JVM until the totals matched
     * @param healthySeconds of which starting the service (JVM, Flyway, context) until its health endpoint answered
     * @param rowsPerSecond  the file's rows over {@code seconds}
     * @param facts          rows in the projection's fact table (every account) at the end
     */
    record Result(double seconds, double healthySeconds, double rowsPerSecond, long facts, boolean matched,
                  List<String> jvm) {
    }

    static Result measure(Map<String, Object> infrastructureSettings, DataSource projectionDb, UUID account,
                          SellThroughFiles file, Path log, Duration patience) throws Exception {
        Map<String, Object> settings = new java.util.LinkedHashMap<>(infrastructureSettings);
        settings.put("logging.level.root", "WARN");
        settings.put("spring.main.banner-mode", "off");
        List<String> jvm = List.of("-Xmx512m", "-XX:+UseParallelGC", "-XX:+ExitOnOutOfMemoryError");
        JdbcClient jdbc = JdbcClient.create(projectionDb);
        BigDecimal expectedSales = BigDecimal.valueOf(file.salesFen(), 2);
        long start = System.nanoTime();
        try (ForkedService projection = ForkedService.start("io.kam.projection.ProjectionApplication", jvm, settings, log)) {
            double healthy = (System.nanoTime() - start) / 1e9;
            long deadline = start + patience.toNanos();
            while (System.nanoTime() < deadline) {
                Totals totals = jdbc.sql("""
                                select coalesce(sum(units), 0) as units, coalesce(sum(sales), 0) as sales
                                from sell_through_day where account_id = ?""")
                        .param(account).query((rs, row) -> new Totals(rs.getLong(1), rs.getBigDecimal(2))).single();
                if (totals.units() == file.units() && totals.sales().compareTo(expectedSales) == 0) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    long facts = jdbc.sql("select count(*) from sell_through_fact").query(Long.class).single();
                    return new Result(PipelineBenchmark.round(seconds), PipelineBenchmark.round(healthy),
                            Math.round(file.rows() / seconds), facts, true, jvm);
                }
                if (!projection.alive()) {
                    throw new IllegalStateException("the projection exited; see " + log);
                }
                Thread.sleep(200); // polling the projection's database; a benchmark, not a test
            }
            return new Result(patience.toSeconds(), PipelineBenchmark.round(healthy), 0, 0, false, jvm);
        }
    }

    private record Totals(long units, BigDecimal sales) {
    }
}
