package io.kam.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import io.kam.accounts.AccountsApplication;
import io.kam.platform.testing.Api;
import io.kam.platform.testing.KamInfrastructure;
import io.kam.platform.testing.RunningService;
import io.kam.platform.testing.TestTokens;
import io.kam.projection.ProjectionApplication;
import io.kam.prospects.ProspectsApplication;
import io.kam.prospects.api.ProspectEvents;

/**
 * Winning a new retailer, end to end through the real broker: a prospect referred by an existing account is
 * screened and converted; the accounts service opens the account with the proposed classification; the business
 * review shows where it came from. A conversion delivered twice still opens one account.
 */
class ProspectToAccountTest {

    private static RunningService accounts;
    private static RunningService prospects;
    private static RunningService projection;
    private static Api accountsApi;
    private static Api prospectsApi;
    private static Api reviewsApi;

    @BeforeAll
    static void startServices() {
        accounts = RunningService.start(AccountsApplication.class, "system2_accounts", Map.of());
        prospects = RunningService.start(ProspectsApplication.class, "system2_prospects", Map.of());
        projection = RunningService.start(ProjectionApplication.class, "system2_projection", Map.of());
        accountsApi = new Api(accounts.port()).as(TestTokens.nora());
        prospectsApi = new Api(prospects.port()).as(TestTokens.nora());
        reviewsApi = new Api(projection.port()).as(TestTokens.nora());
    }

    @AfterAll
    static void stopServices() {
        for (RunningService service : new RunningService[] {projection, prospects, accounts}) {
            if (service != null) {
                service.close();
            }
        }
    }

    @Test
    void aConvertedProspectBecomesAnAccountOnceAndItsReviewShowsItsOrigin() {
        String referrer = accountsApi.post("/api/accounts", Map.of("name", "Yangtze Hyper " + UUID.randomUUID(),
                "banner", "Yangtze Hyper", "format", "HYPERMARKET",
                "headquarters", Map.of("street", "88 Century Avenue", "city", "Shanghai"), "scope", "NATIONAL",
                "owner", "nora")).text("id");
        await("the referrer known to prospects").atMost(Duration.ofSeconds(60)).until(() -> JdbcClient
                .create(prospects.bean(javax.sql.DataSource.class)).sql("select count(*) from known_account where id = ?")
                .param(UUID.fromString(referrer)).query(Long.class).single() == 1);
        prospectsApi.put("/api/prospects/criteria/EAST", Map.of("qualifyingScore", 60, "criteria", List.of(
                Map.of("key", "contribution", "name", "Business contribution", "weight", 60, "scaleMax", 5),
                Map.of("key", "potential", "name", "Growth potential", "weight", 40, "scaleMax", 5))), null);
        var found = prospectsApi.post("/api/prospects", Map.of("companyName", "Ningbo Harbour Fresh " + UUID.randomUUID(),
                "channel", "SUPERMARKET", "address", Map.of("street", "18 Zhongshan East Road", "city", "Ningbo"),
                "region", "EAST", "source", "REFERRAL", "referringAccountId", referrer,
                "profile", Map.of("estimatedAnnualVolume", 8_500_000)));
        String path = found.headers().getLocation().getPath();
        var rated = prospectsApi.put(path + "/ratings", Map.of("ratings", Map.of("contribution", 5, "potential", 4)), found.etag());
        var screened = prospectsApi.put(path + "/stage", Map.of("stage", "SCREENED"), rated.etag());
        var converted = prospectsApi.post(path + "/conversion", null, screened.etag());
        String accountId = converted.text("accountId");

        JsonNode account = await("account opened").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> accountsApi.get("/api/accounts/" + accountId), r -> r.status() == 200).body();
        assertThat(converted.status()).isEqualTo(200);
        assertThat(account.path("name").asString()).isEqualTo(found.body().at("/details/companyName").asString());
        assertThat(account.path("homeRegion").asString()).isEqualTo("EAST");
        assertThat(account.path("tier").asString()).as("score 92 proposes tier A").isEqualTo("A");
        assertThat(account.path("role").asString()).isEqualTo("RED");
        await("the prospect learns its account was opened").atMost(Duration.ofSeconds(60))
                .until(() -> prospectsApi.get(path).body().path("accountOpened").asBoolean());

        JsonNode review = awaitReview(accountId, r -> !r.path("origin").isNull() && r.path("origin").has("source"));
        assertThat(review.at("/origin/source").asString()).isEqualTo("REFERRAL");
        assertThat(review.at("/origin/referringAccountId").asString()).isEqualTo(referrer);

        // The conversion delivered again, as a relay that crashed before marking it would: still one account.
        JdbcClient.create(prospects.bean(javax.sql.DataSource.class))
                .sql("update kam_outbox set published_at = null where record_key = ?").param(accountId).update();
        await("the re-published conversion is read by the accounts service").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).until(() -> republishedAndConsumed(accountId));
        assertThat(accountsApi.get("/api/accounts?size=200").body().path("items").valueStream()
                .filter(a -> a.path("name").asString().equals(account.path("name").asString())).count()).isEqualTo(1);
        assertThat(reviewsApi.get("/api/reviews/pipeline?region=EAST").body().path("conversionRate").isNull()).isFalse();
    }

    /**
     * The relay has published the conversion again, and the accounts service's consumer group has read
     * kam.prospects.v1 to its end since, the repeat included.
     */
    private static boolean republishedAndConsumed(String accountId) throws Exception {
        boolean republished = JdbcClient.create(prospects.bean(javax.sql.DataSource.class))
                .sql("select bool_and(published_at is not null) from kam_outbox where record_key = ?").param(accountId)
                .query(Boolean.class).single();
        if (!republished) {
            return false;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KamInfrastructure.get().bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("accounts")
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            for (int p = 0; p < ProspectEvents.CATALOG.partitions(); p++) {
                latest.put(new TopicPartition(ProspectEvents.TOPIC, p), OffsetSpec.latest());
            }
            var ends = admin.listOffsets(latest).all().get();
            return ends.entrySet().stream().allMatch(end -> end.getValue().offset() == 0
                    || committed.containsKey(end.getKey()) && committed.get(end.getKey()).offset() >= end.getValue().offset());
        }
    }

    private static JsonNode awaitReview(String account, Predicate<JsonNode> condition) {
        return await("review of " + account).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    var response = reviewsApi.get("/api/reviews/" + account);
                    return response.status() == 200 ? response.body() : null;
                }, review -> review != null && condition.test(review));
    }
}
