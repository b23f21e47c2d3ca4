package io.kam.bench;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.kam.platform.testing.KamInfrastructure;
import io.kam.platform.testing.RunningService;
import io.kam.visits.VisitsApplication;
import io.kam.visits.listing.SkuBook;
import io.kam.visits.planning.ExtendSchedule;
import io.kam.visits.planning.PlanVisit;
import io.kam.visits.storecheck.RecordStoreCheck;

/**
 * {@code make bench}, visits part: the visits service on a real PostgreSQL server and a real KRaft broker in this JVM,
 * driven through its real use cases. It measures
 * <ol>
 *   <li>schedule generation: the schedule job ({@code ExtendSchedule}) planning 2,000 tier-A hypermarkets weekly over
 *       the 13-week horizon (26,000 visits, each with its {@code kam.visit.planned} in the outbox), until the last
 *       commit and until the relay has published every event; then the same job again over the unchanged schedule;</li>
 *   <li>store checks: two writers recording 10,000 checks of ten listed SKUs each (validated, scored, announced), until
 *       the last commit and until published;</li>
 *   <li>the raw limits of the same run: Kafka's ProducerPerformance with records the size of each kind of envelope, and
 *       PostgreSQL COPY of outbox-shaped rows, so that the figures read as a share of what the machine allows.</li>
 * </ol>
 * The store master is put into the replica directly (what the accounts listener maintains; its path is tested on the
 * real broker elsewhere). A warm-up of 200 stores and 500 checks runs first and is then taken out of the measured runs.
 * Figures go to {@code bench-results/visits-<time>.json} and standard output. Settings (system properties):
 * {@code kam.bench.visits.stores} (2000), {@code kam.bench.visits.checks} (10000).
 */
public final class VisitsBenchmark {

    private VisitsBenchmark() {
    }

    public static void main(String[] args) {
        PipelineBenchmark.exitAfter(VisitsBenchmark::run);
    }

    private static void run() throws Exception {
        int storeCount = Integer.getInteger("kam.bench.visits.stores", 2_000);
        int checkCount = Integer.getInteger("kam.bench.visits.checks", 10_000);
        KamInfrastructure infrastructure = KamInfrastructure.get();
        Map<String, Object> settings = Map.of("logging.level.root", "WARN", "spring.main.banner-mode", "off",
                "kam.visits.jobs.enabled", "false");

        try (RunningService visits = RunningService.start(VisitsApplication.class, "bench_visits", settings)) {
            DataSource dataSource = visits.bean(DataSource.class);
            VisitsWorkload workload = new VisitsWorkload(visits.bean(ExtendSchedule.class), visits.bean(PlanVisit.class),
                    visits.bean(RecordStoreCheck.class), visits.bean(SkuBook.class), JdbcClient.create(dataSource));

            PipelineBenchmark.log("warming up: 200 stores, 500 checks");
            var warmStores = workload.storeMaster(200, "Warm-up");
            workload.generateSchedule();
            workload.recordChecks(workload.visitsToday(warmStores, 500));
            workload.awaitPublished(System.nanoTime());
            workload.close(warmStores);

            PipelineBenchmark.log("store master: " + storeCount + " stores");
            var stores = workload.storeMaster(storeCount, "Bench");

            PipelineBenchmark.log("schedule: " + storeCount + " stores over 13 weeks");
            long start = System.nanoTime();
            int planned = workload.generateSchedule();
            double scheduleSeconds = (System.nanoTime() - start) / 1e9;
            double schedulePublished = workload.awaitPublished(start);
            long again = System.nanoTime();
            int replanned = workload.generateSchedule();
            double unchangedSeconds = (System.nanoTime() - again) / 1e9;

            PipelineBenchmark.log("store checks: " + checkCount);
            var visitsToday = workload.visitsToday(stores, checkCount);
            workload.awaitPublished(System.nanoTime());
            long checksStart = System.nanoTime();
            double checkSeconds = workload.recordChecks(visitsToday);
            double checksPublished = workload.awaitPublished(checksStart);

            PipelineBenchmark.log("raw limits: Kafka ProducerPerformance and PostgreSQL COPY");
            String plannedSample = workload.sampleEnvelope("kam.visit.planned");
            String checkSample = workload.sampleEnvelope("kam.storecheck.recorded");
            var kafkaPlanned = RawLimits.kafka(infrastructure.bootstrapServers(), 300_000, plannedSample.length());
            var kafkaChecks = RawLimits.kafka(infrastructure.bootstrapServers(), 300_000, checkSample.length());
            var copy = RawLimits.postgresCopy(dataSource, 200_000, plannedSample);

            Map<String, Object> schedule = new LinkedHashMap<>();
            schedule.put("stores", storeCount);
            schedule.put("weeks", 13);
            schedule.put("visitsPlanned", planned);
            schedule.put("commitSeconds", PipelineBenchmark.round(scheduleSeconds));
            schedule.put("visitsPerSecond", Math.round(planned / scheduleSeconds));
            schedule.put("publishedSeconds", PipelineBenchmark.round(schedulePublished));
            schedule.put("publishedEventsPerSecond", Math.round(planned / schedulePublished));
            schedule.put("shareOfRawCopy", PipelineBenchmark.round(planned / scheduleSeconds / copy.rowsPerSecond()));
            schedule.put("shareOfRawKafka", PipelineBenchmark.round(planned / schedulePublished / kafkaPlanned.recordsPerSecond()));
            schedule.put("unchangedRerunSeconds", PipelineBenchmark.round(unchangedSeconds));
            schedule.put("unchangedRerunVisitsPlanned", replanned);

            Map<String, Object> checks = new LinkedHashMap<>();
            checks.put("checks", checkCount);
            checks.put("skusPerCheck", VisitsWorkload.GTINS.length);
            checks.put("writers", 2);
            checks.put("commitSeconds", PipelineBenchmark.round(checkSeconds));
            checks.put("checksPerSecond", Math.round(checkCount / checkSeconds));
            checks.put("publishedSeconds", PipelineBenchmark.round(checksPublished));
            checks.put("publishedEventsPerSecond", Math.round(checkCount / checksPublished));
            checks.put("envelopeBytes", checkSample.length());
            checks.put("shareOfRawKafka", PipelineBenchmark.round(checkCount / checksPublished / kafkaChecks.recordsPerSecond()));

            Map<String, Object> result = new LinkedHashMap<>();
            result.put("benchmark", "visits");
            result.put("at", Instant.now().toString());
            result.put("command", "make bench");
            result.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(),
                    "maxHeapMb", Runtime.getRuntime().maxMemory() >> 20, "java", System.getProperty("java.version")));
            result.put("rawKafkaProducerPlannedSize", kafkaPlanned);
            result.put("rawKafkaProducerCheckSize", kafkaChecks);
            result.put("rawPostgresCopy", copy);
            result.put("schedule", schedule);
            result.put("storeChecks", checks);
            result.put("rows", workload.counts());
            PipelineBenchmark.write("visits", result);
        }
    }
}
