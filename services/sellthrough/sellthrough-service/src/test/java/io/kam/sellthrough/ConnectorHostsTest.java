package io.kam.sellthrough;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

import io.kam.accounts.api.Region;
import io.kam.platform.testing.UsesRealInfrastructure;
import tools.jackson.databind.JsonNode;

/**
 * Server-side request forgery through HTTP connectors (issue 17), as a production deployment is set: only the hosts
 * of {@code allowed-hosts}, and none that resolves to an internal address. A retailer's endpoint runs in the test on
 * this machine, reachable as {@code localhost}, so every pull the service would make reaches it: it must get none.
 * Its own database and consumer group, so that the other tests' instance (which allows local addresses) never pulls
 * its connectors, nor takes its share of the accounts' events.
 */
@UsesRealInfrastructure(database = "sellthrough_hosts")
class ConnectorHostsTest extends ServiceTest {

    private HttpServer internal;
    private final AtomicInteger calls = new AtomicInteger();

    @DynamicPropertySource
    static void asInProduction(DynamicPropertyRegistry registry) {
        registry.add("kam.sellthrough.connectors.allowed-hosts", () -> "localhost,127.0.0.1,169.254.169.254,[::1],*.example.com");
        registry.add("kam.sellthrough.connectors.allow-private-addresses", () -> "false");
        registry.add("spring.kafka.consumer.group-id", () -> "sellthrough-hosts");
    }

    @BeforeEach
    void startAnInternalEndpoint() throws IOException {
        internal = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        internal.createContext("/", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        internal.start();
    }

    @AfterEach
    void stopIt() {
        internal.stop(0);
    }

    @Test
    void aHostNotOnTheListOrAnInternalAddressIsRefusedWhenTheConnectorIsSet() {
        UUID account = retailers.open(Region.EAST, "S1");

        assertThat(fieldErrors(account, "http://intranet.corp/admin"))
                .containsExactly("url: the host is not among the hosts this deployment allows");
        assertThat(fieldErrors(account, "https://example.com.attacker.test/pos"))
                .containsExactly("url: the host is not among the hosts this deployment allows");
        assertThat(fieldErrors(account, "https://evilexample.com/pos"))
                .containsExactly("url: the host is not among the hosts this deployment allows");
        assertThat(fieldErrors(account, "https://example.com/pos")).as("*.example.com is below example.com only")
                .containsExactly("url: the host is not among the hosts this deployment allows");
        assertThat(fieldErrors(account, "http://10.0.0.8/pos"))
                .containsExactly("url: the host is not among the hosts this deployment allows");
        assertThat(fieldErrors(account, "http://127.0.0.1:" + internal.getAddress().getPort() + "/pos"))
                .containsExactly("url: is a loopback address, which this deployment does not allow");
        assertThat(fieldErrors(account, "http://[::1]:" + internal.getAddress().getPort() + "/pos"))
                .containsExactly("url: is a loopback address, which this deployment does not allow");
        assertThat(fieldErrors(account, "http://169.254.169.254/latest/meta-data/"))
                .containsExactly("url: is a link-local address, which this deployment does not allow");
        var allowed = api.put(path(account), http("https://POS.Example.com./daily", false), "*");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(calls).hasValue(0);
    }

    @Test
    void anAllowedNameThatResolvesToALoopbackAddressIsNeverCalled() {
        UUID account = retailers.open(Region.EAST, "S1");

        var configured = api.put(path(account), http("http://localhost:" + internal.getAddress().getPort() + "/pos", true), "*");
        JsonNode connector = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get(path(account)).body(), c -> c.path("failures").asInt() >= 2);

        assertThat(configured.status()).isEqualTo(200);
        assertThat(connector.path("lastError").asString())
                .isEqualTo("the host localhost resolves to a loopback address, which this deployment does not allow");
        assertThat(connector.path("pulls").asLong()).isZero();
        assertThat(calls).hasValue(0);
    }

    private java.util.List<String> fieldErrors(UUID account, String url) {
        var answer = api.put(path(account), http(url, false), "*");
        assertThat(answer.status()).as(url).isEqualTo(400);
        return answer.fieldErrors();
    }

    private static String path(UUID account) {
        return "/api/sell-through/accounts/" + account + "/connector";
    }

    private static Map<String, Object> http(String url, boolean enabled) {
        return Map.of("kind", "HTTP", "url", url, "format", "CSV", "everySeconds", 3600, "enabled", enabled);
    }
}
