package io.kam.projection.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import io.kam.accounts.api.AccountEvents;
import io.kam.platform.events.EventCatalog.WireName;
import io.kam.projection.AccountsTopic;
import io.kam.projection.ProjectionServiceTest;
import io.kam.projection.ReviewsApi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The accounts contract's own sample events, each one applied in catalog order, each with a visible effect. */
@ProjectionServiceTest
class SampleEventsTest {

    private static final String SAMPLE_TIME = "2026-03-02T01:15:30.120Z";

    /** What the review shows once the sample of each type has been applied after the ones before it. */
    private static final Map<String, Consumer<JsonNode>> EFFECTS = Map.of(
            "kam.account.opened", review -> {
                assertThat(review.at("/header/name").asString()).isEqualTo("Yangtze Hypermarket Group");
                assertThat(review.at("/header/banner").asString()).isEqualTo("Yangtze Hyper");
                assertThat(review.at("/header/scope").asString()).isEqualTo("NATIONAL");
                assertThat(review.at("/stage").asString()).isEqualTo("TARGET_EVALUATION");
            },
            "kam.account.updated", review ->
                    assertThat(review.at("/header/banner").asString()).isEqualTo("Yangtze Hyper & Fresh"),
            "kam.store.opened", review -> {
                assertThat(review.at("/stores/open").asLong()).isEqualTo(1);
                assertThat(review.at("/stores/byRegion/EAST").asLong()).isEqualTo(1);
            },
            "kam.store.closed", review -> {
                assertThat(review.at("/stores/open").asLong()).isZero();
                assertThat(review.at("/stores/byRegion/EAST").asLong()).isZero();
            },
            "kam.contact.added", review -> {
                assertThat(review.at("/contacts/byDepartment/PURCHASING").asLong()).isEqualTo(1);
                assertThat(review.at("/contacts/byLevel/MANAGER").asLong()).isEqualTo(1);
            },
            "kam.contact.changed", review -> {
                assertThat(review.at("/contacts/byDepartment/PURCHASING").asLong()).isEqualTo(1);
                assertThat(review.at("/contacts/byLevel/MANAGER").asLong()).isZero();
                assertThat(review.at("/contacts/byLevel/DIRECTOR").asLong()).isEqualTo(1);
            },
            "kam.contact.removed", review -> {
                assertThat(review.at("/contacts/total").asLong()).isZero();
                assertThat(review.at("/contacts/byDepartment/PURCHASING").asLong()).isZero();
            },
            "kam.account.classified", review -> {
                assertThat(review.at("/classification/tier").asString()).isEqualTo("A");
                assertThat(review.at("/classification/role").asString()).isEqualTo("WHITE");
                JsonNode change = review.at("/timeline/0");
                assertThat(change.get("kind").asString()).isEqualTo("CLASSIFICATION");
                assertThat(change.get("fromTier").asString()).isEqualTo("B");
                assertThat(change.get("toTier").asString()).isEqualTo("A");
                assertThat(change.get("by").asString()).isEqualTo("nora");
                assertThat(change.get("at").asString()).isEqualTo(SAMPLE_TIME);
                assertThat(change.get("reason").asString()).isEqualTo("Top three by volume this year at a 4% margin");
            },
            "kam.account.stage-changed", review -> {
                assertThat(review.at("/stage").asString()).isEqualTo("PREFERRED_USER");
                assertThat(review.get("timeline")).hasSize(2);
                JsonNode change = review.at("/timeline/1");
                assertThat(change.get("kind").asString()).isEqualTo("STAGE");
                assertThat(change.get("fromStage").asString()).isEqualTo("PRODUCT_USER");
                assertThat(change.get("toStage").asString()).isEqualTo("PREFERRED_USER");
                assertThat(change.get("evidence").asString()).startsWith("Listed 42 SKUs");
            });

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    RestTestClient http;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void everySampleEventOfTheAccountsContractShowsItsEffectInTheReview() throws IOException {
        AccountsTopic topic = new AccountsTopic(kafka);
        ReviewsApi api = new ReviewsApi(http);
        Map<String, String> freshIds = Map.of(
                "3f2b8c1e-7d4a-4e59-9b1a-2c6d8e0f1a23", UUID.randomUUID().toString(),
                "5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", UUID.randomUUID().toString(),
                "7e8f9a0b-1c2d-4e3f-8a5b-6c7d8e9f0a1b", UUID.randomUUID().toString());
        UUID account = UUID.fromString(freshIds.get("3f2b8c1e-7d4a-4e59-9b1a-2c6d8e0f1a23"));
        int published = 0;

        for (WireName name : AccountEvents.CATALOG.wireNames()) {
            assertThat(EFFECTS).as("the effect of %s is specified here", name).containsKey(name.type());

            topic.publish(account.toString(), withFreshIds(sample(name), freshIds));
            JsonNode review = api.awaitEventsApplied(account, ++published);

            EFFECTS.get(name.type()).accept(review);
            assertThat(review.get("asOf").asString()).isEqualTo(SAMPLE_TIME);
        }
    }

    /** The sample with a new event id, and the account, store and contact ids replaced by fresh ones. */
    private String withFreshIds(String sample, Map<String, String> freshIds) {
        ObjectNode envelope = (ObjectNode) json.readTree(sample);
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("subject", freshIds.get(envelope.get("subject").asString()));
        ObjectNode data = (ObjectNode) envelope.get("data");
        for (String field : new String[] {"accountId", "storeId", "contactId"}) {
            if (data.has(field)) {
                data.put(field, freshIds.get(data.get(field).asString()));
            }
        }
        return json.writeValueAsString(envelope);
    }

    private static String sample(WireName name) throws IOException {
        String path = "/events/" + name.type() + ".v" + name.version() + ".json";
        try (InputStream in = SampleEventsTest.class.getResourceAsStream(path)) {
            assertThat(in).as("sample %s in the accounts-api test jar", path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
