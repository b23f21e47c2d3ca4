package io.kam.visits;

import static io.kam.visits.PromotionsFixture.sku;
import static io.kam.visits.PromotionsFixture.terms;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import io.kam.platform.consumer.DeadLetters;
import io.kam.platform.events.EventCatalog.WireName;
import io.kam.platform.events.EventEnvelope;
import io.kam.platform.testing.EventSamples;
import io.kam.platform.testing.TopicReader;
import io.kam.promotions.api.Mechanic;
import io.kam.promotions.api.PromotionEvents;
import io.kam.promotions.api.PromotionEvents.PromotionCancelled;
import io.kam.promotions.api.PromotionEvents.PromotionDrafted;
import io.kam.promotions.api.PromotionEvents.PromotionEnded;
import io.kam.promotions.api.PromotionEvents.PromotionRevised;
import io.kam.promotions.api.PromotionEvents.PromotionStarted;
import io.kam.promotions.api.PromotionEvents.Terms;
import io.kam.promotions.api.PromotionStatus;

/**
 * The replica of promotions per store, from kam.promotions.v1 published as the promotions service does: a promotion runs
 * in its stores on the days of its in-store period once the retailer agreed it; a revision is a draft again; a
 * redelivered, replayed or older-revision event changes nothing; what cannot be applied ends on the dead-letter topic.
 */
class PromotionReplicaTest extends ServiceTest {

    static final String MILK = "06901234567892";

    private UUID account;
    private UUID store;
    private UUID otherStore;

    @BeforeEach
    void anAccountWithTwoEastStores() {
        account = stores.anAccount(null);
        store = stores.openStore(account, Region.EAST, RetailFormat.HYPERMARKET);
        otherStore = stores.openStore(account, Region.EAST, RetailFormat.SUPERMARKET);
    }

    @Test
    void anAgreedPromotionRunsInItsStoresOverItsPeriod_aDraftDoesNot() {
        UUID promotion = UUID.randomUUID();
        promotions.publish(new PromotionDrafted(account, promotion, 1, spring(List.of(store)), "nora"));

        assertThat(running(store, TODAY)).as("a draft does not run").isEmpty();

        promotions.publish(PromotionsFixture.agreed(account, promotion, 1));

        JsonNode running = running(store, TODAY).getFirst();
        assertThat(running.path("promotionId").asString()).isEqualTo(promotion.toString());
        assertThat(running.path("name").asString()).isEqualTo("Spring dairy week");
        assertThat(running.path("revision").asInt()).isEqualTo(1);
        assertThat(running.at("/skus/0/gtin").asString()).isEqualTo(MILK);
        assertThat(running.at("/skus/0/promotedPrice").decimalValue()).isEqualByComparingTo("11.90");
        assertThat(running.path("displayCalledFor").asBoolean()).isTrue();
        assertThat(running.path("posMaterialCalledFor").asBoolean()).isFalse();
        assertThat(running.path("promoterCalledFor").asBoolean()).isFalse();
        assertThat(running(store, LocalDate.of(2030, 3, 1))).as("its first day").hasSize(1);
        assertThat(running(store, LocalDate.of(2030, 3, 14))).as("its last day").hasSize(1);
        assertThat(running(store, LocalDate.of(2030, 3, 15))).as("the day after").isEmpty();
        assertThat(running(store, LocalDate.of(2030, 2, 28))).as("the day before").isEmpty();
        assertThat(running(otherStore, TODAY)).as("a store it does not run in").isEmpty();
    }

    @Test
    void aRevisionIsADraftAgain_andNoEventOfTheOlderRevisionUndoesIt() {
        UUID promotion = UUID.randomUUID();
        promotions.publish(new PromotionDrafted(account, promotion, 1, spring(List.of(store)), "nora"));
        EventEnvelope agreed = promotions.publish(PromotionsFixture.agreed(account, promotion, 1));
        Terms moved = terms("Spring dairy week", List.of(Mechanic.PRICE_DISCOUNT), List.of(sku(MILK, "13.50", "10.90")),
                List.of(otherStore), LocalDate.of(2030, 3, 4), LocalDate.of(2030, 3, 10));

        promotions.publish(new PromotionRevised(account, promotion, 2, 1, moved, "the retailer moved the DM", "nora"));
        assertThat(running(store, TODAY)).as("a revision does not run until agreed anew").isEmpty();

        promotions.redeliver(agreed);
        promotions.replay(agreed);
        promotions.publish(PromotionsFixture.agreed(account, promotion, 1));
        promotions.publish(new PromotionStarted(account, promotion, 1, LocalDate.of(2030, 3, 1)));
        promotions.publish(new PromotionDrafted(account, promotion, 1, spring(List.of(store)), "nora"));
        assertThat(running(store, TODAY)).as("events of revision 1 change nothing").isEmpty();
        assertThat(running(otherStore, TODAY)).isEmpty();
        assertThat(status(promotion)).isEqualTo("DRAFT");

        promotions.publish(PromotionsFixture.agreed(account, promotion, 2));

        assertThat(running(store, TODAY)).as("revision 2 left this store").isEmpty();
        JsonNode running = running(otherStore, TODAY).getFirst();
        assertThat(running.path("revision").asInt()).isEqualTo(2);
        assertThat(running.at("/skus/0/promotedPrice").decimalValue()).isEqualByComparingTo("10.90");
        assertThat(running.path("displayCalledFor").asBoolean()).isFalse();
    }

    @Test
    void aRedeliveredOrReplayedStepChangesNothing_andAnEndedOrCancelledPromotionStaysSo() {
        UUID promotion = promotions.anAgreedPromotion(account, spring(List.of(store)));
        EventEnvelope started = promotions.publish(new PromotionStarted(account, promotion, 1, LocalDate.of(2030, 3, 1)));
        assertThat(status(promotion)).isEqualTo("RUNNING");

        promotions.publish(new PromotionCancelled(account, promotion, 1, PromotionStatus.RUNNING,
                "The retailer stopped the DM", "nora"));
        promotions.redeliver(started);
        promotions.replay(started);
        promotions.publish(PromotionsFixture.agreed(account, promotion, 1));
        promotions.publish(new PromotionEnded(account, promotion, 1, LocalDate.of(2030, 3, 15)));

        assertThat(status(promotion)).isEqualTo("CANCELLED");
        assertThat(running(store, TODAY)).isEmpty();
        assertThat(jdbc.sql("select count(*) from promotion_replica_store where promotion_id = :id")
                .param("id", promotion).query(Long.class).single()).as("no row doubled").isEqualTo(1);
    }

    @Test
    void aStepOfAPromotionOrRevisionNeverHeardOfEndsOnTheDeadLetterTopicWithTheReason() {
        UUID unknown = UUID.randomUUID();
        UUID promotion = promotions.anAgreedPromotion(account, spring(List.of(store)));

        promotions.topic().publish(new PromotionStarted(account, unknown, 1, TODAY));
        promotions.topic().publish(new PromotionStarted(account, promotion, 3, TODAY));

        var dead = TopicReader.awaitRecords(PromotionEvents.TOPIC + ".dlt", r -> account.toString().equals(r.key()));
        assertThat(TopicReader.awaitRecords(PromotionEvents.TOPIC + ".dlt", r -> account.toString().equals(r.key())
                && r.value().contains(promotion.toString()))).isNotEmpty();
        assertThat(dead.stream().map(r -> TopicReader.header(r, DeadLetters.REASON_HEADER)).toList())
                .anyMatch(reason -> reason.contains("promotion " + unknown + " is unknown here"));
        assertThat(TopicReader.readAll(PromotionEvents.TOPIC + ".dlt").stream()
                .filter(r -> r.value().contains(promotion.toString()))
                .map(r -> TopicReader.header(r, DeadLetters.REASON_HEADER)).toList())
                .anyMatch(reason -> reason.contains("the terms of its revision 3 were not processed"));
        assertThat(status(promotion)).isEqualTo("AGREED");
    }

    @Test
    void everySampleEventOfThePromotionsContractIsAppliedOrDeliberatelyIgnored() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        String sampleAccount = "8d1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b";
        String samplePromotion = "5c7e0a1d-2b3c-4d5e-8f9a-0b1c2d3e4f5a";
        UUID promotion = UUID.randomUUID();
        Map<String, String> fresh = Map.of(sampleAccount, account.toString(), samplePromotion, promotion.toString());
        List<UUID> ids = new ArrayList<>();
        List<WireName> names = new ArrayList<>(PromotionEvents.CATALOG.wireNames());
        names.sort((a, b) -> Boolean.compare(!a.type().equals("kam.promotion.drafted"), !b.type().equals("kam.promotion.drafted")));

        for (WireName name : names) {
            ObjectNode envelope = (ObjectNode) json.readTree(EventSamples.json(name));
            UUID id = UUID.randomUUID();
            ids.add(id);
            envelope.put("id", id.toString());
            envelope.put("subject", account.toString());
            ObjectNode data = (ObjectNode) envelope.get("data");
            for (String field : new String[] {"accountId", "promotionId"}) {
                if (data.has(field) && fresh.containsKey(data.get(field).asString())) {
                    data.put(field, fresh.get(data.get(field).asString()));
                }
            }
            promotions.topic().publish(account.toString(), json.writeValueAsString(envelope));
        }

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> ids.stream()
                .allMatch(id -> jdbc.sql("select count(*) from kam_processed_event where consumer = :c and event_id = :id")
                        .param("c", PromotionsFixture.CONSUMER).param("id", id).query(Long.class).single() == 1));
        assertThat(jdbc.sql("select revision from promotion_replica where promotion_id = :id").param("id", promotion)
                .query(Integer.class).single()).as("the sample revision 2 holds").isEqualTo(2);
        assertThat(TopicReader.readAll(PromotionEvents.TOPIC + ".dlt").stream().map(r -> r.key()).collect(Collectors.toSet()))
                .doesNotContain(account.toString());
    }

    /** A price discount with a feature display on UHT milk, 1 to 14 March 2030. */
    static Terms spring(List<UUID> stores) {
        return terms("Spring dairy week", List.of(Mechanic.PRICE_DISCOUNT, Mechanic.FEATURE_DISPLAY),
                List.of(sku(MILK, "13.50", "11.90")), stores, LocalDate.of(2030, 3, 1), LocalDate.of(2030, 3, 14));
    }

    private List<JsonNode> running(UUID store, LocalDate on) {
        var response = nora.get("/api/visits/stores/" + store + "/promotions?on=" + on);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body().valueStream().toList();
    }

    private String status(UUID promotion) {
        return jdbc.sql("select status from promotion_replica where promotion_id = :id").param("id", promotion)
                .query(String.class).single();
    }
}
