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
import io.kam.platform.calendar.MarketCalendar;
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
    void anApprovedPlanItsProgressHeatAndWeakWallShowInTheBusinessReview() {
        UUID account = openAccount("Golden Lotus Hypermarkets");
        String base = "/api/accounts/" + account;
        Api nate = new Api(accounts.port()).as(TestTokens.nate());
        int year = LocalDate.now(MarketCalendar.ZONE).getYear();
        var draft = accountsApi.post(base + "/plans", Map.of("year", year,
                "targets", List.of(Map.of("kpi", "SELL_THROUGH_VALUE", "value", 1_200_000, "baseline", 1_000_000)),
                "phasing", List.of(100_000, 100_000, 100_000, 100_000, 100_000, 100_000, 100_000, 100_000, 100_000,
                        100_000, 100_000, 100_000),
                "dependsOn", List.of("MARKETING"),
                "actionItems", List.of(Map.of("what", "Mid-autumn display in every store", "owner", "nora",
                        "due", year + "-09-15", "servesKpi", "SELL_THROUGH_VALUE"))));
        String v1 = base + "/plans/" + year + "/versions/1";
        var submitted = accountsApi.post(v1 + "/submit", null, draft.etag());
        var approved = nate.post(v1 + "/approve", null, submitted.etag());
        accountsApi.post(base + "/plans/" + year + "/actions/" + draft.body().at("/actionItems/0/itemId").asString()
                + "/progress", Map.of("status", "DONE"));
        accountsApi.post(base + "/heat", Map.of("factors", List.of(
                Map.of("factor", "PRODUCT_USE", "rating", 12), Map.of("factor", "DEALINGS", "rating", 14),
                Map.of("factor", "EVENT_ATTENDANCE", "rating", 6), Map.of("factor", "BRAND_REGARD", "rating", 15),
                Map.of("factor", "REPRESENTATIVE_VIEW", "rating", 11))));
        accountsApi.put(base + "/wall/MARKETING/DIRECTOR", Map.of("strength", 1), "*");

        JsonNode review = awaitReview(account, r -> !r.path("heat").isNull() && r.path("wall").path("cells").size() == 1
                && r.at("/actions/byStatus/DONE").asInt() == 1);

        assertThat(approved.status()).isEqualTo(200);
        assertThat(review.at("/plan/year").asInt()).isEqualTo(year);
        assertThat(review.at("/plan/approvedBy").asString()).isEqualTo("nate");
        assertThat(review.at("/plan/sellThrough/annualTarget").decimalValue()).isEqualByComparingTo("1200000");
        assertThat(review.at("/plan/sellThrough/months").size()).isEqualTo(12);
        assertThat(review.at("/actions/percentDone").asInt()).isEqualTo(100);
        assertThat(review.at("/heat/score").asInt()).isEqualTo(58);
        assertThat(review.at("/heat/trend").asString()).isEqualTo("FIRST");
        assertThat(review.at("/wall/findings").valueStream().map(f -> f.path("reason").asString()).toList())
                .containsExactly("WEAK_TIES", "NO_RECENT_CONTACT");
        assertThat(review.path("timeline").valueStream().map(e -> e.path("kind").asString()).toList())
                .contains("PLAN_SUBMITTED", "PLAN_APPROVED");
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
