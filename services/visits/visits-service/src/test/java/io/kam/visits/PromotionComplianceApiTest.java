package io.kam.visits;

import static io.kam.visits.PromotionExecutionApiTest.aCheck;
import static io.kam.visits.PromotionExecutionApiTest.answer;
import static io.kam.visits.PromotionExecutionApiTest.line;
import static io.kam.visits.PromotionsFixture.sku;
import static io.kam.visits.PromotionsFixture.terms;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.kam.accounts.api.Region;
import io.kam.accounts.api.RetailFormat;
import io.kam.platform.testing.Api;
import io.kam.platform.testing.TestTokens;
import io.kam.promotions.api.Mechanic;

/**
 * A promotion's compliance from the checks of its stores: executing / checked stores by each store's latest check,
 * the deviations counted over those; coordinators see their region's stores only, integrations nothing.
 */
class PromotionComplianceApiTest extends ServiceTest {

    static final String MILK = "06901234567892";

    private UUID account;
    private UUID east1;
    private UUID east2;
    private UUID east3;
    private UUID south;
    private UUID promotion;

    /**
     * Four stores run a price discount with a feature display: the first East store executes it (photo included); the
     * second did at its first check but not at its latest (display gone); the third is not checked; the South store
     * has the wrong price and no photo.
     */
    @BeforeEach
    void aPromotionInThreeEastStoresAndASouthOne_checkedInThree() {
        account = stores.anAccount(null);
        east1 = stores.openStore(account, Region.EAST, RetailFormat.HYPERMARKET);
        east2 = stores.openStore(account, Region.EAST, RetailFormat.HYPERMARKET);
        east3 = stores.openStore(account, Region.EAST, RetailFormat.SUPERMARKET);
        south = stores.openStore(account, Region.SOUTH, RetailFormat.HYPERMARKET);
        assertThat(nora.put("/api/visits/accounts/" + account + "/skus/" + MILK,
                Map.of("name", "UHT Milk 1 L", "agreedRetailPrice", "13.50"), "*").status()).isEqualTo(200);
        promotion = promotions.anAgreedPromotion(account, terms("Spring dairy week",
                List.of(Mechanic.PRICE_DISCOUNT, Mechanic.FEATURE_DISPLAY), List.of(sku(MILK, "13.50", "11.90")),
                List.of(east1, east2, east3, south), TODAY.minusDays(3), TODAY.plusDays(10)));

        String first = check(eric, east1, "11.90", true);
        Photos.upload(port, TestTokens.eric(), first, promotion);
        String earlier = check(eric, east2, "11.90", true);
        Photos.upload(port, TestTokens.eric(), earlier, promotion);
        clock.advance(Duration.ofHours(1));
        check(eric, east2, "11.90", false);
        check(sofia, south, "13.50", true);
    }

    @Test
    void complianceIsTheShareOfCheckedStoresWhoseLatestCheckFoundItExecuted() {
        JsonNode all = nora.get(compliance()).body();

        assertThat(all.path("name").asString()).isEqualTo("Spring dairy week");
        assertThat(all.path("stores").asLong()).isEqualTo(4);
        assertThat(all.path("checkedStores").asLong()).isEqualTo(3);
        assertThat(all.path("executingStores").asLong()).isEqualTo(1);
        assertThat(all.path("compliance").decimalValue()).isEqualByComparingTo("33.3");
        assertThat(all.path("deviations").valueStream().map(d -> d.path("code").asString() + "=" + d.path("stores").asLong())
                .toList()).containsExactly("photo=2", "display=1", "price:" + MILK + "=1");
        JsonNode second = store(all, east2);
        assertThat(second.path("executed").asBoolean()).as("its latest check, not its first").isFalse();
        assertThat(second.path("deviations").valueStream().map(JsonNode::asString).toList()).containsExactly("display", "photo");
        assertThat(store(all, east1).path("executed").asBoolean()).isTrue();
        assertThat(store(all, east1).path("photoId").isNull()).isFalse();
        assertThat(all.path("checked").valueStream().map(s -> s.path("storeId").asString()).toList())
                .doesNotContain(east3.toString());
    }

    @Test
    void aCoordinatorSeesTheirRegionsStoresOnly_aManagerAnyRegionAskedFor() {
        JsonNode east = eric.get(compliance()).body();
        JsonNode southOnly = sofia.get(compliance()).body();
        JsonNode asked = nora.get(compliance() + "?region=SOUTH").body();

        assertThat(east.path("region").asString()).isEqualTo("EAST");
        assertThat(List.of(east.path("stores").asLong(), east.path("checkedStores").asLong(),
                east.path("executingStores").asLong())).containsExactly(3L, 2L, 1L);
        assertThat(east.path("compliance").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(east.path("deviations").valueStream().map(d -> d.path("code").asString()).toList())
                .containsExactly("display", "photo");
        assertThat(east.path("checked").valueStream().map(s -> s.path("region").asString()).toList()).containsOnly("EAST");
        assertThat(List.of(southOnly.path("stores").asLong(), southOnly.path("checkedStores").asLong(),
                southOnly.path("executingStores").asLong())).containsExactly(1L, 1L, 0L);
        assertThat(southOnly.path("compliance").decimalValue()).isEqualByComparingTo("0.0");
        assertThat(asked.path("checkedStores").asLong()).isEqualTo(1);
        assertThat(asked.at("/checked/0/storeId").asString()).isEqualTo(south.toString());
    }

    @Test
    void everyRefusal_anotherRegionAskedFor_aPromotionWithoutAStoreInTheRegion_integrations_unknownPromotions() {
        UUID eastOnly = promotions.anAgreedPromotion(account, terms("East week", List.of(Mechanic.PRICE_DISCOUNT),
                List.of(sku(MILK, "13.50", "12.50")), List.of(east3), TODAY.plusDays(20), TODAY.plusDays(26)));
        Api tied = anonymous.as(TestTokens.integrationFor(account));

        assertThat(sofia.get(compliance() + "?region=EAST").status()).isEqualTo(403);
        assertThat(sofia.get(compliance() + "?region=EAST").text("code")).isEqualTo("outside-your-region");
        assertThat(sofia.get("/api/visits/promotions/" + eastOnly + "/compliance").status())
                .as("its existence does not leak to another region").isEqualTo(404);
        assertThat(eric.get("/api/visits/promotions/" + eastOnly + "/compliance").body().path("checkedStores").asLong())
                .isZero();
        assertThat(eric.get("/api/visits/promotions/" + eastOnly + "/compliance").body().path("compliance").isNull())
                .as("nothing checked yet").isTrue();
        assertThat(integration.get(compliance()).status()).as("an integration, even one for every account").isEqualTo(403);
        assertThat(tied.get(compliance()).status()).as("not even the retailer's own").isEqualTo(403);
        assertThat(anonymous.get(compliance()).status()).isEqualTo(401);
        assertThat(nora.get("/api/visits/promotions/" + UUID.randomUUID() + "/compliance").status()).isEqualTo(404);
        assertThat(integration.get("/api/visits/stores/" + east1 + "/promotions").status()).isEqualTo(403);
        assertThat(sofia.get("/api/visits/stores/" + east1 + "/promotions").status()).isEqualTo(404);
    }

    private String compliance() {
        return "/api/visits/promotions/" + promotion + "/compliance";
    }

    private static JsonNode store(JsonNode report, UUID store) {
        return report.path("checked").valueStream().filter(s -> s.path("storeId").asString().equals(store.toString()))
                .findFirst().orElseThrow();
    }

    /** A visit to the store today by the coordinator and its check: the milk at this price, the display built or not. */
    private String check(Api coordinator, UUID store, String price, boolean displayBuilt) {
        Region region = store.equals(south) ? Region.SOUTH : Region.EAST;
        var visit = coordinator.post("/api/visits", Map.of("region", region.name(), "storeId", store.toString(),
                "type", "STORE_CHECK", "plannedDate", TODAY.toString(), "slot", "TRADING_HOURS"));
        assertThat(visit.status()).as(visit.body().toString()).isEqualTo(201);
        var recorded = coordinator.post("/api/visits/" + visit.text("id") + "/store-check",
                aCheck(List.of(line(MILK, true, price)), List.of(answer(promotion, displayBuilt, null, null))));
        assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(201);
        return recorded.text("id");
    }
}
