package io.kam.bench.load;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * One GET at a fixed offered rate, open model: a new virtual user each 1/rate seconds sends one request and leaves,
 * whether or not earlier ones have been answered, so a slow answer cannot slow the arrivals (no coordinated omission).
 * A warm-up at the same rate comes first, under its own request name, and the assertions, which Gatling prints with
 * their actual values, cover only the measured requests: p50, p99, max, all and failed counts, mean rate.
 *
 * <p>System properties: {@code kam.load.base-url}, {@code kam.load.path}, {@code kam.load.token} (a bearer token, or
 * empty for none), {@code kam.load.rate} (requests per second), {@code kam.load.warm-up} and {@code kam.load.seconds}.
 */
public class FixedRate extends Simulation {

    static final String MEASURED = "measured";

    private final String token = System.getProperty("kam.load.token", "");
    private final String path = System.getProperty("kam.load.path", "/actuator/health");
    private final int rate = Integer.getInteger("kam.load.rate", 100);
    private final Duration warmUp = Duration.ofSeconds(Integer.getInteger("kam.load.warm-up", 10));
    private final Duration measured = Duration.ofSeconds(Integer.getInteger("kam.load.seconds", 20));

    private final HttpProtocolBuilder protocol = authorised(http.baseUrl(System.getProperty("kam.load.base-url", "http://localhost:8080"))
            .acceptHeader("application/json")
            .shareConnections()
            .maxConnectionsPerHost(512));

    public FixedRate() {
        setUp(request("warm-up").injectOpen(constantUsersPerSec(rate).during(warmUp)),
                request(MEASURED).injectOpen(nothingFor(warmUp), constantUsersPerSec(rate).during(measured)))
                .protocols(protocol)
                .assertions(
                        details(MEASURED).responseTime().percentile(50.0).gte(0),
                        details(MEASURED).responseTime().percentile(99.0).gte(0),
                        details(MEASURED).responseTime().max().gte(0),
                        details(MEASURED).allRequests().count().gte(0L),
                        details(MEASURED).failedRequests().count().gte(0L),
                        details(MEASURED).requestsPerSec().gte(0.0));
    }

    private ScenarioBuilder request(String name) {
        return scenario(name).exec(http(name).get(path).check(status().is(200)));
    }

    private HttpProtocolBuilder authorised(HttpProtocolBuilder builder) {
        return token.isEmpty() ? builder : builder.authorizationHeader("Bearer " + token);
    }
}
