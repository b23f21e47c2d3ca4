package io.kam.prospects;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import io.kam.accounts.api.AccountEvents;
import io.kam.accounts.api.AccountEvents.AccountOpened;
import io.kam.accounts.api.AccountScope;
import io.kam.accounts.api.AccountStatus;
import io.kam.accounts.api.Address;
import io.kam.accounts.api.DevelopmentStage;
import io.kam.accounts.api.RetailFormat;
import io.kam.platform.events.EventCodec;
import io.kam.platform.events.EventEnvelope;
import io.kam.platform.testing.Api;
import io.kam.platform.testing.TestTokens;
import io.kam.platform.testing.TopicReader;
import io.kam.platform.testing.UsesRealInfrastructure;
import io.kam.prospects.api.ProspectEvents;

/** The prospects service on a random port, on its own real database and the shared real broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesRealInfrastructure(database = "prospects")
public abstract class ServiceTest {

    protected static final EventCodec CODEC = new EventCodec();

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    JdbcClient jdbc;

    /** Nora, national KA manager. */
    protected Api api;
    /** Eric, coordinator of the East. */
    protected Api eric;
    protected Api anonymous;

    @BeforeEach
    void clients() {
        anonymous = new Api(port);
        api = anonymous.as(TestTokens.nora());
        eric = anonymous.as(TestTokens.eric());
    }

    /** Publishes an account opening on kam.accounts.v1, as the accounts service would, and waits until it is known. */
    protected UUID anExistingAccount(String name) {
        UUID id = UUID.randomUUID();
        var opened = new AccountOpened(id, name, name, RetailFormat.HYPERMARKET, null,
                new Address("88 Century Avenue", "Shanghai", "Shanghai", "200120"), AccountScope.NATIONAL, null, "nora",
                AccountStatus.ACTIVE, DevelopmentStage.PRODUCT_USER);
        EventEnvelope envelope = CODEC.wrap(AccountEvents.CATALOG, opened, "nora", Instant.now());
        try {
            kafka.send(AccountEvents.TOPIC, id.toString(), CODEC.encode(envelope)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
        Awaitility.await("account " + id + " known").atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from known_account where id = ?").param(id).query(Long.class).single() == 1);
        return id;
    }

    /** Waits until the events keyed by this id on kam.prospects.v1 satisfy the condition; returns them in order. */
    protected static List<EventEnvelope> awaitEvents(UUID key, Predicate<List<EventEnvelope>> condition) {
        return Awaitility.await("events of " + key).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> TopicReader.readAll(ProspectEvents.TOPIC).stream()
                        .filter(r -> key.toString().equals(r.key()))
                        .map(r -> CODEC.decode(r.value()))
                        .toList(), condition);
    }

    protected static List<String> types(List<EventEnvelope> events) {
        return events.stream().map(EventEnvelope::type).toList();
    }
}
