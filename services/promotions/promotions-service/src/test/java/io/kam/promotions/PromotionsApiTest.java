package io.kam.promotions;

import static io.kam.promotions.PromotionFixture.draft;
import static io.kam.promotions.PromotionFixture.terms;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.kam.accounts.api.Region;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.testing.Api;
import io.kam.platform.testing.TestTokens;
import io.kam.visits.api.StoreCheckEvents.SkuDelisted;

class PromotionsApiTest extends ServiceTest {

    private static final LocalDate MARCH_1 = LocalDate.now(MarketCalendar.ZONE).plusDays(60);
    private static final LocalDate MARCH_14 = MARCH_1.plusDays(13);

    @Test
    void aPromotionIsDraftedProposedApprovedByAnotherManagerAndAgreedEachStepAnEvent() {
        Chain chain = aChain(Region.EAST, Region.EAST);
        var drafted = nora.post("/api/promotions", draft(chain.id(), terms(chain.stores(), MARCH_1, MARCH_14)));
        assertThat(drafted.status()).isEqualTo(201);
        assertThat(drafted.etag()).isEqualTo("\"0\"");
        String id = drafted.text("id");
        assertThat(drafted.headers().getLocation()).hasToString("/api/promotions/" + id);
        assertThat(drafted.text("status")).isEqualTo("DRAFT");
        assertThat(drafted.body().path("discountDepth").get(0).decimalValue()).isEqualByComparingTo("13.48");
        assertThat(drafted.body().path("terms").path("skus").get(0).path("gtin").asString()).isEqualTo("06901234567892");

        var proposed = nora.post("/api/promotions/" + id + "/proposal", null, drafted.etag());
        assertThat(proposed.text("status")).isEqualTo("PROPOSED");
        var byAuthor = nora.post("/api/promotions/" + id + "/approval", null, proposed.etag());
        assertThat(byAuthor.status()).isEqualTo(403);
        assertThat(byAuthor.text("code")).isEqualTo("four-eyes");
        var approved = nate.post("/api/promotions/" + id + "/approval", null, proposed.etag());
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.text("approvedBy")).isEqualTo("nate");
        var agreed = nora.post("/api/promotions/" + id + "/agreement", Map.of("confirmedBy", "Wang Lei, dairy buyer",
                "confirmedOn", LocalDate.now(MarketCalendar.ZONE).toString(), "reference", "PO-2027-0211"), approved.etag());
        assertThat(agreed.status()).isEqualTo(200);
        assertThat(agreed.text("status")).isEqualTo("AGREED");
        assertThat(agreed.body().path("agreement").path("reference").asString()).isEqualTo("PO-2027-0211");

        var changeAfterAgreement = nora.put("/api/promotions/" + id + "/terms", terms(chain.stores(), MARCH_1,
                MARCH_14.plusDays(3)), agreed.etag());
        assertThat(changeAfterAgreement.status()).as("an agreed promotion is fixed").isEqualTo(409);
        assertThat(changeAfterAgreement.text("code")).isEqualTo("promotion-agreed");

        var events = awaitEvents(chain.id(), e -> e.size() >= 4);
        assertThat(types(events)).containsExactly("kam.promotion.drafted", "kam.promotion.proposed",
                "kam.promotion.approved", "kam.promotion.agreed");
        assertThat(events).allSatisfy(e -> assertThat(e.subject()).isEqualTo(chain.id().toString()));
        assertThat(events.get(2).actor()).isEqualTo("nate");
    }

    @Test
    void whoeverEditedThePromotionMayNotApproveItEither() {
        Chain chain = aChain(Region.EAST);
        var drafted = nora.post("/api/promotions", draft(chain.id(), terms(chain.stores(), MARCH_1, MARCH_14)));
        String id = drafted.text("id");
        var edited = nate.put("/api/promotions/" + id + "/terms", terms(chain.stores(), MARCH_1, MARCH_14.plusDays(2)),
                drafted.etag());
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.text("lastEditor")).isEqualTo("nate");
        var proposed = nora.post("/api/promotions/" + id + "/proposal", null, edited.etag());

        var byEditor = nate.post("/api/promotions/" + id + "/approval", null, proposed.etag());
        var byAuthor = nora.post("/api/promotions/" + id + "/approval", null, proposed.etag());
        var byOlga = anonymous.as(TestTokens.token("olga", Set.of("national-ka-manager"), null))
                .post("/api/promotions/" + id + "/approval", null, proposed.etag());

        assertThat(byEditor.status()).isEqualTo(403);
        assertThat(byEditor.text("detail")).contains("you edited");
        assertThat(byAuthor.status()).isEqualTo(403);
        assertThat(byOlga.status()).isEqualTo(200);
        assertThat(byOlga.text("status")).isEqualTo("APPROVED");
    }

    @Test
    void theSameSkuInTheSameStoreOverAnOverlappingPeriodIsRefusedWithTheClashingPromotion() {
        Chain chain = aChain(Region.EAST, Region.EAST);
        var first = nora.post("/api/promotions", draft(chain.id(), terms(List.of(chain.stores().get(0)), MARCH_1, MARCH_14)));
        String firstId = first.text("id");

        var clash = nora.post("/api/promotions", draft(chain.id(), terms(List.of(chain.stores().get(0)),
                MARCH_14, MARCH_14.plusDays(7))));
        var otherStore = nora.post("/api/promotions", draft(chain.id(), terms(List.of(chain.stores().get(1)),
                MARCH_14, MARCH_14.plusDays(7))));
        var afterwards = nora.post("/api/promotions", draft(chain.id(), terms(List.of(chain.stores().get(0)),
                MARCH_14.plusDays(1), MARCH_14.plusDays(7))));
        var otherSku = nora.post("/api/promotions", draft(chain.id(), terms(List.of(chain.stores().get(0)),
                MARCH_1, MARCH_14, YOGHURT)));

        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.text("code")).isEqualTo("promotion-clash");
        assertThat(clash.text("clashingPromotion")).isEqualTo(firstId);
        assertThat(clash.text("gtin")).isEqualTo("06901234567892");
        assertThat(clash.text("storeId")).isEqualTo(chain.stores().get(0).toString());
        assertThat(otherStore.status()).isEqualTo(201);
        assertThat(afterwards.status()).as("the day after the first one ends").isEqualTo(201);
        assertThat(otherSku.status()).isEqualTo(201);
        assertThat(nora.get("/api/promotions?accountId=" + chain.id()).body().path("total").asLong())
                .as("the refused promotion left nothing").isEqualTo(4);

        var cancelled = nora.post("/api/promotions/" + firstId + "/cancellation", Map.of("reason", "moved to May"),
                first.etag());
        assertThat(cancelled.text("status")).isEqualTo("CANCELLED");
        assertThat(nora.post("/api/promotions", draft(chain.id(), terms(List.of(chain.stores().get(0)), MARCH_14,
                MARCH_14))).status()).as("a cancelled promotion frees its stores").isEqualTo(201);
    }

    @Test
    void anotherPromotionOfTheSameCategoryInTheSameStoresIsAWarningOnTheProposal() {
        Chain chain = aChain(Region.EAST);
        nora.post("/api/promotions", draft(chain.id(), terms(chain.stores(), MARCH_1, MARCH_14)));
        var yoghurtTerms = terms(chain.stores(), MARCH_14, MARCH_14.plusDays(5), YOGHURT);
        var second = nora.post("/api/promotions", draft(chain.id(), yoghurtTerms));

        var proposed = nora.post("/api/promotions/" + second.text("id") + "/proposal", null, second.etag());

        assertThat(proposed.status()).isEqualTo(200);
        assertThat(proposed.body().path("warnings").get(0).path("code").asString()).isEqualTo("same-category-overlap");
        assertThat(proposed.body().path("warnings").get(0).path("detail").asString()).contains("UHT milk", "1 of these stores");
    }

    @Test
    void badTermsAreRefusedFieldByFieldAndNothingIsWritten() {
        Chain chain = aChain(Region.EAST);
        Chain other = aChain(Region.SOUTH);
        Map<String, Object> periodsAndStores = terms(List.of(chain.stores().get(0), other.stores().get(0)),
                MARCH_14, MARCH_1);
        Map<String, Object> skusAndFees = new HashMap<>(terms(chain.stores(), MARCH_1, MARCH_14));
        skusAndFees.put("skus", List.of(
                Map.of("gtin", "6901234567891", "category", "UHT milk", "regularPrice", "23.00", "promotedPrice", "19.90"),
                Map.of("gtin", YOGHURT, "category", "Yoghurt", "regularPrice", "9.90", "promotedPrice", "8.90",
                        "discountPercent", "10"),
                Map.of("gtin", "06920202888883", "category", "Yoghurt", "regularPrice", "9.90", "promotedPrice", "8.00"),
                Map.of("gtin", MILK, "category", "UHT milk", "regularPrice", "23.00", "promotedPrice", "23.00")));
        Map<String, Object> feeWithoutAmount = new HashMap<>(terms(chain.stores(), MARCH_1, MARCH_14));
        feeWithoutAmount.put("fees", List.of(Map.of("kind", "DM_FEE", "basis", "FIXED")));

        var periods = nora.post("/api/promotions", draft(chain.id(), periodsAndStores));
        var skus = nora.post("/api/promotions", draft(chain.id(), skusAndFees));
        var fee = nora.post("/api/promotions", draft(chain.id(), feeWithoutAmount));
        var unknownAccount = nora.post("/api/promotions", draft(UUID.randomUUID(), terms(chain.stores(), MARCH_1, MARCH_14)));
        Map<String, Object> tooLongAndUnfunded = new HashMap<>(terms(chain.stores(), MARCH_1, MARCH_1.plusDays(366)));
        tooLongAndUnfunded.put("fundId", UUID.randomUUID());
        var longAndUnfunded = nora.post("/api/promotions", draft(chain.id(), tooLongAndUnfunded));

        assertThat(periods.status()).isEqualTo(400);
        assertThat(fields(periods)).as("a period that ends before it starts, a store of another account")
                .containsExactlyInAnyOrder("terms.inStore.to", "terms.stores.storeIds[1]");
        assertThat(skus.status()).isEqualTo(400);
        assertThat(fields(skus)).as("a wrong check digit, price and depth at once, a SKU twice, no discount")
                .containsExactlyInAnyOrder("terms.skus[0].gtin", "terms.skus[1].promotedPrice", "terms.skus[2].gtin",
                        "terms.skus[3].promotedPrice");
        assertThat(fee.status()).isEqualTo(400);
        assertThat(fields(fee)).containsExactly("terms.fees[0].amount");
        assertThat(fields(unknownAccount)).containsExactly("accountId");
        assertThat(fields(longAndUnfunded)).as("367 days in store, a fund the account does not have")
                .containsExactlyInAnyOrder("terms.inStore.to", "terms.fundId");
        assertThat(nora.get("/api/promotions?accountId=" + chain.id()).body().path("total").asLong()).isZero();
    }

    @Test
    void aSkuTheAccountDoesNotListOrHasDelistedIsRefused() {
        Chain chain = aChain(Region.EAST);
        visits.publish(new SkuDelisted(chain.id(), "0" + YOGHURT));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !jdbc.sql(
                "select listed from known_listing where account_id = ? and gtin = ?").params(chain.id(), "0" + YOGHURT)
                .query(Boolean.class).single());

        var refused = nora.post("/api/promotions", draft(chain.id(), terms(chain.stores(), MARCH_1, MARCH_14, MILK,
                "4006381333931", YOGHURT)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(fields(refused)).as("never listed, delisted").containsExactly("terms.skus[1].gtin", "terms.skus[2].gtin");
        assertThat(nora.get("/api/promotions?accountId=" + chain.id()).body().path("total").asLong()).isZero();
    }

    @Test
    void aDiscountDepthGivesThePromotedPriceAndARegionSelectsItsOpenStores() {
        Chain chain = aChain(Region.EAST, Region.SOUTH, Region.EAST, Region.EAST);
        closeStore(chain, chain.stores().get(3));
        Map<String, Object> byRegion = new HashMap<>(terms(List.of(), MARCH_1, MARCH_14));
        byRegion.put("stores", Map.of("region", "EAST"));
        byRegion.put("skus", List.of(Map.of("gtin", MILK, "category", "UHT milk", "regularPrice", "23.00",
                "discountPercent", "15")));

        var drafted = nora.post("/api/promotions", draft(chain.id(), byRegion));

        assertThat(drafted.status()).isEqualTo(201);
        assertThat(drafted.body().path("terms").path("skus").get(0).path("promotedPrice").decimalValue())
                .isEqualByComparingTo("19.55");
        assertThat(drafted.body().path("discountDepth").get(0).decimalValue()).isEqualByComparingTo("15.00");
        var storeIds = drafted.body().path("terms").path("storeIds");
        assertThat(storeIds.size()).as("the open stores of the East, not the South's nor the closed one").isEqualTo(2);
        assertThat(List.of(storeIds.get(0).asString(), storeIds.get(1).asString()))
                .containsExactly(chain.stores().get(0).toString(), chain.stores().get(2).toString());
    }

    @Test
    void everyChangeNeedsTheVersionItWasReadAt() {
        Chain chain = aChain(Region.EAST);
        var drafted = nora.post("/api/promotions", draft(chain.id(), terms(chain.stores(), MARCH_1, MARCH_14)));
        String id = drafted.text("id");

        assertThat(nora.post("/api/promotions/" + id + "/proposal", null).status()).isEqualTo(428);
        nora.put("/api/promotions/" + id + "/terms", terms(chain.stores(), MARCH_1, MARCH_14.plusDays(1)), drafted.etag());
        var stale = nora.post("/api/promotions/" + id + "/proposal", null, drafted.etag());
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.text("code")).isEqualTo("stale-version");
        assertThat(nora.get("/api/promotions/" + id).text("status")).isEqualTo("DRAFT");
    }

    /** The fields a refusal names, without their messages. */
    private static List<String> fields(Api.Response refusal) {
        return refusal.fieldErrors().stream().map(error -> error.substring(0, error.indexOf(':'))).toList();
    }
}
