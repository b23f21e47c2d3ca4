package io.kam.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.kam.accounts.AccountsApplication;
import io.kam.accounts.api.AccountEvents;
import io.kam.accounts.api.AccountRequests;
import io.kam.accounts.api.AccountScope;
import io.kam.accounts.api.Address;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import io.kam.platform.outbox.OutboxRelay;
import io.kam.platform.testing.Api;
import io.kam.platform.testing.RunningService;
import io.kam.platform.testing.TestTokens;
import io.kam.platform.testing.TopicReader;
import io.kam.projection.ProjectionApplication;
import tools.jackson.databind.JsonNode;

/**
 * The accounts service and the projection together, each on its own database, through the real broker: what a
 * KA manager enters shows in the account's business review, and an outbox relay that stops or repeats itself
 * neither loses an event nor counts one twice.
 */
class AccountsToReviewsTest {

    private static RunningService accounts;
    private static RunningService projection;
    private static Api accountsApi;
    private static Api reviewsApi;

    @BeforeAll
    static void startServices() {
        accounts = RunningService.start(AccountsApplication.class, "system_accounts", Map.of());
        projection = RunningService.start(ProjectionApplication.class, "system_projection", Map.of());
        accountsApi = new Api(accounts.port()).as(TestTokens.nora());
        reviewsApi = new Api(projection.port()).as(TestTokens.nora());
    }

    @AfterAll
    static void stopServices() {
        if (projection != null) {
            projection.close();
        }
        if (accounts != null) {
            accounts.close();
        }
    }

    @Test
    void anAccountAndItsStoresShowInItsBusinessReview() {
        UUID account = openAccount("Jade Dragon Hypermarkets");
        accountsApi.post("/api/accounts/" + account + "/stores/bulk", new AccountRequests.OpenStores(List.of(
                store("JD-SH-01", Region.EAST), store("JD-HZ-01", Region.EAST), store("JD-GZ-01", Region.SOUTH))));
        var classified = accountsApi.put("/api/accounts/" + account + "/classification",
                Map.of("tier", "A", "role", "WHITE", "reason", "largest hypermarket chain in the East"), "\"0\"");
        accountsApi.put("/api/accounts/" + account + "/stage",
                Map.of("stage", "PRODUCT_USER", "evidence", "first national listing: 24 SKUs"), classified.etag());

        JsonNode review = awaitReview(account, r -> r.path("eventsApplied").asLong() == 6);

        assertThat(review.path("header").path("name").asString()).startsWith("Jade Dragon Hypermarkets");
        assertThat(review.path("stores").path("open").asLong()).isEqualTo(3);
        assertThat(review.path("stores").path("byRegion").path("EAST").asLong()).isEqualTo(2);
        assertThat(review.path("stores").path("byRegion").path("SOUTH").asLong()).isEqualTo(1);
        assertThat(review.path("classification").path("tier").asString()).isEqualTo("A");
        assertThat(review.path("stage").asString()).isEqualTo("PRODUCT_USER");
        assertThat(review.path("timeline").valueStream().map(e -> e.path("kind").asString()).toList()).hasSize(2);
        assertThat(reviewsApi.get("/api/reviews?tier=A&size=200").body().path("items").valueStream()
                .map(i -> i.path("accountId").asString())).contains(account.toString());
    }

    @Test
    void aRelayThatStopsMidStreamOrRepeatsItselfLosesNothingAndCountsNothingTwice() {
        UUID account = openAccount("Silk Road Wholesale");
        OutboxRelay relay = accounts.bean(OutboxRelay.class);
        for (int i = 0; i < 60; i++) {
            if (i == 20) {
                relay.stop();
            }
            if (i == 40) {
                relay.start();
            }
            var response = accountsApi.post("/api/accounts/" + account + "/stores", store("SR-" + i, Region.WEST));
            assertThat(response.status()).isEqualTo(201);
        }
        awaitReview(account, r -> r.path("stores").path("open").asLong() == 60 && r.path("eventsApplied").asLong() == 61);

        // A relay that crashed after the broker acknowledged but before it marked the rows publishes them again.
        JdbcClient.create(accounts.bean(javax.sql.DataSource.class))
                .sql("update kam_outbox set published_at = null where record_key = ?").param(account.toString()).update();
        await().atMost(Duration.ofSeconds(30)).until(() -> TopicReader.readAll(AccountEvents.TOPIC).stream()
                .filter(r -> account.toString().equals(r.key())).count() >= 122);
        String store = accountsApi.get("/api/accounts/" + account + "/stores?size=1").body().path("items").get(0).path("id").asString();
        accountsApi.post("/api/accounts/" + account + "/stores/" + store + "/closure", Map.of("reason", "Merged into SR-1"));

        // The closure comes after every repeat on the account's partition, so once it shows, all repeats were seen.
        JsonNode review = awaitReview(account, r -> r.path("stores").path("open").asLong() == 59);
        assertThat(review.path("eventsApplied").asLong()).as("each event applied exactly once").isEqualTo(62);
        assertThat(review.path("stores").path("byRegion").path("WEST").asLong()).isEqualTo(59);
    }

    private static UUID openAccount(String name) {
        var request = new AccountRequests.OpenAccount(name + " " + UUID.randomUUID().toString().substring(0, 8), name,
                RetailFormat.HYPERMARKET, "Domestic private",
                new Address("1 Nanjing Road", "Shanghai", "Shanghai", "200001"), AccountScope.NATIONAL, null, "nora", null, null);
        var created = accountsApi.post("/api/accounts", request);
        assertThat(created.status()).isEqualTo(201);
        return UUID.fromString(created.text("id"));
    }

    private static AccountRequests.OpenStore store(String code, Region region) {
        return new AccountRequests.OpenStore(code, "Store " + code, "Chengdu", region, RetailFormat.HYPERMARKET,
                LocalDate.of(2020, 1, 15));
    }

    private static JsonNode awaitReview(UUID account, Predicate<JsonNode> condition) {
        return await("review of " + account).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    var response = reviewsApi.get("/api/reviews/" + account);
                    return response.status() == 200 ? response.body() : null;
                }, review -> review != null && condition.test(review));
    }
}
