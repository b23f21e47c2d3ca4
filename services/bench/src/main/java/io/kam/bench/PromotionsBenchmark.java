package io.kam.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.testing.KamInfrastructure;
import io.kam.platform.testing.RunningService;
import io.kam.promotions.PromotionsApplication;
import io.kam.promotions.evaluation.Evaluations;
import io.kam.promotions.promotion.PromotionCalendar;

/**
 * {@code make bench}, promotions part: the promotions service on a real PostgreSQL server and a real KRaft broker in
 * this JVM. It measures
 * <ol>
 *   <li>evaluation: two years of daily sell-through of 500 stores × 200 SKUs (73 million lines) written to
 *       {@code kam.sellthrough.v1} in events of 1,000 lines and consumed by the service into its own store; 1,000
 *       promotions (3 SKUs, 25 stores, a week each, from day 450 so that last year's ratio applies) drafted, proposed,
 *       approved and agreed through the API and run and ended by the calendar; then the time the evaluation job takes
 *       to evaluate all of them, as evaluations per second and as rows read per second beside two raw rates of this
 *       run: PostgreSQL scanning the same table (a full sequential scan, warm, counted in the server) and the same
 *       server streaming its rows to a JDBC client (what any reader of the rows pays);</li>
 *   <li>the clash check: the calendar filled to 10,000 promotions, then 1,000 more drafted (each checked for clashes
 *       against every promotion of the account) and proposed (same-category and minimum-gap warnings), one at a time
 *       through the API, with their latency percentiles; one clashing draft proves the check refuses.</li>
 * </ol>
 * Settings (system properties): {@code kam.bench.promotions.stores} (500), {@code .skus} (200), {@code .days} (730),
 * {@code .evaluated} (1000), {@code .calendar} (10000), {@code .probes} (1000). Figures go to
 * {@code bench-results/promotions-<time>.json} and standard output.
 */
public final class PromotionsBenchmark {

    private static final int STORES_PER_PROMOTION = 25;
    private static final int BASELINE_WEEKS = 8;
    private static final int DIP_WEEKS = 2;

    private PromotionsBenchmark() {
    }

    public static void main(String[] args) {
        PipelineBenchmark.exitAfter(PromotionsBenchmark::run);
    }

    private static void run() throws Exception {
        int storeCount = Integer.getInteger("kam.bench.promotions.stores", 500);
        int skuCount = Integer.getInteger("kam.bench.promotions.skus", 200);
        int days = Integer.getInteger("kam.bench.promotions.days", 730);
        int evaluatedCount = Integer.getInteger("kam.bench.promotions.evaluated", 1_000);
        int calendarSize = Integer.getInteger("kam.bench.promotions.calendar", 10_000);
        int probes = Integer.getInteger("kam.bench.promotions.probes", 1_000);
        KamInfrastructure infrastructure = KamInfrastructure.get();
        LocalDate today = LocalDate.now(MarketCalendar.ZONE);
        LocalDate first = today.plusDays(1);
        Map<String, Object> settings = Map.of("logging.level.root", "WARN", "spring.main.banner-mode", "off",
                "kam.promotions.evaluation-interval", "PT1000H", "kam.promotions.calendar-cron", "-");

        try (RunningService promotions = RunningService.start(PromotionsApplication.class, "bench_promotions", settings)) {
            DataSource dataSource = promotions.bean(DataSource.class);
            JdbcClient jdbc = JdbcClient.create(dataSource);
            var workload = new PromotionsWorkload(jdbc, promotions.baseUrl(), storeCount, skuCount);
            workload.masterData();

            PipelineBenchmark.log("sell-through: " + storeCount + " stores × " + skuCount + " SKUs × " + days + " days");
            long publishStart = System.nanoTime();
            long lines = workload.publishSellThrough(infrastructure.bootstrapServers(), first, days);
            double publishSeconds = (System.nanoTime() - publishStart) / 1e9;
            Awaitility.await("the service holds every line").atMost(Duration.ofHours(3)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> workload.linesHeld() >= lines);
            double consumedSeconds = (System.nanoTime() - publishStart) / 1e9;
            PipelineBenchmark.log(lines + " lines published in " + PipelineBenchmark.round(publishSeconds) + " s, held after "
                    + PipelineBenchmark.round(consumedSeconds) + " s");

            PipelineBenchmark.log("raw limit: a sequential scan of the sell-through table");
            jdbc.sql("vacuum analyze sell_through_day").update();
            double scanRate = 0;
            for (int run = 0; run < 2; run++) {
                long start = System.nanoTime();
                long rows = jdbc.sql("select count(*) from (select units from sell_through_day) t").query(Long.class).single();
                scanRate = Math.max(scanRate, rows / ((System.nanoTime() - start) / 1e9));
            }

            double fetchRate = RawLimits.jdbcFetch(dataSource,
                    "select store_code, gtin, day, units, sales from sell_through_day limit 5000000");

            PipelineBenchmark.log("evaluation: " + evaluatedCount + " promotions agreed, run and ended");
            int blocks = storeCount / STORES_PER_PROMOTION;
            int triples = skuCount / 3;
            long rowsRead = 0;
            LocalDate lastDay = first;
            long setUp = System.nanoTime();
            for (int i = 0; i < evaluatedCount; i++) {
                int triple = i % triples;
                int block = (i / triples) % blocks;
                if (i >= triples * blocks) {
                    throw new IllegalArgumentException("more promotions than SKU triples × store blocks");
                }
                List<Integer> skus = List.of(3 * triple, 3 * triple + 1, 3 * triple + 2);
                LocalDate from = first.plusDays(450 + i % 200);
                lastDay = from.plusDays(6).isAfter(lastDay) ? from.plusDays(6) : lastDay;
                String[] drafted = workload.draft(workload.terms("Evaluated " + i, skus, storeRange(block), from, 7));
                workload.agree(drafted[0], drafted[1], today);
                TreeSet<Integer> categories = new TreeSet<>();
                skus.forEach(s -> categories.add(s / PromotionsWorkload.CATEGORY_SIZE));
                long gtinsRead = categories.stream()
                        .mapToLong(c -> Math.min(skuCount, (c + 1) * PromotionsWorkload.CATEGORY_SIZE) - c * PromotionsWorkload.CATEGORY_SIZE)
                        .sum();
                rowsRead += STORES_PER_PROMOTION * gtinsRead * (7L * BASELINE_WEEKS + 364 + 7 + 7L * DIP_WEEKS);
            }
            PipelineBenchmark.log("agreed in " + PipelineBenchmark.round((System.nanoTime() - setUp) / 1e9) + " s");
            promotions.bean(PromotionCalendar.class).advanceTo(lastDay.plusDays(1));

            long evaluationStart = System.nanoTime();
            int evaluated = promotions.bean(Evaluations.class).runUntil(lastDay.plusDays(7L * DIP_WEEKS + 1)).size();
            double evaluationSeconds = (System.nanoTime() - evaluationStart) / 1e9;
            PipelineBenchmark.log(evaluated + " evaluations in " + PipelineBenchmark.round(evaluationSeconds) + " s");

            PipelineBenchmark.log("clash check: the calendar filled to " + calendarSize + " promotions");
            int pairs = skuCount / 2;
            long fill = System.nanoTime();
            for (int i = 0; i < calendarSize - evaluatedCount; i++) {
                workload.draft(workload.terms("Calendar " + i, List.of(2 * (i % pairs), 2 * (i % pairs) + 1),
                        storeRange((i / pairs) % blocks), first.plusDays(680 + 10L * (i / (pairs * blocks))), 7));
            }
            PipelineBenchmark.log("filled in " + PipelineBenchmark.round((System.nanoTime() - fill) / 1e9) + " s");
            List<Long> draftMicros = new ArrayList<>();
            List<Long> proposeMicros = new ArrayList<>();
            for (int j = 0; j < probes; j++) {
                var terms = workload.terms("Probe " + j, List.of(2 * (j % pairs), 2 * (j % pairs) + 1),
                        storeRange((j / pairs) % blocks), first.plusDays(740 + 10L * (j / (pairs * blocks))), 7);
                long start = System.nanoTime();
                String[] drafted = workload.draft(terms);
                long drafting = System.nanoTime();
                workload.propose(drafted[0], drafted[1]);
                long proposing = System.nanoTime();
                draftMicros.add((drafting - start) / 1_000);
                proposeMicros.add((proposing - drafting) / 1_000);
            }
            boolean clashRefused;
            try {
                workload.draft(workload.terms("Clash", List.of(0, 1), storeRange(0), first.plusDays(740), 7));
                clashRefused = false;
            } catch (IllegalStateException refused) {
                clashRefused = refused.getMessage().contains("409");
            }
            draftMicros.sort(null);
            proposeMicros.sort(null);

            var sample = workload.evaluation(jdbc.sql("select id from promotion where status = 'EVALUATED' limit 1")
                    .query(String.class).single());

            Map<String, Object> evaluation = new LinkedHashMap<>();
            evaluation.put("stores", storeCount);
            evaluation.put("skus", skuCount);
            evaluation.put("days", days);
            evaluation.put("sellThroughLines", lines);
            evaluation.put("publishSeconds", PipelineBenchmark.round(publishSeconds));
            evaluation.put("consumedSeconds", PipelineBenchmark.round(consumedSeconds));
            evaluation.put("consumedLinesPerSecond", Math.round(lines / consumedSeconds));
            evaluation.put("promotions", evaluatedCount);
            evaluation.put("storesPerPromotion", STORES_PER_PROMOTION);
            evaluation.put("skusPerPromotion", 3);
            evaluation.put("evaluated", evaluated);
            evaluation.put("seconds", PipelineBenchmark.round(evaluationSeconds));
            evaluation.put("evaluationsPerSecond", PipelineBenchmark.round(evaluated / evaluationSeconds));
            evaluation.put("rowsRead", rowsRead);
            evaluation.put("rowsReadPerSecond", Math.round(rowsRead / evaluationSeconds));
            evaluation.put("rawSequentialScanRowsPerSecond", Math.round(scanRate));
            evaluation.put("shareOfRawScan", PipelineBenchmark.round(rowsRead / evaluationSeconds / scanRate));
            evaluation.put("rawJdbcFetchRowsPerSecond", Math.round(fetchRate));
            evaluation.put("shareOfRawJdbcFetch", PipelineBenchmark.round(rowsRead / evaluationSeconds / fetchRate));
            evaluation.put("sampleRoi", sample.path("roi").isNull() ? null : sample.path("roi").decimalValue());
            evaluation.put("sampleUpliftPercent", sample.path("total").path("upliftPercent").decimalValue());

            Map<String, Object> clash = new LinkedHashMap<>();
            clash.put("calendar", calendarSize);
            clash.put("slots", jdbc.sql("select count(*) from promotion_slot").query(Long.class).single());
            clash.put("probes", probes);
            clash.put("draftP50Micros", PipelineBenchmark.percentile(draftMicros, 0.50));
            clash.put("draftP99Micros", PipelineBenchmark.percentile(draftMicros, 0.99));
            clash.put("proposalP50Micros", PipelineBenchmark.percentile(proposeMicros, 0.50));
            clash.put("proposalP99Micros", PipelineBenchmark.percentile(proposeMicros, 0.99));
            clash.put("clashingDraftRefused", clashRefused);

            Map<String, Object> result = new LinkedHashMap<>();
            result.put("benchmark", "promotions");
            result.put("at", Instant.now().toString());
            result.put("command", "make bench");
            result.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                    "maxHeapMb", Runtime.getRuntime().maxMemory() >> 20, "java", System.getProperty("java.version")));
            result.put("evaluation", evaluation);
            result.put("clashCheck", clash);
            PipelineBenchmark.write("promotions", result);
        }
    }

    /** The store numbers of one block of stores. */
    private static List<Integer> storeRange(int block) {
        List<Integer> range = new ArrayList<>(STORES_PER_PROMOTION);
        for (int s = 0; s < STORES_PER_PROMOTION; s++) {
            range.add(block * STORES_PER_PROMOTION + s);
        }
        return range;
    }
}
