package io.kam.projection.rebuild;

import static io.kam.projection.AccountFixture.aNationalHypermarketChain;
import static io.kam.projection.AccountFixture.aStoreOpened;
import static io.kam.projection.RelationshipFixture.heatAssessed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

import io.kam.accounts.api.AccountEvents;
import io.kam.accounts.api.AccountEvents.AccountEvent;
import io.kam.accounts.api.Region;
import io.kam.platform.testing.TopicWriter;
import io.kam.projection.ProjectionServiceTest;
import io.kam.projection.ReviewsApi;

/**
 * A rebuild while events keep flowing builds aside and swaps: a reader polling the reviews all along never gets an
 * error, an unknown account or a review that knows fewer events than it showed before; the new events are all in the
 * rebuilt tables; and the result is what a replay of the topics into nothing else gives.
 */
@ProjectionServiceTest
class RebuildAsideTest {

    private static final int ACCOUNTS = 12;
    private static final Instant T0 = Instant.parse("2026-06-01T02:00:00Z");

    @Autowired
    RestTestClient http;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void reviewsStayWholeAndReadableDuringARebuildUnderLoadWhichEndsEqualToAFreshReplay() throws Exception {
        TopicWriter<AccountEvent> topic = TopicWriter.of(AccountEvents.CATALOG);
        ReviewsApi api = new ReviewsApi(http);
        List<UUID> accounts = new ArrayList<>();
        Map<UUID, AtomicLong> published = new ConcurrentHashMap<>();
        Map<UUID, AtomicInteger> lastScore = new ConcurrentHashMap<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            UUID account = UUID.randomUUID();
            accounts.add(account);
            topic.publish(aNationalHypermarketChain(account, "Aside " + i));
            topic.publish(aStoreOpened(account, Region.EAST));
            topic.publish(heatAssessed(account, 60, T0));
            published.put(account, new AtomicLong(3));
            lastScore.put(account, new AtomicInteger(60));
        }
        accounts.forEach(account -> api.awaitEventsApplied(account, 3));

        Queue<ProjectionSwapped> swapped = new ConcurrentLinkedQueue<>();
        ApplicationListener<org.springframework.context.PayloadApplicationEvent<ProjectionSwapped>> listener =
                ApplicationListener.forPayload(swapped::add);
        context.addApplicationListener(listener);
        ScheduledExecutorService load = Executors.newScheduledThreadPool(2);
        Queue<String> readerFailures = new ConcurrentLinkedQueue<>();
        Map<UUID, Long> seen = new ConcurrentHashMap<>();
        AtomicLong reads = new AtomicLong();
        AtomicLong writesDuringRebuild = new AtomicLong();
        AtomicInteger step = new AtomicInteger();
        try {
            load.scheduleAtFixedRate(() -> {
                int n = step.incrementAndGet();
                UUID account = accounts.get(n % ACCOUNTS);
                int score = 50 + n % 50;
                topic.publish(heatAssessed(account, score, T0.plusSeconds(60L * n)));
                lastScore.get(account).set(score);
                published.get(account).incrementAndGet();
                writesDuringRebuild.incrementAndGet();
            }, 0, 20, TimeUnit.MILLISECONDS);
            load.scheduleWithFixedDelay(() -> {
                UUID account = accounts.get((int) (reads.incrementAndGet() % ACCOUNTS));
                try {
                    EntityExchangeResult<String> result = http.get().uri("/api/reviews/{id}", account).exchange()
                            .returnResult(String.class);
                    if (!result.getStatus().is2xxSuccessful()) {
                        readerFailures.add(account + ": " + result.getStatus() + " " + result.getResponseBody());
                        return;
                    }
                    JsonNode review = api.parse(result.getResponseBody());
                    long applied = review.get("eventsApplied").asLong();
                    long before = seen.getOrDefault(account, 3L);
                    if (applied < before || review.get("heat").isNull()) {
                        readerFailures.add(account + " knew " + before + " events, now " + applied + ": " + review);
                    }
                    seen.merge(account, applied, Math::max);
                } catch (RuntimeException | AssertionError e) {
                    readerFailures.add(account + ": " + e);
                }
            }, 0, 5, TimeUnit.MILLISECONDS);
            await("load under way").atMost(ReviewsApi.PATIENCE).until(() -> writesDuringRebuild.get() > 10 && reads.get() > 10);
            writesDuringRebuild.set(0);

            JsonNode started = api.parse(http.post().uri("/api/reviews/rebuild").exchange()
                    .expectStatus().isAccepted().returnResult(String.class).getResponseBody());
            assertThat(started.get("state").asString()).isEqualTo("RUNNING");
            JsonNode done = await("rebuild done").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                    .until(api::rebuildStatus, status -> !status.get("state").asString().equals("RUNNING"));
            assertThat(done.get("state").asString()).as("rebuild status %s", done).isEqualTo("DONE");
            assertThat(done.get("replayed").asLong()).isGreaterThanOrEqualTo(started.get("remainingLag").asLong());
            assertThat(writesDuringRebuild.get()).as("events published while the rebuild ran").isPositive();
            long readsAfterSwap = reads.get();
            await("reads after the swap").atMost(ReviewsApi.PATIENCE).until(() -> reads.get() > readsAfterSwap + 20);
        } finally {
            load.shutdown();
            assertThat(load.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            context.removeApplicationListener(listener);
        }
        assertThat(readerFailures).as("what the reader got in %s reads", reads.get()).isEmpty();
        assertThat(swapped).as("the swap announced once").hasSize(1);
        assertThat(swapped.peek().eventsReplayed()).isPositive();
        assertThat(jdbc.sql("select count(*) from pg_namespace where nspname in ('projection_rebuild', 'projection_retired')")
                .query(Long.class).single()).as("the aside and the old sets dropped").isZero();

        Map<UUID, String> afterLoad = new LinkedHashMap<>();
        for (UUID account : accounts) {
            JsonNode review = api.awaitEventsApplied(account, published.get(account).get());
            assertThat(review.at("/heat/score").asInt()).as("the last assessment of %s", account)
                    .isEqualTo(lastScore.get(account).get());
            assertThat(jdbc.sql("select count(*) from review_journal where account_id = ?").param(account)
                    .query(Long.class).single()).as("journaled once each").isEqualTo(published.get(account).get());
            afterLoad.put(account, api.reviewJson(account).orElseThrow());
        }
        api.awaitCaughtUp();
        String list = api.listJson("?size=200");

        http.post().uri("/api/reviews/rebuild").exchange().expectStatus().isAccepted();
        JsonNode fresh = await("fresh replay done").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(api::rebuildStatus, status -> !status.get("state").asString().equals("RUNNING"));
        assertThat(fresh.get("state").asString()).as("rebuild status %s", fresh).isEqualTo("DONE");
        afterLoad.forEach((account, review) -> assertThat(api.reviewJson(account))
                .as("the review of %s after a fresh replay", account).contains(review));
        assertThat(api.listJson("?size=200")).isEqualTo(list);
    }
}
