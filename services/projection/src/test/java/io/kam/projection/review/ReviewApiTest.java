package io.kam.projection.review;

import static io.kam.projection.AccountFixture.aNationalHypermarketChain;
import static io.kam.projection.AccountFixture.aRegionalSupermarketChain;
import static io.kam.projection.AccountFixture.aStoreOpened;
import static io.kam.projection.AccountFixture.classified;
import static io.kam.projection.AccountFixture.closed;
import static io.kam.projection.AccountFixture.stageChanged;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import io.kam.accounts.api.AccountEvents.StoreOpened;
import io.kam.accounts.api.AccountRole;
import io.kam.accounts.api.DevelopmentStage;
import io.kam.accounts.api.Region;
import io.kam.accounts.api.ValueTier;
import io.kam.projection.ReviewsTest;
import tools.jackson.databind.JsonNode;

/** What a client of /api/reviews relies on: problem details for bad requests, pages, filters. */
class ReviewApiTest extends ReviewsTest {

    @Test
    void anUnknownAccountIsNotFoundWithAProblemDetail() {
        UUID unknown = UUID.randomUUID();

        http.get().uri("/api/reviews/{id}", unknown).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.code").isEqualTo("not-found")
                .jsonPath("$.detail").isEqualTo("Account review " + unknown + " does not exist");
    }

    @Test
    void aMalformedAccountIdIsABadRequest() {
        http.get().uri("/api/reviews/not-a-uuid").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("accountId");
    }

    @Test
    void pageSizesOutsideOneTo200AndUnknownFilterValuesAreBadRequests() {
        http.get().uri("/api/reviews?size=201").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
        http.get().uri("/api/reviews?page=-1").exchange().expectStatus().isBadRequest();
        http.get().uri("/api/reviews?tier=D").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("tier");
    }

    @Test
    void theListComesInPagesThatTogetherHoldEveryReviewOnce() {
        for (int i = 0; i < 3; i++) {
            topic.publish(aNationalHypermarketChain(UUID.randomUUID(), "Paging Mart " + i));
        }
        api.awaitCaughtUp();
        JsonNode everything = api.list("?size=200");
        long total = everything.get("totalItems").asLong();
        assertThat(total).isGreaterThanOrEqualTo(3).isLessThanOrEqualTo(200);
        assertThat(api.list("").get("size").asInt()).as("default page size").isEqualTo(50);

        List<String> paged = new ArrayList<>();
        JsonNode first = api.list("?size=2&page=0");
        assertThat(first.get("totalItems").asLong()).isEqualTo(total);
        assertThat(first.get("totalPages").asInt()).isEqualTo((int) ((total + 1) / 2));
        for (int page = 0; page < first.get("totalPages").asInt(); page++) {
            JsonNode one = api.list("?size=2&page=" + page);
            assertThat(one.get("page").asInt()).isEqualTo(page);
            assertThat(one.get("items").size()).isLessThanOrEqualTo(2);
            one.get("items").forEach(item -> paged.add(item.get("accountId").asString()));
        }

        assertThat(paged).as("pages in order give the whole list, each review once")
                .containsExactlyElementsOf(ids(everything));
        assertThat(api.list("?size=2&page=" + first.get("totalPages").asInt()).get("items")).isEmpty();
    }

    @Test
    void theListFiltersByRegionTierAndStage() {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        UUID storesInWest = UUID.randomUUID();
        UUID regionalInWest = UUID.randomUUID();
        UUID closedInWest = UUID.randomUUID();
        UUID storesInEast = UUID.randomUUID();
        topic.publish(aNationalHypermarketChain(storesInWest, "Filter West Hyper"));
        topic.publish(aStoreOpened(storesInWest, Region.WEST));
        topic.publish(classified(storesInWest, ValueTier.B, ValueTier.A, AccountRole.WHITE, now));
        topic.publish(stageChanged(storesInWest, DevelopmentStage.TARGET_EVALUATION, DevelopmentStage.PRODUCT_USER, now));
        topic.publish(aRegionalSupermarketChain(regionalInWest, "Filter West Fresh", Region.WEST));
        topic.publish(classified(regionalInWest, ValueTier.B, ValueTier.C, AccountRole.RED, now));
        topic.publish(aNationalHypermarketChain(closedInWest, "Filter Closed West"));
        StoreOpened closing = aStoreOpened(closedInWest, Region.WEST);
        topic.publish(closing);
        topic.publish(closed(closing));
        topic.publish(aNationalHypermarketChain(storesInEast, "Filter East Hyper"));
        topic.publish(aStoreOpened(storesInEast, Region.EAST));
        topic.publish(classified(storesInEast, ValueTier.B, ValueTier.A, AccountRole.WHITE, now));
        api.awaitCaughtUp();

        JsonNode west = api.list("?region=WEST&size=200");
        assertThat(ids(west)).contains(storesInWest.toString(), regionalInWest.toString())
                .doesNotContain(closedInWest.toString(), storesInEast.toString());

        JsonNode tierA = api.list("?tier=A&size=200");
        assertThat(ids(tierA)).contains(storesInWest.toString(), storesInEast.toString())
                .doesNotContain(regionalInWest.toString(), closedInWest.toString());
        tierA.get("items").forEach(item -> assertThat(item.get("tier").asString()).isEqualTo("A"));

        JsonNode productUsers = api.list("?stage=PRODUCT_USER&size=200");
        assertThat(ids(productUsers)).contains(storesInWest.toString()).doesNotContain(storesInEast.toString());
        productUsers.get("items").forEach(item -> assertThat(item.get("stage").asString()).isEqualTo("PRODUCT_USER"));

        JsonNode combined = api.list("?region=WEST&tier=A&stage=PRODUCT_USER&size=200");
        assertThat(ids(combined)).contains(storesInWest.toString())
                .doesNotContain(regionalInWest.toString(), storesInEast.toString());
        JsonNode summary = combined.get("items").valueStream()
                .filter(item -> item.get("accountId").asString().equals(storesInWest.toString())).findFirst().orElseThrow();
        assertThat(summary.get("name").asString()).isEqualTo("Filter West Hyper");
        assertThat(summary.get("openStores").asLong()).isEqualTo(1);
        assertThat(summary.get("role").asString()).isEqualTo("WHITE");
        assertThat(summary.get("eventsApplied").asLong()).isEqualTo(4);
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items").valueStream().map(item -> item.get("accountId").asString()).toList();
    }
}
