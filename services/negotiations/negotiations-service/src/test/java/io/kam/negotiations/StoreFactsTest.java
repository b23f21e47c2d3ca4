package io.kam.negotiations;

import static io.kam.negotiations.NegotiationFixture.perStore;
import static io.kam.negotiations.NegotiationFixture.preparation;
import static io.kam.negotiations.NegotiationFixture.term;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.kam.accounts.api.AccountEvents.AccountOpened;
import io.kam.accounts.api.AccountEvents.StoreClosed;
import io.kam.accounts.api.AccountEvents.StoreOpened;
import io.kam.accounts.api.AccountScope;
import io.kam.accounts.api.AccountStatus;
import io.kam.accounts.api.Address;
import io.kam.accounts.api.DevelopmentStage;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;

/** The stores a per-store fee is counted on, as the accounts service announces them. */
class StoreFactsTest extends ServiceTest {

    @Test
    void aStoreAnnouncedWithoutItsOpeningDayIsPaidForAsOpenAllYearButNeverAsANewStore() {
        UUID account = UUID.randomUUID();
        accounts.publish(new AccountOpened(account, "Pearl River Fresh " + account.toString().substring(0, 8),
                "Pearl River", RetailFormat.SUPERMARKET, "Domestic private",
                new Address("1 Tianhe Road", "Guangzhou", "Guangdong", "510620"), AccountScope.NATIONAL, null, "nora",
                AccountStatus.ACTIVE, DevelopmentStage.PRODUCT_USER));
        // Given: a store the chain ran before it was recorded, announced first and without its opening day ...
        accounts.publish(store(account, "OLD", null));
        // ... one open since 2020, one opening in May 2027, and one that closed in 2026.
        accounts.publish(store(account, "S1", LocalDate.of(2020, 1, 1)));
        accounts.publish(store(account, "S2", LocalDate.of(2027, 5, 1)));
        UUID closed = UUID.randomUUID();
        accounts.publish(new StoreOpened(account, closed, "S3", "Store S3", "Guangzhou", Region.SOUTH,
                RetailFormat.SUPERMARKET, LocalDate.of(2019, 6, 1)));
        accounts.publish(new StoreClosed(account, closed, "S3", Region.SOUTH, LocalDate.of(2026, 8, 31), "lease ended"));
        Awaitility.await("the stores after the undated one").atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from known_store where account_id = ? and closed_on is not null").param(account)
                .query(Long.class).single() == 1);
        mapped(account, Map.of("新店费", "NEW_STORE_FEE", "DM费", "DM_FEE"));
        var opened = nora.post("/api/negotiations", Map.of("accountId", account, "year", 2027));
        assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);

        // When: a new-store fee of 8,000 and a DM fee of 1,000 per store are prepared as the opening position
        var prepared = nora.put("/api/negotiations/" + opened.text("id") + "/preparation", preparation(List.of(
                term("新店费", perStore("8000.00"), perStore("9000.00"), perStore("10000.00")),
                term("DM费", perStore("1000.00"), perStore("1200.00"), perStore("1500.00")))), opened.etag());

        // Then: the DM fee is paid for the three stores open in 2027 (the undated one among them), the new-store fee
        // for the one opening in 2027 only: 3 × 1,000 + 1 × 8,000.
        assertThat(prepared.status()).as(prepared.body().toString()).isEqualTo(200);
        assertThat(prepared.body().path("preparation").path("opening").path("annualCost").decimalValue())
                .isEqualByComparingTo("11000.00");
    }

    private static StoreOpened store(UUID account, String code, LocalDate openingDate) {
        return new StoreOpened(account, UUID.randomUUID(), code, "Store " + code, "Guangzhou", Region.SOUTH,
                RetailFormat.SUPERMARKET, openingDate);
    }
}
