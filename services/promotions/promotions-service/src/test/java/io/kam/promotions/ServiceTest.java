package io.kam.promotions;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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
import io.kam.accounts.api.AccountEvents.StoreClosed;
import io.kam.accounts.api.AccountEvents.StoreOpened;
import io.kam.accounts.api.AccountScope;
import io.kam.accounts.api.AccountStatus;
import io.kam.accounts.api.Address;
import io.kam.accounts.api.DevelopmentStage;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.events.EventCodec;
import io.kam.platform.events.EventEnvelope;
import io.kam.platform.testing.Api;
import io.kam.platform.testing.TestTokens;
import io.kam.platform.testing.TopicReader;
import io.kam.platform.testing.TopicWriter;
import io.kam.platform.testing.UsesRealInfrastructure;
import io.kam.promotions.api.PromotionEvents;
import io.kam.visits.api.StoreCheckEvents.SkuListed;
import io.kam.visits.api.VisitEvents;
import io.kam.visits.api.VisitEvents.VisitEvent;

/** The promotions service on a random port, on its own real database and the shared real broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesRealInfrastructure(database = "promotions")
public abstract class ServiceTest {

    protected static final EventCodec CODEC = new EventCodec();
    /** A UHT milk SKU (EAN-13 with a valid check digit) and a yoghurt one. */
    protected static final String MILK = "6901234567892";
    protected static final String YOGHURT = "6920202888883";

    @LocalServerPort
    int port;
    @Autowired
    protected JdbcClient jdbc;

    protected final TopicWriter<AccountEvent> accounts = TopicWriter.of(AccountEvents.CATALOG).as("nora");
    protected final TopicWriter<VisitEvent> visits = TopicWriter.of(VisitEvents.CATALOG).as("nora");

    /** Nora and Nate, national KA managers. */
    protected Api nora;
    protected Api nate;
    /** Eric, coordinator of the East; Sofia, of the South. */
    protected Api eric;
    protected Api sofia;
    protected Api anonymous;

    @BeforeEach
    void clients() {
        anonymous = new Api(port);
        nora = anonymous.as(TestTokens.nora());
        nate = anonymous.as(TestTokens.nate());
        eric = anonymous.as(TestTokens.eric());
        sofia = anonymous.as(TestTokens.sofia());
    }

    /**
     * An account with its stores, as the accounts service announces them, and the milk and yoghurt SKUs listed for it,
     * as the visits service announces them; waits until this service knows them.
     */
    protected Chain aChain(Region... storeRegions) {
        UUID account = UUID.randomUUID();
        accounts.publish(new AccountOpened(account, "Yangtze Hypermarket " + account.toString().substring(0, 8),
                "Yangtze Hyper", RetailFormat.HYPERMARKET, "Domestic private",
                new Address("88 Century Avenue", "Shanghai", "Shanghai", "200120"), AccountScope.NATIONAL, null, "nora",
                AccountStatus.ACTIVE, DevelopmentStage.PRODUCT_USER));
        List<UUID> stores = new ArrayList<>();
        Map<UUID, Region> regions = new HashMap<>();
        for (int i = 0; i < storeRegions.length; i++) {
            UUID store = UUID.randomUUID();
            accounts.publish(new StoreOpened(account, store, "S" + (i + 1), "Store " + (i + 1), "Shanghai",
                    storeRegions[i], i % 2 == 0 ? RetailFormat.HYPERMARKET : RetailFormat.SUPERMARKET,
                    LocalDate.of(2020, 1, 1)));
            stores.add(store);
            regions.put(store, storeRegions[i]);
        }
        visits.publish(new SkuListed(account, "0" + MILK, "UHT milk 250 ml x 12", new BigDecimal("23.00")));
        visits.publish(new SkuListed(account, "0" + YOGHURT, "Set yoghurt 100 g x 8", new BigDecimal("16.80")));
        Awaitility.await("stores of " + account).atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from known_store where account_id = ?").param(account).query(Long.class).single()
                == storeRegions.length && jdbc.sql("select count(*) from known_account where id = ?").param(account)
                .query(Long.class).single() == 1 && jdbc.sql("select count(*) from known_listing where account_id = ?")
                .param(account).query(Long.class).single() == 2);
        return new Chain(account, List.copyOf(stores), Map.copyOf(regions));
    }

    protected void closeStore(Chain chain, UUID store) {
        accounts.publish(new StoreClosed(chain.id(), store, "S?", chain.regions().get(store), LocalDate.of(2026, 6, 30),
                "lease ended"));
        Awaitility.await("store " + store + " closed").atMost(Duration.ofSeconds(30)).until(() -> !jdbc.sql(
                "select open from known_store where id = ?").param(store).query(Boolean.class).single());
    }

    /**
     * A promotion of the chain in these stores over the in-store period, taken through its life as far as the
     * retailer's agreement: drafted and proposed by Nora, approved by Nate, agreed today (and so running already when
     * its period has begun). Its SKU is milk, unless
     * {@code gtins} name others. Returns its id.
     */
    protected String anAgreedPromotion(Chain chain, List<UUID> stores, LocalDate from, LocalDate to, String... gtins) {
        var drafted = nora.post("/api/promotions", PromotionFixture.draft(chain.id(),
                PromotionFixture.terms(stores, from, to, gtins)));
        String id = drafted.text("id");
        var proposed = nora.post("/api/promotions/" + id + "/proposal", null, drafted.etag());
        var approved = nate.post("/api/promotions/" + id + "/approval", null, proposed.etag());
        var agreed = nora.post("/api/promotions/" + id + "/agreement", Map.of("confirmedBy", "Wang Lei, dairy buyer",
                "confirmedOn", LocalDate.now(MarketCalendar.ZONE).toString(), "reference", "PO-" + id.substring(0, 8)),
                approved.etag());
        if (!List.of("AGREED", "RUNNING", "ENDED").contains(agreed.text("status"))) {
            throw new AssertionError("promotion " + id + " was not agreed: " + agreed.body());
        }
        return id;
    }

    /** An account and its stores, in the order they were opened. */
    public record Chain(UUID id, List<UUID> stores, Map<UUID, Region> regions) {
    }

    /** Waits until the events keyed by this account on kam.promotions.v1 satisfy the condition; returns them in order. */
    protected static List<EventEnvelope> awaitEvents(UUID account, Predicate<List<EventEnvelope>> condition) {
        return Awaitility.await("events of " + account).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> TopicReader.readAll(PromotionEvents.TOPIC).stream()
                        .filter(r -> account.toString().equals(r.key()))
                        .map(r -> CODEC.decode(r.value()))
                        .toList(), condition);
    }

    protected static List<String> types(List<EventEnvelope> events) {
        return events.stream().map(EventEnvelope::type).toList();
    }
}
