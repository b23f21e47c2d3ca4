package io.kam.promotions.evaluation;

import static io.kam.promotions.PromotionFixture.draft;
import static io.kam.promotions.PromotionFixture.terms;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.kam.accounts.api.Region;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.testing.TestTokens;
import io.kam.promotions.SalesFixture;
import io.kam.promotions.ServiceTest;
import io.kam.promotions.promotion.PromotionCalendar;
import tools.jackson.databind.JsonNode;

/**
 * "Same terms as chain X": one SKU's promotions at three chains side by side. Each runs the fixture's week of UHT milk
 * in one store with a display fee of 1,500 and a forecast of 2,400 + 1,200 units.
 */
class CompareApiTest extends ServiceTest {

    private static final LocalDate FROM = LocalDate.now(MarketCalendar.ZONE).plusDays(200);
    private static final LocalDate TO = FROM.plusDays(6);

    private final SalesFixture sales = new SalesFixture();

    @Autowired
    PromotionCalendar calendar;
    @Autowired
    Evaluations evaluations;

    private String agreedAt(Chain chain, String promotedPrice, LocalDate from) {
        Map<String, Object> terms = terms(chain.stores(), from, from.plusDays(6));
        terms.put("skus", List.of(Map.of("gtin", MILK, "category", "UHT milk", "regularPrice", "23.00",
                "promotedPrice", promotedPrice)));
        var drafted = nora.post("/api/promotions", draft(chain.id(), terms));
        var proposed = nora.post("/api/promotions/" + drafted.text("id") + "/proposal", null, drafted.etag());
        var approved = nate.post("/api/promotions/" + drafted.text("id") + "/approval", null, proposed.etag());
        var agreed = nora.post("/api/promotions/" + drafted.text("id") + "/agreement", Map.of("confirmedBy", "buyer",
                "confirmedOn", LocalDate.now(MarketCalendar.ZONE).toString(), "reference", "PO"), approved.etag());
        assertThat(agreed.status()).as(agreed.body().toString()).isEqualTo(200);
        return drafted.text("id");
    }

    @Test
    void everyChainsPromotionOfTheSkuIsShownInNormalisedTermsDeepestDiscountFirst() {
        Chain a = aChain(Region.EAST);
        Chain b = aChain(Region.SOUTH);
        Chain c = aChain(Region.NORTH);
        String atA = agreedAt(a, "19.90", FROM);
        String atB = agreedAt(b, "18.40", FROM.plusDays(3));
        String evaluated = agreedAt(c, "19.90", FROM);
        nora.post("/api/promotions", draft(a.id(), terms(a.stores(), FROM.plusDays(20), FROM.plusDays(26))));
        nora.put("/api/promotions/product-costs/" + c.id() + "/" + SalesFixture.GTIN,
                Map.of("category", "UHT milk", "listPrice", "15.00", "unitCost", "9.00"), null);
        sales.aWeekPromotedAt20ADay(c.id(), FROM);
        SalesFixture.awaitUnits(jdbc, c.id(), 560 + 140 + 112);
        calendar.advanceTo(FROM);
        calendar.advanceTo(TO.plusDays(1));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            evaluations.runUntil(TO.plusDays(15));
            return nora.get("/api/promotions/" + evaluated + "/evaluation").status() == 200;
        });

        var compared = nora.get("/api/promotions/compare?gtin=" + MILK + "&from=" + FROM + "&to=" + TO.plusDays(3));

        assertThat(compared.status()).isEqualTo(200);
        List<JsonNode> rows = compared.body().path("promotions").valueStream()
                .filter(r -> List.of(atA, atB, evaluated).contains(r.path("promotionId").asString())).toList();
        assertThat(rows).extracting(r -> r.path("promotionId").asString()).as("agreed ones only, deepest first")
                .containsExactlyInAnyOrder(atA, atB, evaluated).first().isEqualTo(atB);
        JsonNode deepest = rows.get(0);
        assertThat(deepest.path("accountName").asString()).startsWith("Yangtze Hypermarket");
        assertThat(deepest.path("discountDepthPercent").decimalValue()).isEqualByComparingTo("20.00"); // 4.60 / 23
        assertThat(deepest.path("basis").asString()).isEqualTo("PLANNED");
        // planned: 1,500 + 4.60 × 3,600 = 18,060 over 3,600 units; fees 1,500 of 18.40 × 3,600 = 66,240
        assertThat(deepest.path("fundingPerUnit").decimalValue()).isEqualByComparingTo("5.02");
        assertThat(deepest.path("feesPercentOfSales").decimalValue()).isEqualByComparingTo("2.26");
        assertThat(deepest.path("upliftPercent").decimalValue()).isEqualByComparingTo("50.00"); // 1,200 / 2,400
        assertThat(deepest.path("roi").isNull()).isTrue();
        assertThat(deepest.path("durationDays").asInt()).isEqualTo(7);
        assertThat(deepest.path("storesCovered").asInt()).isEqualTo(1);

        JsonNode actual = rows.stream().filter(r -> r.path("promotionId").asString().equals(evaluated)).findFirst()
                .orElseThrow();
        assertThat(actual.path("basis").asString()).isEqualTo("ACTUAL");
        assertThat(actual.path("discountDepthPercent").decimalValue()).isEqualByComparingTo("13.48");
        // actual: 1,934.00 over 140 units; fees 1,500 of 2,786.00 sales; the figures of EvaluationApiTest
        assertThat(actual.path("fundingPerUnit").decimalValue()).isEqualByComparingTo("13.81");
        assertThat(actual.path("feesPercentOfSales").decimalValue()).isEqualByComparingTo("53.84");
        assertThat(actual.path("upliftPercent").decimalValue()).isEqualByComparingTo("60.00");
        assertThat(actual.path("roi").decimalValue()).isEqualByComparingTo("0.1303");
        assertThat(actual.path("costPerIncrementalUnit").decimalValue()).isEqualByComparingTo("46.05");
    }

    @Test
    void onlyNationalKaManagersCompareAndTheSkuAndPeriodMustMakeSense() {
        Chain chain = aChain(Region.EAST);

        assertThat(eric.get("/api/promotions/compare?gtin=" + MILK).status()).isEqualTo(403);
        assertThat(sofia.get("/api/promotions/compare?gtin=" + MILK).status()).isEqualTo(403);
        assertThat(anonymous.as(TestTokens.integrationFor(chain.id())).get("/api/promotions/compare?gtin=" + MILK)
                .status()).isEqualTo(403);
        assertThat(anonymous.get("/api/promotions/compare?gtin=" + MILK).status()).isEqualTo(401);
        var badGtin = nora.get("/api/promotions/compare?gtin=6901234567891");
        assertThat(badGtin.status()).isEqualTo(400);
        assertThat(badGtin.fieldErrors()).singleElement().asString().startsWith("gtin:");
        assertThat(nora.get("/api/promotions/compare?gtin=" + MILK + "&from=" + FROM + "&to=" + FROM.minusDays(1))
                .status()).isEqualTo(400);
        assertThat(nora.get("/api/promotions/compare").status()).isEqualTo(400);
    }
}
