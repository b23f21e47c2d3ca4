package io.kam.visits;

import static io.kam.visits.PromotionsFixture.sku;
import static io.kam.visits.PromotionsFixture.terms;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.kam.accounts.api.Region;
import io.kam.platform.events.EventEnvelope;
import io.kam.platform.testing.TestTokens;
import io.kam.promotions.api.Mechanic;
import io.kam.promotions.api.PromotionEvents.PromotionDrafted;

/**
 * A store check at a store where promotions run records the execution of each: the promoted price on the shelf per
 * promoted SKU, the elements the mechanics call for, and a photo added afterwards for the promotion; one
 * kam.promotion-execution.checked per running promotion, and again when its photo comes.
 */
class PromotionExecutionApiTest extends ServiceTest {

    static final String MILK = "06901234567892";
    static final String YOGHURT = "06901234567908";
    static final String UNLISTED = "00000096385074";

    private Planned planned;
    /** A price discount on milk at 11.90 with a feature display. */
    private UUID spring;
    /** The DM and promoters for yoghurt at 7.90 and a SKU the account does not list. */
    private UUID yoghurtDays;

    @BeforeEach
    void anEastStoreVisitTodayWhereTwoPromotionsRun() {
        planned = aStoreVisitToday(Region.EAST, eric);
        list(MILK, "13.50");
        list(YOGHURT, "8.80");
        spring = promotions.anAgreedPromotion(planned.account(), terms("Spring dairy week",
                List.of(Mechanic.PRICE_DISCOUNT, Mechanic.FEATURE_DISPLAY), List.of(sku(MILK, "13.50", "11.90")),
                List.of(planned.store()), TODAY.minusDays(3), TODAY.plusDays(10)));
        yoghurtDays = promotions.anAgreedPromotion(planned.account(), terms("Yoghurt days",
                List.of(Mechanic.DM_FLYER, Mechanic.IN_STORE_PROMOTERS),
                List.of(sku(YOGHURT, "8.80", "7.90"), sku("96385074", "3.00", "2.50")), List.of(planned.store()),
                TODAY, TODAY.plusDays(6)));
    }

    @Test
    void aCheckRecordsTheExecutionOfEveryRunningPromotion_oneEventEach() {
        var recorded = eric.post(check(), aCheck(
                List.of(line(MILK, true, "11.90"), line(YOGHURT, true, "8.80")),
                List.of(answer(spring, true, null, null), answer(yoghurtDays, null, true, false))));

        assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(201);
        JsonNode milk = execution(recorded.body(), spring);
        assertThat(milk.path("executed").asBoolean()).isFalse();
        assertThat(strings(milk.path("deviations"))).as("only the photo is missing").containsExactly("photo");
        assertThat(milk.at("/prices/0/correct").asBoolean()).isTrue();
        JsonNode yoghurt = execution(recorded.body(), yoghurtDays);
        assertThat(strings(yoghurt.path("deviations")))
                .containsExactly("price:" + YOGHURT, "price:" + UNLISTED, "promoter", "photo");
        assertThat(yoghurt.at("/prices/0/shelfPrice").decimalValue()).isEqualByComparingTo("8.80");
        assertThat(yoghurt.at("/prices/1/shelfPrice").isNull()).as("an unlisted SKU is not on the check").isTrue();

        var events = executionEvents(2);
        JsonNode springEvent = events.stream().filter(e -> e.data().path("promotionId").asString().equals(spring.toString()))
                .findFirst().orElseThrow().data();
        assertThat(springEvent.path("checkId").asString()).isEqualTo(recorded.text("id"));
        assertThat(springEvent.path("storeId").asString()).isEqualTo(planned.store().toString());
        assertThat(springEvent.path("region").asString()).isEqualTo("EAST");
        assertThat(springEvent.path("promotionRevision").asInt()).isEqualTo(1);
        assertThat(springEvent.path("displayBuilt").asBoolean()).isTrue();
        assertThat(springEvent.path("posMaterialPresent").isNull()).as("not called for").isTrue();
        assertThat(springEvent.path("promoterPresent").isNull()).isTrue();
        assertThat(springEvent.path("photoId").isNull()).isTrue();
        assertThat(springEvent.path("executed").asBoolean()).isFalse();
        assertThat(strings(springEvent.path("deviations"))).containsExactly("photo");
    }

    @Test
    void aPhotoForAPromotionIsItsEvidence_andItsExecutionIsPublishedAgainWithoutThePhotoDeviation() {
        String checkId = eric.post(check(), aCheck(List.of(line(MILK, true, "11.90"), line(YOGHURT, true, "7.90")),
                List.of(answer(spring, true, null, null), answer(yoghurtDays, null, true, true)))).text("id");

        var notRecorded = upload(checkId, UUID.randomUUID());
        var photo = upload(checkId, spring);

        assertThat(notRecorded.status()).isEqualTo(400);
        assertThat(notRecorded.body().toString()).contains("names no promotion whose execution store check");
        assertThat(photo.status()).isEqualTo(201);
        JsonNode view = eric.get("/api/visits/store-checks/" + checkId).body();
        assertThat(view.path("photos")).as("the refused photo was not written").hasSize(1);
        JsonNode milk = execution(view, spring);
        assertThat(milk.path("executed").asBoolean()).isTrue();
        assertThat(milk.path("deviations")).isEmpty();
        assertThat(milk.path("photoId").asString()).isEqualTo(photo.body().path("id").asString());
        assertThat(strings(execution(view, yoghurtDays).path("deviations")))
                .as("the other promotion keeps its own").containsExactly("price:" + UNLISTED, "photo");

        var again = executionEvents(3).stream().filter(e -> e.data().path("promotionId").asString().equals(spring.toString()))
                .toList().getLast().data();
        assertThat(again.path("photoId").asString()).isEqualTo(photo.body().path("id").asString());
        assertThat(again.path("executed").asBoolean()).isTrue();
        assertThat(again.path("deviations")).isEmpty();
        assertThat(again.path("checkId").asString()).isEqualTo(checkId);
        assertThat(types(awaitEvents(planned.account(), e -> types(e).contains("kam.storecheck.photo-added"))))
                .containsSubsequence("kam.storecheck.photo-added", "kam.promotion-execution.checked");
    }

    @Test
    void answersMissingUnknownTwiceOrNotFittingTheMechanicsAreRefusedWithTheLines_nothingWritten() {
        UUID elsewhere = promotions.anAgreedPromotion(planned.account(), terms("Elsewhere", List.of(Mechanic.PRICE_DISCOUNT),
                List.of(sku(MILK, "13.50", "12.50")), List.of(UUID.randomUUID()), TODAY, TODAY.plusDays(6)));
        UUID ended = promotions.anAgreedPromotion(planned.account(), terms("Winter", List.of(Mechanic.PRICE_DISCOUNT),
                List.of(sku(MILK, "13.50", "12.50")), List.of(planned.store()), LocalDate.of(2030, 2, 1), TODAY.minusDays(1)));
        UUID draft = UUID.randomUUID();
        promotions.publish(new PromotionDrafted(planned.account(), draft, 1, terms("Draft", List.of(Mechanic.PRICE_DISCOUNT),
                List.of(sku(MILK, "13.50", "12.50")), List.of(planned.store()), TODAY, TODAY.plusDays(6)), "nora"));

        var none = eric.post(check(), aCheck(List.of(line(MILK, true, "11.90"), line(YOGHURT, true, "7.90")), null));
        var wrong = eric.post(check(), aCheck(List.of(line(MILK, true, "135.00"), line(YOGHURT, true, "7.90")), List.of(
                answer(spring, null, null, true), answer(yoghurtDays, false, true, true), answer(spring, true, null, null),
                answer(elsewhere, null, null, null), answer(ended, null, null, null), answer(draft, null, null, null))));

        assertThat(none.status()).isEqualTo(400);
        assertThat(none.fieldErrors()).containsExactly("promotions: misses running promotions [" + spring
                + " (Spring dairy week), " + yoghurtDays + " (Yoghurt days)]: a store check records the execution of "
                + "every promotion running in the store");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.fieldErrors()).containsExactly(
                "skus[0].shelfPrice: is 135.00 yuan, more than 5 times the agreed retail price of 13.50; check the price",
                "promotions[0].displayBuilt: is required: the promotion's mechanics call for a feature display (FEATURE_DISPLAY)",
                "promotions[0].promoterPresent: must be left out: none of the promotion's mechanics calls for a promoter "
                        + "(IN_STORE_PROMOTERS or SAMPLING)",
                "promotions[1].displayBuilt: must be left out: none of the promotion's mechanics calls for a feature "
                        + "display (FEATURE_DISPLAY)",
                "promotions[2].promotionId: is answered twice in this store check",
                "promotions[3].promotionId: is not a promotion running in this store today",
                "promotions[4].promotionId: is not a promotion running in this store today",
                "promotions[5].promotionId: is not a promotion running in this store today");
        assertThat(eric.get(check()).status()).as("nothing written").isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from promotion_execution where store_id = :store")
                .param("store", planned.store()).query(Long.class).single()).isZero();
    }

    private List<EventEnvelope> executionEvents(int count) {
        return awaitEvents(planned.account(), e -> e.stream()
                .filter(v -> v.type().equals("kam.promotion-execution.checked")).count() >= count)
                .stream().filter(v -> v.type().equals("kam.promotion-execution.checked")).toList();
    }

    private static JsonNode execution(JsonNode check, UUID promotion) {
        return check.path("promotions").valueStream()
                .filter(p -> p.path("promotionId").asString().equals(promotion.toString())).findFirst()
                .orElseThrow(() -> new AssertionError("no execution of " + promotion + " in " + check));
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private String check() {
        return "/api/visits/" + planned.visit() + "/store-check";
    }

    private void list(String gtin, String price) {
        assertThat(nora.put("/api/visits/accounts/" + planned.account() + "/skus/" + gtin,
                Map.of("name", "SKU " + gtin, "agreedRetailPrice", price), "*").status()).isEqualTo(200);
    }

    static Map<String, Object> aCheck(List<Map<String, Object>> lines, List<Map<String, Object>> promotions) {
        Map<String, Object> check = new HashMap<>();
        check.put("skus", lines);
        check.put("display", Map.of("secondaryDisplays", 1, "poster", true, "hangingFlag", false, "displayCabinet", true,
                "promoterPresent", false));
        check.put("promotions", promotions);
        return check;
    }

    static Map<String, Object> line(String gtin, boolean onShelf, String price) {
        Map<String, Object> line = new HashMap<>();
        line.put("gtin", gtin);
        line.put("onShelf", onShelf);
        line.put("shelfPrice", price);
        line.put("facings", onShelf ? 4 : 0);
        line.put("outOfStock", false);
        return line;
    }

    static Map<String, Object> answer(UUID promotion, Boolean display, Boolean posMaterial, Boolean promoter) {
        Map<String, Object> answer = new HashMap<>();
        answer.put("promotionId", promotion.toString());
        answer.put("displayBuilt", display);
        answer.put("posMaterialPresent", posMaterial);
        answer.put("promoterPresent", promoter);
        return answer;
    }

    private Photos.Upload upload(String checkId, UUID promotion) {
        return Photos.upload(port, TestTokens.eric(), checkId, promotion);
    }
}
