package io.kam.projection.review;

import static io.kam.projection.AccountFixture.aNationalHypermarketChain;
import static io.kam.projection.AccountFixture.aRegionalSupermarketChain;
import static io.kam.projection.AccountFixture.aStoreOpened;
import static io.kam.projection.AccountFixture.classified;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.kam.accounts.api.AccountEvents;
import io.kam.accounts.api.AccountEvents.AccountEvent;
import io.kam.accounts.api.AccountRole;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.ValueTier;
import io.kam.platform.testing.TestTokens;
import io.kam.platform.testing.TopicWriter;
import io.kam.projection.ProjectionServiceTest;
import io.kam.projection.ReviewsApi;
import io.kam.projection.rebuild.ProjectionSwapped;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The current reviews and rankings are served from kept bytes with an ETag: never stale once an event is applied,
 * 304 for a client that has the answer, and what one audience is served never reaches another.
 */
@ProjectionServiceTest
class ServedReviewsTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.test.web.servlet.client.RestTestClient http;
    @Autowired
    ReviewResponses served;
    @Autowired
    ApplicationEventPublisher events;

    private final TopicWriter<AccountEvent> topic = TopicWriter.of(AccountEvents.CATALOG);
    private UUID east;
    private UUID south;

    @BeforeEach
    void anEastAccountAndASouthOne() {
        east = UUID.randomUUID();
        south = UUID.randomUUID();
        topic.publish(aNationalHypermarketChain(east, "Served Mart " + east));
        topic.publish(aStoreOpened(east, Region.EAST));
        topic.publish(aRegionalSupermarketChain(south, "Served Pearl " + south, Region.SOUTH));
        new ReviewsApi(http).awaitEventsApplied(east, 2);
        new ReviewsApi(http).awaitEventsApplied(south, 1);
    }

    @AfterAll
    static void close() {
        CLIENT.close();
    }

    @Test
    void aRebuildsSwapLetsGoOfEveryKeptAnswerAndTheNextRequestIsAnsweredFromTheSwappedTables() {
        Answer before = get(TestTokens.nora(), "/api/reviews/" + east, null);
        get(TestTokens.nora(), "/api/reviews/ranking", null);
        assertThat(served.keptAnswers()).as("a review and a ranking kept").isGreaterThanOrEqualTo(2);

        events.publishEvent(new ProjectionSwapped(Instant.now(), 3));

        assertThat(served.keptAnswers()).as("kept after the swap").isZero();
        Answer after = get(TestTokens.nora(), "/api/reviews/" + east, null);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.text()).isEqualTo(before.text());
    }

    @Test
    void anAppliedEventIsVisibleOnTheVeryNextRequest() {
        Answer before = get(TestTokens.nora(), "/api/reviews/" + east, null);
        assertThat(get(TestTokens.nora(), "/api/reviews/" + east, null).etag()).as("kept").isEqualTo(before.etag());

        topic.publish(classified(east, ValueTier.B, ValueTier.A, AccountRole.RED, Instant.parse("2026-12-01T02:00:00Z")));
        awaitAppliedInTheDatabase(east, 3);
        Answer after = get(TestTokens.nora(), "/api/reviews/" + east, before.etag());

        assertThat(after.status()).as("changed since the client's copy").isEqualTo(200);
        assertThat(after.body().path("eventsApplied").asLong()).isEqualTo(3);
        assertThat(after.body().at("/classification/tier").asString()).isEqualTo("A");
        assertThat(after.etag()).isNotEqualTo(before.etag());
    }

    @Test
    void aClientThatHasTheCurrentReviewGetsNotModified() {
        Answer first = get(TestTokens.nora(), "/api/reviews/" + east, null);

        Answer again = get(TestTokens.nora(), "/api/reviews/" + east, first.etag());

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.etag()).matches("\"[0-9a-f]{32}\"");
        assertThat(first.cacheControl()).contains("private").contains("no-cache");
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.etag()).isEqualTo(first.etag());
        assertThat(again.text()).isEmpty();
        assertThat(get(TestTokens.nora(), "/api/reviews/" + east + "?year=2026", first.etag()).status())
                .as("another year is another answer").isEqualTo(200);
        assertThat(get(TestTokens.nora(), "/api/reviews/" + east + "?asOf=2026-12-31", first.etag()).status())
                .as("an as-of review is never 304").isEqualTo(200);
    }

    @Test
    void eachAudienceIsServedItsOwnBytesAndItsRefusalsStill() {
        topic.publish(classified(east, ValueTier.C, ValueTier.B, AccountRole.BLACK, Instant.parse("2026-12-01T02:00:00Z")));
        awaitAppliedInTheDatabase(east, 3);
        Answer nora = get(TestTokens.nora(), "/api/reviews/" + east, null);
        Answer eric = get(TestTokens.eric(), "/api/reviews/" + east, null);
        Answer retailer = get(TestTokens.integrationFor(east), "/api/reviews/" + east, null);

        for (int again = 0; again < 2; again++) {
            assertThat(get(TestTokens.eric(), "/api/reviews/" + east, nora.etag()).status())
                    .as("the manager's ETag is not the coordinator's").isEqualTo(200);
            assertThat(get(TestTokens.eric(), "/api/reviews/" + east, null).text()).isEqualTo(eric.text());
            assertThat(get(TestTokens.integrationFor(east), "/api/reviews/" + east, nora.etag()).status()).isEqualTo(200);
            assertThat(get(TestTokens.sofia(), "/api/reviews/" + east, null).status())
                    .as("another region's coordinator, with the review kept").isEqualTo(404);
            assertThat(get(TestTokens.sofia(), "/api/reviews/" + east, eric.etag()).status()).isEqualTo(404);
            assertThat(get(TestTokens.integrationFor(south), "/api/reviews/" + east, retailer.etag()).status())
                    .as("another retailer's integration").isEqualTo(404);
            assertThat(get(TestTokens.integration(), "/api/reviews/" + east, retailer.etag()).status())
                    .as("an integration bound to no retailer").isEqualTo(403);
        }
        assertThat(nora.body().at("/classification/tier").asString()).isEqualTo("B");
        assertThat(eric.body().path("tradeSpend").isNull()).as("terms are for managers").isTrue();
        assertThat(eric.etag()).isNotEqualTo(nora.etag());
        assertThat(eric.body().at("/classification/role").asString()).isEqualTo("BLACK");
        assertThat(retailer.body().at("/classification/tier").isNull()).as("the retailer-safe audience").isTrue();
        assertThat(retailer.body().at("/classification/role").isNull()).isTrue();
        assertThat(retailer.body().path("heat").isNull()).isTrue();
        assertThat(retailer.etag()).isNotIn(nora.etag(), eric.etag());
    }

    @Test
    void theRankingIsKeptUntilAnyEventIsAppliedAndStaysScoped() {
        Answer national = get(TestTokens.nora(), "/api/reviews/ranking", null);
        Answer eastOnly = get(TestTokens.eric(), "/api/reviews/ranking?region=EAST", null);
        assertThat(get(TestTokens.nora(), "/api/reviews/ranking", national.etag()).status()).isEqualTo(304);
        assertThat(ids(national)).contains(east.toString(), south.toString());
        assertThat(ids(eastOnly)).contains(east.toString()).doesNotContain(south.toString());
        assertThat(get(TestTokens.eric(), "/api/reviews/ranking?region=SOUTH", null).status()).isEqualTo(403);
        assertThat(get(TestTokens.eric(), "/api/reviews/ranking?by=TRADE_SPEND", null).status()).isEqualTo(403);
        assertThat(get(TestTokens.integrationFor(east), "/api/reviews/ranking", null).status()).isEqualTo(403);
        assertThat(get(TestTokens.eric(), "/api/reviews/ranking", national.etag()).status())
                .as("the coordinator's ranking is not the manager's").isEqualTo(200);

        UUID opened = UUID.randomUUID();
        topic.publish(aNationalHypermarketChain(opened, "Served Newcomer " + opened));
        awaitAppliedInTheDatabase(opened, 1);
        Answer after = get(TestTokens.nora(), "/api/reviews/ranking", national.etag());

        assertThat(after.status()).isEqualTo(200);
        assertThat(ids(after)).contains(opened.toString());
    }

    @Test
    void rankingsAskedTogetherAreComputedOnceAndAgree() throws Exception {
        topic.publish(aStoreOpened(south, Region.SOUTH));
        awaitAppliedInTheDatabase(south, 2);

        List<java.util.concurrent.Future<Answer>> asked = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 16; i++) {
                asked.add(pool.submit(() -> get(TestTokens.nora(), "/api/reviews/ranking?by=HEAT", null)));
            }
        }
        List<Answer> answers = new java.util.ArrayList<>();
        for (var answer : asked) {
            answers.add(answer.get());
        }
        assertThat(answers).extracting(Answer::status).containsOnly(200);
        assertThat(answers).extracting(Answer::etag).containsOnly(answers.getFirst().etag());
        assertThat(answers).extracting(Answer::text).containsOnly(answers.getFirst().text());
    }

    private List<String> ids(Answer ranking) {
        return ranking.body().path("accounts").valueStream().map(a -> a.path("accountId").asString()).toList();
    }

    /** Waits on the projection's own table, not on the API: the next request must already see the event. */
    private void awaitAppliedInTheDatabase(UUID account, long events) {
        await().atMost(ReviewsApi.PATIENCE).until(() -> jdbc.sql("select count(*) from review_event where account_id = ?")
                .param(account).query(Long.class).single() >= events);
    }

    private Answer get(String token, String path, String ifNoneMatch) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token);
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Cache-Control").orElse(""), response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Answer(int status, String etag, String cacheControl, String text) {
        JsonNode body() {
            return JSON.readTree(text);
        }
    }
}
