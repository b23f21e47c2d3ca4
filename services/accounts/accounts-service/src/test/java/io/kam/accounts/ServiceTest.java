package io.kam.accounts;

import io.kam.platform.testing.Api;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.kam.accounts.api.AccountEvents;
import io.kam.platform.events.EventCodec;
import io.kam.platform.events.EventEnvelope;
import io.kam.platform.testing.TestTokens;
import io.kam.platform.testing.TopicReader;
import io.kam.platform.testing.UsesRealInfrastructure;

/** The accounts service on a random port, on its own real database and the shared real broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesRealInfrastructure(database = "accounts")
public abstract class ServiceTest {

    protected static final EventCodec CODEC = new EventCodec();

    @LocalServerPort
    int port;

    /** Nora, national KA manager, who may do everything. */
    protected Api api;
    /** No token at all. */
    protected Api anonymous;

    @BeforeEach
    void client() {
        anonymous = new Api(port);
        api = anonymous.as(TestTokens.nora());
    }

    /** Opens an account through the API and returns its id. */
    protected UUID open(Object request) {
        var response = api.post("/api/accounts", request);
        if (response.status() != 201) {
            throw new AssertionError("could not open account: " + response.status() + " " + response.body());
        }
        return UUID.fromString(response.text("id"));
    }

    /** Waits until the account's events on kam.accounts.v1 satisfy the condition, and returns them in order. */
    protected static List<EventEnvelope> awaitEvents(UUID accountId, Predicate<List<EventEnvelope>> condition) {
        return Awaitility.await("events of " + accountId).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> TopicReader.readAll(AccountEvents.TOPIC).stream()
                        .filter(r -> accountId.toString().equals(r.key()))
                        .map(r -> CODEC.decode(r.value()))
                        .toList(), condition);
    }

    protected static List<String> types(List<EventEnvelope> events) {
        return events.stream().map(EventEnvelope::type).toList();
    }
}
