package io.kam.negotiations;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.kam.accounts.api.AccountEvents;
import io.kam.accounts.api.AccountEvents.AccountEvent;
import io.kam.accounts.api.AccountEvents.AccountOpened;
import io.kam.accounts.api.AccountEvents.StoreOpened;
import io.kam.accounts.api.AccountScope;
import io.kam.accounts.api.AccountStatus;
import io.kam.accounts.api.Address;
import io.kam.accounts.api.DevelopmentStage;
import io.kam.accounts.api.PlanEvents.PlanApproved;
import io.kam.accounts.api.PlanEvents.Target;
import io.kam.accounts.api.PlanKpi;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import io.kam.negotiations.api.NegotiationEvents;
import io.kam.platform.events.EventCodec;
import io.kam.platform.events.EventEnvelope;
import io.kam.platform.testing.Api;
import io.kam.platform.testing.TestTokens;
import io.kam.platform.testing.TopicReader;
import io.kam.platform.testing.TopicWriter;
import io.kam.platform.testing.UsesRealInfrastructure;

/** The negotiations service on a random port, on its own real database and the shared real broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesRealInfrastructure(database = "negotiations")
public abstract class ServiceTest {

    protected static final EventCodec CODEC = new EventCodec();

    @LocalServerPort
    int port;
    @Autowired
    protected JdbcClient jdbc;

    protected final TopicWriter<AccountEvent> accounts = TopicWriter.of(AccountEvents.CATALOG).as("nora");

    /** Nora and Nate, national KA managers; Eric, coordinator of the East. */
    protected Api nora;
    protected Api nate;
    protected Api eric;
    protected Api anonymous;

    @BeforeEach
    void clients() {
        anonymous = new Api(port);
        nora = anonymous.as(TestTokens.nora());
        nate = anonymous.as(TestTokens.nate());
        eric = anonymous.as(TestTokens.eric());
    }

    /**
     * An account, as the accounts service announces it, with {@code stores} stores open since 2020 and
     * {@code opening} more opening in 2027, and its approved 2027 plan (sell-through value 48,000,000, 12 new
     * listings); waits until this service knows them.
     */
    protected UUID aChain(int stores, int opening) {
        UUID account = UUID.randomUUID();
        accounts.publish(new AccountOpened(account, "Yangtze Hypermarket " + account.toString().substring(0, 8),
                "Yangtze Hyper", RetailFormat.HYPERMARKET, "Domestic private",
                new Address("88 Century Avenue", "Shanghai", "Shanghai", "200120"), AccountScope.NATIONAL, null, "nora",
                AccountStatus.ACTIVE, DevelopmentStage.PRODUCT_USER));
        for (int i = 0; i < stores + opening; i++) {
            accounts.publish(new StoreOpened(account, UUID.randomUUID(), "S" + i, "Store " + i, "Shanghai", Region.EAST,
                    RetailFormat.HYPERMARKET, i < stores ? LocalDate.of(2020, 1, 1) : LocalDate.of(2027, 3, 1 + i % 20)));
        }
        accounts.publish(new PlanApproved(account, UUID.randomUUID(), 2027, 1, "nora", "nate", Instant.now(),
                List.of(new Target(PlanKpi.SELL_THROUGH_VALUE, new BigDecimal("48000000.00"),
                                new BigDecimal("45000000.00")),
                        new Target(PlanKpi.NEW_LISTINGS, new BigDecimal("12"), new BigDecimal("10"))),
                null, List.of(), List.of()));
        Awaitility.await("account " + account).atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from known_store where account_id = ?").param(account).query(Long.class).single()
                == stores + opening && jdbc.sql("select count(*) from approved_plan where account_id = ?")
                .param(account).query(Long.class).single() == 1);
        return account;
    }

    /** Maps these buyer's names to kinds in the account's alias table, as Nora. */
    protected void mapped(UUID account, Map<String, String> kindsByName) {
        kindsByName.forEach((name, kind) -> {
            var mapped = nora.put("/api/negotiations/aliases", Map.of("accountId", account, "buyerName", name,
                    "kind", kind), null);
            if (mapped.status() != 200) {
                throw new AssertionError("alias " + name + " not mapped: " + mapped.body());
            }
        });
    }

    /** Waits until the events keyed by this account on kam.negotiations.v1 satisfy the condition; returns them in order. */
    protected static List<EventEnvelope> awaitEvents(UUID account, Predicate<List<EventEnvelope>> condition) {
        return Awaitility.await("events of " + account).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> TopicReader.readAll(NegotiationEvents.TOPIC).stream()
                        .filter(r -> account.toString().equals(r.key()))
                        .map(r -> CODEC.decode(r.value()))
                        .toList(), condition);
    }

    protected static List<String> types(List<EventEnvelope> events) {
        return events.stream().map(EventEnvelope::type).toList();
    }
}
