package io.kam.projection;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The service's HTTP API as a client sees it, with waiting for the projection to catch up. */
public final class ReviewsApi {

    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private final RestTestClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    public ReviewsApi(RestTestClient http) {
        this.http = http;
    }

    /** The review's JSON as served, or empty while the account is unknown. */
    public Optional<String> reviewJson(UUID accountId) {
        EntityExchangeResult<String> result = http.get().uri("/api/reviews/{id}", accountId).exchange()
                .returnResult(String.class);
        if (result.getStatus().isSameCodeAs(HttpStatus.NOT_FOUND)) {
            return Optional.empty();
        }
        if (!result.getStatus().is2xxSuccessful()) {
            throw new AssertionError("GET review " + accountId + ": " + result.getStatus() + " " + result.getResponseBody());
        }
        return Optional.ofNullable(result.getResponseBody());
    }

    /** The review as served with a query (such as {@code ?year=2026}); it must exist. */
    public JsonNode review(UUID accountId, String query) {
        return json.readTree(http.get().uri("/api/reviews/" + accountId + query).exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody());
    }

    /** Waits until the account's review satisfies the condition, and returns it. */
    public JsonNode awaitReview(UUID accountId, Predicate<JsonNode> condition) {
        return await("review of " + accountId).atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> reviewJson(accountId).map(json::readTree).orElse(null),
                        review -> review != null && condition.test(review));
    }

    /** Waits until the review reflects this many events. */
    public JsonNode awaitEventsApplied(UUID accountId, long events) {
        return awaitReview(accountId, review -> review.get("eventsApplied").asLong() == events);
    }

    /** Waits until the review's execution section reflects this many visits events, and returns the section. */
    public JsonNode awaitVisitsApplied(UUID accountId, long events) {
        return awaitReview(accountId, review -> review.at("/execution/eventsApplied").asLong() == events)
                .get("execution");
    }

    /** Waits until the review's promotions section reflects this many promotions events, and returns the review. */
    public JsonNode awaitPromotionsApplied(UUID accountId, long events) {
        return awaitReview(accountId, review -> review.at("/promotions/eventsApplied").asLong() == events);
    }

    /**
     * Waits until the review's trade-spend section (as a national KA manager sees it) reflects this many negotiations
     * events, and returns the review.
     */
    public JsonNode awaitNegotiationsApplied(UUID accountId, long events) {
        return awaitReview(accountId, review -> review.at("/tradeSpend/eventsApplied").asLong() == events);
    }

    public String listJson(String query) {
        return http.get().uri("/api/reviews" + query).exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
    }

    public JsonNode list(String query) {
        return json.readTree(listJson(query));
    }

    public JsonNode rebuildStatus() {
        return json.readTree(http.get().uri("/api/reviews/rebuild").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody());
    }

    /** The actuator's metrics are for operators (kam-security), not for the managers the client calls as. */
    private static void asOperator(org.springframework.http.HttpHeaders headers) {
        headers.setBearerAuth(io.kam.platform.testing.TestTokens.operator());
    }

    /** The consumer-lag gauge as the metrics endpoint shows it. */
    public double lag() {
        String body = http.get().uri("/actuator/metrics/kam.projection.consumer.lag").headers(ReviewsApi::asOperator).exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseBody();
        return json.readTree(body).get("measurements").get(0).get("value").asDouble();
    }

    /** The consumer-lag gauge of one topic. */
    public double lag(String topic) {
        String body = http.get().uri("/actuator/metrics/kam.projection.consumer.lag?tag=topic:{topic}", topic)
                .headers(ReviewsApi::asOperator).exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseBody();
        return json.readTree(body).get("measurements").get(0).get("value").asDouble();
    }

    /** The topics the consumer-lag gauge is kept for, as the metrics endpoint lists them. */
    public java.util.Set<String> lagTopics() {
        String body = http.get().uri("/actuator/metrics/kam.projection.consumer.lag").headers(ReviewsApi::asOperator).exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseBody();
        java.util.Set<String> topics = new java.util.TreeSet<>();
        for (JsonNode tag : json.readTree(body).get("availableTags")) {
            if (tag.get("tag").asString().equals("topic")) {
                tag.get("values").forEach(value -> topics.add(value.asString()));
            }
        }
        return topics;
    }

    /** Waits until every event published so far on the topics the projection reads has been projected. */
    public void awaitCaughtUp() {
        await("consumer lag 0").atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> lag() == 0.0);
    }

    /** The prospect pipeline as a national KA manager sees it, with a query such as {@code ?from=2019-03-01}. */
    public JsonNode pipeline(String query) {
        return json.readTree(http.get().uri("/api/reviews/pipeline" + query).exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody());
    }

    public String pipelineJson(String query) {
        return http.get().uri("/api/reviews/pipeline" + query).exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
    }

    public RestTestClient http() {
        return http;
    }

    public JsonNode parse(String body) {
        return json.readTree(body);
    }
}
