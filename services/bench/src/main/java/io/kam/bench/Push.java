package io.kam.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.kam.platform.testing.TestTokens;
import tools.jackson.databind.JsonNode;

/** One batch pushed through the API, timed from the first byte sent until the broker acknowledged its last event. */
final class Push {

    private Push() {
    }

    /**
     * @param responseSeconds       from the start of the upload until the 201 (the batch committed)
     * @param endToEndSeconds       from the start of the upload until the last event of the batch was acknowledged
     * @param events                recorded, restated and batch-ingested events published
     * @param eventMegabytes        their envelopes' size
     * @param maxHeapUsedMb         the most heap the service used at any sample (garbage included)
     * @param maxLiveHeapMb         the most live data after a major collection
     */
    record Result(long rows, long megabytes, long accepted, long rejected, boolean completed, double responseSeconds,
                  double endToEndSeconds, long responseRowsPerSecond, long endToEndRowsPerSecond, long events,
                  double eventMegabytes, double eventMegabytesPerSecond, long heapLimitMb, long maxHeapUsedMb,
                  long maxLiveHeapMb, CpuTime.Sample cpuSeconds, double serviceCpuMicrosPerRow,
                  double postgresCpuMicrosPerRow) {
    }

    static Result run(ForkedService service, DataSource database, UUID account, String batchId, SellThroughFiles file,
                      HeapWatch heap, CpuTime cpu) throws Exception {
        HttpClient http = HttpClient.newBuilder().build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/sell-through/batches?batchId="
                        + batchId + "&account=" + account))
                .header("Authorization", "Bearer " + TestTokens.integrationFor(account)).header("Content-Type", "text/csv")
                .timeout(Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.ofFile(file.path())).build();
        CpuTime.Sample before = cpu.sample();
        Instant started = Instant.now();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        double responseSeconds = (System.nanoTime() - start) / 1e9;
        if (response.statusCode() != 201) {
            throw new IllegalStateException("batch " + batchId + ": " + response.statusCode() + " " + response.body());
        }
        JsonNode batch = SellThroughBenchmark.json(response.body());
        Instant published = awaitPublished(database, started);
        CpuTime.Sample used = cpu.sample().minus(before);
        double endToEnd = Duration.between(started, published).toNanos() / 1e9;
        JdbcClient db = JdbcClient.create(database);
        long events = db.sql("select count(*) from kam_outbox where record_key = :a").param("a", account.toString())
                .query(Long.class).single();
        double megabytes = db.sql("select coalesce(sum(octet_length(envelope)), 0) from kam_outbox where record_key = :a")
                .param("a", account.toString()).query(Long.class).single() / 1048576.0;
        long accepted = batch.path("accepted").asLong();
        return new Result(file.rows(), file.bytes() >> 20, accepted, batch.path("rejected").asLong(),
                "COMPLETED".equals(batch.path("status").asString()), PipelineBenchmark.round(responseSeconds),
                PipelineBenchmark.round(endToEnd), Math.round(accepted / responseSeconds), Math.round(accepted / endToEnd),
                events, PipelineBenchmark.round(megabytes), PipelineBenchmark.round(megabytes / endToEnd),
                heap.heapLimitMb(), heap.maxUsedMb(), heap.maxLiveMb(), used,
                PipelineBenchmark.round(used.service() * 1e6 / file.rows()),
                PipelineBenchmark.round(used.postgres() * 1e6 / file.rows()));
    }

    /** Waits until the relay published every event, and returns when the last of those since {@code since} was acknowledged. */
    static Instant awaitPublished(DataSource database, Instant since) throws InterruptedException {
        JdbcClient db = JdbcClient.create(database);
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (db.sql("select count(*) from kam_outbox where published_at is null").query(Long.class).single() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the relay did not publish within 10 minutes");
            }
            Thread.sleep(20); // polling the outbox; a benchmark, not a test
        }
        OffsetDateTime last = db.sql("select max(published_at) from kam_outbox where created_at >= :since")
                .param("since", OffsetDateTime.ofInstant(since, ZoneOffset.UTC)).query(OffsetDateTime.class).single();
        return last == null ? Instant.now() : last.toInstant();
    }

    /** The largest envelope published so far: the size of the records the raw producer is measured with. */
    static String largestEnvelope(DataSource database) {
        return JdbcClient.create(database).sql("select envelope from kam_outbox order by octet_length(envelope) desc limit 1")
                .query(String.class).single();
    }
}
