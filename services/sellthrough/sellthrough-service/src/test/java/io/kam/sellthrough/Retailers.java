package io.kam.sellthrough;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import io.kam.accounts.api.AccountEvents;
import io.kam.accounts.api.AccountEvents.AccountEvent;
import io.kam.accounts.api.AccountScope;
import io.kam.accounts.api.AccountStatus;
import io.kam.accounts.api.Address;
import io.kam.accounts.api.DevelopmentStage;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import io.kam.platform.events.EventCodec;

/**
 * Retailers as the accounts service announces them on {@code kam.accounts.v1}: an account and its stores, published
 * as its events, and awaited in this service's replica.
 */
public final class Retailers {

    private final KafkaTemplate<String, String> kafka;
    private final JdbcClient db;
    private final EventCodec codec = new EventCodec();

    Retailers(KafkaTemplate<String, String> kafka, JdbcClient db) {
        this.kafka = kafka;
        this.db = db;
    }

    /** A national hypermarket chain with the given stores, each opened on 2019-09-28, in the given region. */
    public UUID open(Region region, String... storeCodes) {
        UUID account = UUID.randomUUID();
        publish(new AccountEvents.AccountOpened(account, "Chain " + account, "Chain", RetailFormat.HYPERMARKET, null,
                new Address("88 Century Avenue", "Shanghai", null, null), AccountScope.NATIONAL, null, "nora",
                AccountStatus.ACTIVE, DevelopmentStage.TARGET_EVALUATION));
        for (String code : storeCodes) {
            openStore(account, code, region, LocalDate.of(2019, 9, 28));
        }
        awaitStores(account, storeCodes.length);
        return account;
    }

    public UUID openStore(UUID account, String code, Region region, LocalDate openingDate) {
        UUID store = UUID.randomUUID();
        publish(new AccountEvents.StoreOpened(account, store, code, code + " store", "Shanghai", region,
                RetailFormat.HYPERMARKET, openingDate));
        return store;
    }

    public void publish(AccountEvent event) {
        try {
            kafka.send(AccountEvents.TOPIC, event.accountId().toString(),
                    codec.encode(codec.wrap(AccountEvents.CATALOG, event, "tester", Instant.now()))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused the event", e.getCause());
        }
    }

    public void awaitStores(UUID account, int count) {
        Awaitility.await("the replica of " + account).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> db.sql("select count(*) from store where account_id = :a").param("a", account)
                        .query(Long.class).single() >= count
                        && db.sql("select count(*) from account where id = :a").param("a", account).query(Long.class).single() == 1);
    }
}
