package io.kam.visits;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

import io.kam.accounts.api.AccountEvents.AccountClassified;
import io.kam.accounts.api.AccountEvents.AccountEvent;
import io.kam.accounts.api.AccountEvents.AccountOpened;
import io.kam.accounts.api.AccountEvents.StoreClosed;
import io.kam.accounts.api.AccountEvents.StoreOpened;
import io.kam.accounts.api.AccountRole;
import io.kam.accounts.api.AccountScope;
import io.kam.accounts.api.AccountStatus;
import io.kam.accounts.api.Address;
import io.kam.accounts.api.DevelopmentStage;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import io.kam.accounts.api.ValueTier;
import io.kam.platform.testing.Api;
import io.kam.platform.testing.TopicWriter;

/**
 * Accounts and stores as the accounts service announces them on kam.accounts.v1, each call waiting until the visits
 * service has taken the event in. Names and codes are unique, because test classes share one database.
 */
public final class StoreMasterFixture {

    private final TopicWriter<AccountEvent> topic;
    private final Api manager;

    StoreMasterFixture(TopicWriter<AccountEvent> topic, Api manager) {
        this.topic = topic;
        this.manager = manager;
    }

    /** A national hypermarket chain, classified into the tier (unclassified when null). */
    public UUID anAccount(ValueTier tier) {
        UUID account = UUID.randomUUID();
        topic.publish(new AccountOpened(account, "Yangtze Hypermarket " + account.toString().substring(0, 8),
                "Yangtze Hyper", RetailFormat.HYPERMARKET, "Domestic private",
                new Address("88 Century Avenue", "Shanghai", "Shanghai", "200120"), AccountScope.NATIONAL, null, "nora",
                AccountStatus.ACTIVE, DevelopmentStage.PRODUCT_USER));
        if (tier != null) {
            classify(account, tier, null);
        }
        await("account " + account, () -> manager.get("/api/visits/accounts/" + account + "/skus").status() == 200);
        return account;
    }

    public void classify(UUID account, ValueTier tier, ValueTier previous) {
        topic.publish(new AccountClassified(account, tier, AccountRole.WHITE, previous, null, "volume", "nora",
                Instant.parse("2026-03-01T00:00:00Z")));
    }

    /** Opens a store that opened for trade long ago, and waits until the schedule knows it. */
    public UUID openStore(UUID account, Region region, RetailFormat format) {
        return openStore(account, region, format, LocalDate.of(2020, 5, 1));
    }

    public UUID openStore(UUID account, Region region, RetailFormat format, LocalDate openingDate) {
        UUID store = UUID.randomUUID();
        topic.publish(new StoreOpened(account, store, "S-" + store.toString().substring(0, 8), "Store " + store,
                "Hangzhou", region, format, openingDate));
        awaitStore(account, store, s -> s.path("open").asBoolean());
        return store;
    }

    public void closeStore(UUID account, UUID store, Region region, LocalDate closedOn) {
        topic.publish(new StoreClosed(account, store, "S-" + store.toString().substring(0, 8), region, closedOn,
                "Lease not renewed"));
        awaitStore(account, store, s -> !s.path("open").asBoolean());
    }

    /** Waits until the store, as the schedule lists it, satisfies the condition; returns it. */
    public JsonNode awaitStore(UUID account, UUID store, Predicate<JsonNode> condition) {
        JsonNode[] found = new JsonNode[1];
        await("store " + store, () -> {
            var response = manager.get("/api/visits/stores?accountId=" + account + "&size=1000");
            for (JsonNode s : response.body().path("items")) {
                if (s.path("storeId").asString().equals(store.toString()) && condition.test(s)) {
                    found[0] = s;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private static void await(String what, Callable<Boolean> condition) {
        Awaitility.await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(condition);
    }
}
