package io.kam.projection.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.kam.accounts.api.AccountEvents;
import io.kam.accounts.api.AccountEvents.AccountEvent;
import io.kam.platform.events.EventCatalog.WireName;
import io.kam.platform.testing.EventSamples;
import io.kam.platform.testing.TopicWriter;
import io.kam.projection.ProjectionServiceTest;
import io.kam.projection.ReviewsApi;

/**
 * The accounts contract's own sample events, each one applied in catalog order, each with its effect: a change of
 * the review, or, where the review has nothing to show for it, counted as applied and changing nothing else.
 */
@ProjectionServiceTest
class SampleEventsTest {

    private static final String SAMPLE_TIME = "2026-03-02T01:15:30.120Z";
    /** When the plan and relationship samples happened. */
    private static final String PLAN_TIME = "2026-11-20T02:10:00.120Z";

    /**
     * What the review shows once the sample of each type has been applied after the ones before it. The samples name
     * one plan (2027, version 1) throughout: approved before the samples that edit its action items, which therefore
     * leave it as approved. The service's clock stands at 2027-01-01 in Shanghai and the wall allows 30 days without
     * contact.
     */
    private static final Map<String, Effect> EFFECTS = Map.ofEntries(
            shows("kam.account.opened", review -> {
                assertThat(review.at("/header/name").asString()).isEqualTo("Yangtze Hypermarket Group");
                assertThat(review.at("/header/banner").asString()).isEqualTo("Yangtze Hyper");
                assertThat(review.at("/header/scope").asString()).isEqualTo("NATIONAL");
                assertThat(review.at("/stage").asString()).isEqualTo("TARGET_EVALUATION");
            }),
            shows("kam.account.updated", review ->
                    assertThat(review.at("/header/banner").asString()).isEqualTo("Yangtze Hyper & Fresh")),
            shows("kam.store.opened", review -> {
                assertThat(review.at("/stores/open").asLong()).isEqualTo(1);
                assertThat(review.at("/stores/byRegion/EAST").asLong()).isEqualTo(1);
            }),
            shows("kam.store.closed", review -> {
                assertThat(review.at("/stores/open").asLong()).isZero();
                assertThat(review.at("/stores/byRegion/EAST").asLong()).isZero();
            }),
            shows("kam.contact.added", review -> {
                assertThat(review.at("/contacts/byDepartment/PURCHASING").asLong()).isEqualTo(1);
                assertThat(review.at("/contacts/byLevel/MANAGER").asLong()).isEqualTo(1);
            }),
            shows("kam.contact.changed", review -> {
                assertThat(review.at("/contacts/byDepartment/PURCHASING").asLong()).isEqualTo(1);
                assertThat(review.at("/contacts/byLevel/MANAGER").asLong()).isZero();
                assertThat(review.at("/contacts/byLevel/DIRECTOR").asLong()).isEqualTo(1);
            }),
            shows("kam.contact.removed", review -> {
                assertThat(review.at("/contacts/total").asLong()).isZero();
                assertThat(review.at("/contacts/byDepartment/PURCHASING").asLong()).isZero();
            }),
            shows("kam.account.classified", review -> {
                assertThat(review.at("/classification/tier").asString()).isEqualTo("A");
                assertThat(review.at("/classification/role").asString()).isEqualTo("WHITE");
                JsonNode change = review.at("/timeline/0");
                assertThat(change.get("kind").asString()).isEqualTo("CLASSIFICATION");
                assertThat(change.get("fromTier").asString()).isEqualTo("B");
                assertThat(change.get("toTier").asString()).isEqualTo("A");
                assertThat(change.get("by").asString()).isEqualTo("nora");
                assertThat(change.get("at").asString()).isEqualTo(SAMPLE_TIME);
                assertThat(change.get("reason").asString()).isEqualTo("Top three by volume this year at a 4% margin");
            }),
            shows("kam.account.stage-changed", review -> {
                assertThat(review.at("/stage").asString()).isEqualTo("PREFERRED_USER");
                assertThat(review.get("timeline")).hasSize(2);
                JsonNode change = review.at("/timeline/1");
                assertThat(change.get("kind").asString()).isEqualTo("STAGE");
                assertThat(change.get("fromStage").asString()).isEqualTo("PRODUCT_USER");
                assertThat(change.get("toStage").asString()).isEqualTo("PREFERRED_USER");
                assertThat(change.get("evidence").asString()).startsWith("Listed 42 SKUs");
            }),
            onlyCounted("kam.plan.drafted", "a draft is not the plan"),
            onlyCounted("kam.plan.targets-changed", "a draft's targets are not the plan's"),
            shows("kam.plan.submitted", review -> {
                assertThat(review.get("plan").isNull()).as("a submitted version is not the plan yet").isTrue();
                JsonNode submitted = review.at("/timeline/2");
                assertThat(submitted.get("kind").asString()).isEqualTo("PLAN_SUBMITTED");
                assertThat(submitted.get("by").asString()).isEqualTo("nora");
                assertThat(submitted.get("at").asString()).isEqualTo(PLAN_TIME);
                assertThat(submitted.get("planYear").asInt()).isEqualTo(2027);
                assertThat(submitted.get("planVersion").asInt()).isEqualTo(1);
            }),
            shows("kam.plan.approved", review -> {
                JsonNode plan = review.get("plan");
                assertThat(plan.get("year").asInt()).isEqualTo(2027);
                assertThat(plan.get("version").asInt()).isEqualTo(1);
                assertThat(plan.get("author").asString()).isEqualTo("nora");
                assertThat(plan.get("approvedBy").asString()).isEqualTo("nate");
                assertThat(plan.get("approvedAt").asString()).isEqualTo(PLAN_TIME);
                assertThat(plan.get("targets").valueStream().map(t -> t.get("kpi").asString()).toList())
                        .containsExactly("SELL_THROUGH_VALUE", "LISTED_SKUS", "SHELF_PRICE_INDEX", "TRADE_SPEND_RATE");
                assertThat(plan.at("/targets/2/target").decimalValue()).isEqualByComparingTo("98.5");
                assertThat(plan.at("/targets/3/unit").asString()).isEqualTo("PERCENT_OF_SALES");
                assertThat(plan.at("/targets/3/basis").asString()).isEqualTo("SALES_VALUE");
                assertThat(plan.at("/sellThrough/annualTarget").decimalValue()).isEqualByComparingTo("12000000");
                assertThat(plan.at("/sellThrough/months/2/target").decimalValue()).isEqualByComparingTo("1300000");
                assertThat(plan.get("dependsOn").valueStream().map(JsonNode::asString).toList())
                        .containsExactly("PURCHASING", "MARKETING", "STORE_OPERATIONS");
                assertThat(review.get("planYears").valueStream().map(JsonNode::asInt).toList()).containsExactly(2027);
                assertThat(review.at("/actions/total").asInt()).isEqualTo(2);
                assertThat(review.at("/actions/byStatus/PLANNED").asInt()).isEqualTo(2);
                assertThat(review.at("/actions/overdue").asInt()).isZero();
                assertThat(review.at("/wall/findings")).as("nothing assessed in the three departments it depends on")
                        .hasSize(6);
                assertThat(review.at("/timeline/3/kind").asString()).isEqualTo("PLAN_APPROVED");
                assertThat(review.at("/timeline/3/by").asString()).isEqualTo("nate");
            }),
            shows("kam.plan.returned", review -> {
                JsonNode returned = review.at("/timeline/4");
                assertThat(returned.get("kind").asString()).isEqualTo("PLAN_RETURNED");
                assertThat(returned.get("by").asString()).isEqualTo("nate");
                assertThat(returned.get("comment").asString()).startsWith("Phase more of the volume into Q1");
                assertThat(review.at("/plan/version").asInt()).as("an approved version stays in force").isEqualTo(1);
            }),
            onlyCounted("kam.plan.action-added", "an approved version never changes"),
            onlyCounted("kam.plan.action-changed", "an approved version never changes"),
            onlyCounted("kam.plan.action-removed", "an approved version never changes"),
            shows("kam.plan.action-progressed", review -> {
                JsonNode training = review.at("/actions/items/1");
                assertThat(training.get("itemId").asString()).isEqualTo("9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1b");
                assertThat(training.get("status").asString()).isEqualTo("IN_PROGRESS");
                assertThat(review.at("/actions/byStatus/IN_PROGRESS").asInt()).isEqualTo(1);
                assertThat(review.at("/actions/byStatus/PLANNED").asInt()).isEqualTo(1);
                assertThat(review.at("/actions/percentDone").asInt()).isZero();
            }),
            shows("kam.swot.point-added", review -> assertThat(swot(review)).containsExactly(0, 0, 0, 0, 1)),
            shows("kam.swot.point-changed", review -> assertThat(swot(review)).containsExactly(0, 1, 0, 0, 1)),
            shows("kam.swot.point-removed", review -> assertThat(swot(review)).containsExactly(0, 0, 0, 0, 1)),
            shows("kam.account.heat-assessed", review -> {
                JsonNode heat = review.get("heat");
                assertThat(heat.get("score").asInt()).isEqualTo(71);
                assertThat(heat.get("trend").asString()).as("the first assessment this review holds").isEqualTo("FIRST");
                assertThat(heat.get("assessedBy").asString()).isEqualTo("nora");
                assertThat(heat.get("factors")).hasSize(5);
                assertThat(heat.at("/factors/3/factor").asString()).isEqualTo("BRAND_REGARD");
                assertThat(heat.at("/factors/3/rating").asInt()).isEqualTo(17);
                assertThat(heat.get("history")).hasSize(1);
            }),
            shows("kam.account.wall-changed", review -> {
                JsonNode cell = review.at("/wall/cells/0");
                assertThat(review.at("/wall/cells")).hasSize(1);
                assertThat(cell.get("department").asString()).isEqualTo("MARKETING");
                assertThat(cell.get("level").asString()).isEqualTo("DIRECTOR");
                assertThat(cell.get("strength").asInt()).isEqualTo(1);
                assertThat(cell.get("lastContact").asString()).isEqualTo("2026-06-03");
                assertThat(review.at("/wall/findings").valueStream()
                        .map(f -> f.get("department").asString() + " " + f.get("reason").asString()).toList())
                        .containsExactly("PURCHASING WEAK_TIES", "PURCHASING NO_RECENT_CONTACT", "MARKETING WEAK_TIES",
                                "MARKETING NO_RECENT_CONTACT", "STORE_OPERATIONS WEAK_TIES",
                                "STORE_OPERATIONS NO_RECENT_CONTACT");
                assertThat(review.at("/wall/findings/3/daysSinceContact").asLong()).isEqualTo(212);
            }),
            onlyCounted("kam.account.date-added", "important dates have no section of their own"),
            onlyCounted("kam.account.date-changed", "important dates have no section of their own"),
            onlyCounted("kam.account.date-removed", "important dates have no section of their own"));

    /** The effect of one sample, given the review before it and after it. */
    private interface Effect {
        void check(JsonNode before, JsonNode after);
    }

    private static Map.Entry<String, Effect> shows(String type, Consumer<JsonNode> check) {
        return Map.entry(type, (before, after) -> check.accept(after));
    }

    /** The event is counted as applied, and the review changes in nothing else. */
    private static Map.Entry<String, Effect> onlyCounted(String type, String why) {
        return Map.entry(type, (before, after) -> {
            assertThat(after.get("eventsApplied").asLong()).isEqualTo(before.get("eventsApplied").asLong() + 1);
            assertThat(withoutCounts(after)).as(why).isEqualTo(withoutCounts(before));
        });
    }

    private static JsonNode withoutCounts(JsonNode review) {
        ObjectNode copy = (ObjectNode) review.deepCopy();
        copy.remove(List.of("eventsApplied", "asOf"));
        return copy;
    }

    private static List<Integer> swot(JsonNode review) {
        return List.of("strengths", "weaknesses", "opportunities", "threats", "keyPoints").stream()
                .map(kind -> review.at("/swot/" + kind).asInt()).toList();
    }

    @Autowired
    RestTestClient http;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everySampleEventOfTheAccountsContractShowsItsEffectInTheReview() throws IOException {
        TopicWriter<AccountEvent> topic = TopicWriter.of(AccountEvents.CATALOG);
        ReviewsApi api = new ReviewsApi(http);
        Map<String, String> freshIds = Map.of(
                "3f2b8c1e-7d4a-4e59-9b1a-2c6d8e0f1a23", UUID.randomUUID().toString(),
                "5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", UUID.randomUUID().toString(),
                "7e8f9a0b-1c2d-4e3f-8a5b-6c7d8e9f0a1b", UUID.randomUUID().toString());
        UUID account = UUID.fromString(freshIds.get("3f2b8c1e-7d4a-4e59-9b1a-2c6d8e0f1a23"));
        int published = 0;
        JsonNode before = null;
        Instant latest = Instant.MIN;

        for (WireName name : AccountEvents.CATALOG.wireNames()) {
            assertThat(EFFECTS).as("the effect of %s is specified here", name).containsKey(name.type());

            String sample = withFreshIds(EventSamples.json(name), freshIds);
            topic.publish(account.toString(), sample);
            JsonNode review = api.awaitEventsApplied(account, ++published);

            EFFECTS.get(name.type()).check(before, review);
            latest = max(latest, Instant.parse(json.readTree(sample).get("time").asString()));
            assertThat(review.get("asOf").asString()).as("the latest sample's time").isEqualTo(latest.toString());
            before = review;
        }
        assertThat(EFFECTS).as("no effect for a type the catalog lacks").hasSameSizeAs(AccountEvents.CATALOG.wireNames());
    }

    /** The sample with a new event id, and the account, store and contact ids replaced by fresh ones. */
    private String withFreshIds(String sample, Map<String, String> freshIds) {
        ObjectNode envelope = (ObjectNode) json.readTree(sample);
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("subject", freshIds.get(envelope.get("subject").asString()));
        ObjectNode data = (ObjectNode) envelope.get("data");
        for (String field : new String[] {"accountId", "storeId", "contactId"}) {
            if (data.has(field) && freshIds.containsKey(data.get(field).asString())) {
                data.put(field, freshIds.get(data.get(field).asString()));
            }
        }
        return json.writeValueAsString(envelope);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
