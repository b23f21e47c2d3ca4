package io.kam.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.json.JsonMapper;

/**
 * Samples a service's heap through its actuator metrics every 250 ms: the most heap in use at any sample (garbage
 * included), and the most live data the collector found after a major collection.
 */
final class HeapWatch implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final String baseUrl;
    private final String token;
    private volatile double maxUsed;
    private volatile double maxLive;
    private volatile double max;

    HeapWatch(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
        timer.scheduleAtFixedRate(this::sample, 0, 250, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        maxUsed = Math.max(maxUsed, metric("jvm.memory.used?tag=area:heap"));
        maxLive = Math.max(maxLive, metric("jvm.gc.live.data.size"));
        max = Math.max(max, metric("jvm.memory.max?tag=area:heap"));
    }

    private double metric(String name) {
        try {
            var response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/metrics/" + name))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return 0;
            }
            return JSON.readTree(response.body()).at("/measurements/0/value").asDouble();
        } catch (Exception e) {
            return 0;
        }
    }

    long maxUsedMb() {
        return Math.round(maxUsed / (1 << 20));
    }

    long maxLiveMb() {
        return Math.round(maxLive / (1 << 20));
    }

    long heapLimitMb() {
        return Math.round(max / (1 << 20));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
