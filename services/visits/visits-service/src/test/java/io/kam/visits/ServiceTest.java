package io.kam.visits;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import io.kam.accounts.api.AccountEvents;
import io.kam.accounts.api.AccountEvents.AccountEvent;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import io.kam.platform.events.EventCodec;
import io.kam.platform.events.EventEnvelope;
import io.kam.platform.testing.Api;
import io.kam.platform.testing.TestTokens;
import io.kam.platform.testing.TopicReader;
import io.kam.platform.testing.TopicWriter;
import io.kam.platform.testing.UsesRealInfrastructure;
import io.kam.visits.api.VisitEvents;

/**
 * The visits service on a random port, on its own real database and the shared real broker. Every test class uses
 * exactly this, so they share one application context. The service's clock stands at {@link #NOW}, Monday 4 March 2030,
 * 10:00 in Shanghai, until a test moves it (forward only); the timed jobs are off and tests run them by hand. The clock is
 * ahead of the real time on purpose: the outbox relay measures each event's publish latency from the database's time of
 * writing to the service's clock, and a clock behind the database would make that negative, which the relay's timer
 * refuses.
 */
@SpringBootTest(classes = VisitsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "kam.visits.jobs.enabled=false")
@UsesRealInfrastructure(database = "visits")
@Import(ServiceTest.Clocks.class)
public abstract class ServiceTest {

    /** Monday 4 March 2030, 10:00 in Shanghai. */
    protected static final Instant NOW = Instant.parse("2030-03-04T02:00:00Z");
    protected static final LocalDate TODAY = LocalDate.of(2030, 3, 4);
    protected static final EventCodec CODEC = new EventCodec();

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        MutableClock clock() {
            return new MutableClock(NOW);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected JdbcClient jdbc;

    protected Api anonymous;
    /** National KA managers. */
    protected Api nora;
    protected Api nate;
    /** Eric coordinates the East, Sofia the South. */
    protected Api eric;
    protected Api sofia;
    protected Api integration;
    protected TopicWriter<AccountEvent> accounts;
    protected StoreMasterFixture stores;
    protected PromotionsFixture promotions;
    protected AgreementsFixture agreements;

    @BeforeEach
    void atTenOnMondayWithCoordinators() {
        clock.set(NOW);
        anonymous = new Api(port);
        nora = anonymous.as(TestTokens.nora());
        nate = anonymous.as(TestTokens.nate());
        eric = anonymous.as(TestTokens.eric());
        sofia = anonymous.as(TestTokens.sofia());
        integration = anonymous.as(TestTokens.integrationForAllAccounts());
        accounts = TopicWriter.of(AccountEvents.CATALOG).as("nora");
        stores = new StoreMasterFixture(accounts, nora);
        promotions = new PromotionsFixture(jdbc);
        agreements = new AgreementsFixture(jdbc);
        nora.put("/api/visits/regions/EAST/coordinator", Map.of("coordinator", "eric"), null);
        nora.put("/api/visits/regions/SOUTH/coordinator", Map.of("coordinator", "sofia"), null);
    }

    /** A store of an account and a visit to it planned for today, by the caller. */
    protected record Planned(UUID account, UUID store, String visit, String etag) {
    }

    /** A store of an unclassified account (so no scheduled visits of its own) and a visit to it planned today. */
    protected Planned aStoreVisitToday(Region region, Api as) {
        UUID account = stores.anAccount(null);
        UUID store = stores.openStore(account, region, RetailFormat.HYPERMARKET);
        var planned = as.post("/api/visits", Map.of("region", region.name(), "storeId", store.toString(),
                "type", "MAINTENANCE", "plannedDate", TODAY.toString(), "slot", "TRADING_HOURS"));
        if (planned.status() != 201) {
            throw new AssertionError("could not plan a visit: " + planned.status() + " " + planned.body());
        }
        return new Planned(account, store, planned.text("id"), planned.etag());
    }

    /** A complete log: every must-discuss point and must-go place recorded or not applicable, and an outcome. */
    protected static Map<String, Object> aLog() {
        Map<String, Object> log = new HashMap<>();
        log.put("discussed", Map.of(
                "salesStatus", Map.of("note", "UHT milk up 12% on last year; the manager wants the end cap kept"),
                "marketAndCompetitors", Map.of("note", "Bright Dairy runs buy-two-get-one on 250 ml"),
                "problemsAndSolutions", Map.of("note", "Two yoghurt out-of-stocks; order twice a week")));
        log.put("wentTo", Map.of(
                "shelf", Map.of("note", "14 of 15 SKUs on shelf"),
                "tradeFlow", Map.of("note", "Four days of stock in the back store"),
                "staffTraining", Map.of("notApplicableReason", "Promoters off for the stocktake")));
        log.put("outcome", "PARTLY_MET");
        log.put("outcomeNote", "End cap kept for March");
        return log;
    }

    /** The visit's view, which fails the test unless it answers 200. */
    protected JsonNode visit(String id) {
        var response = nora.get("/api/visits/" + id);
        if (response.status() != 200) {
            throw new AssertionError("visit " + id + ": " + response.status() + " " + response.body());
        }
        return response.body();
    }

    /** The items of a listing, which fails the test unless it answers 200. */
    protected static List<JsonNode> items(Api.Response response) {
        if (response.status() != 200) {
            throw new AssertionError(response.status() + " " + response.body());
        }
        return response.body().path("items").valueStream().toList();
    }

    /** Waits until the account's events on kam.visits.v1 satisfy the condition, and returns them in order. */
    protected static List<EventEnvelope> awaitEvents(UUID accountId, Predicate<List<EventEnvelope>> condition) {
        return Awaitility.await("visits events of " + accountId).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> TopicReader.readAll(VisitEvents.TOPIC).stream()
                        .filter(r -> accountId.toString().equals(r.key()))
                        .map(r -> CODEC.decode(r.value())).toList(), condition);
    }

    protected static List<String> types(List<EventEnvelope> events) {
        return events.stream().map(EventEnvelope::type).toList();
    }
}
