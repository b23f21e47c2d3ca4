package io.kam.promotions.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.kam.accounts.api.Region;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.events.EventEnvelope;
import io.kam.platform.testing.TestTokens;
import io.kam.promotions.SalesFixture;
import io.kam.promotions.ServiceTest;
import io.kam.promotions.promotion.PromotionCalendar;
import io.kam.sellthrough.api.SellThroughEvents.RestatedLine;
import io.kam.sellthrough.api.SellThroughEvents.SalesRestated;
import tools.jackson.databind.JsonNode;

/**
 * A promotion evaluated over the sell-through the service consumed, through the API and on the topic, with the figures
 * worked out by hand. One store, one week of UHT milk at 19.90 instead of 23.00, a display fee of 1,500 for the store,
 * list price 15.00 and unit cost 9.00:
 *
 * <pre>
 * 10 a day in the 8 weeks before → baseline 70 over the week; 20 a day in store → 140 (2,786.00); 8 a day in the two
 * weeks after → dip 28; net incremental 140 − 70 − 28 = 42, uplift 60 %; gross profit 42 × 6 = 252.00;
 * investment 1,500.00 + 3.10 × 140 = 1,934.00; ROI 252 / 1,934 = 0.1303; cost per incremental unit 46.05
 * </pre>
 */
class EvaluationApiTest extends ServiceTest {

    private static final LocalDate FROM = LocalDate.now(MarketCalendar.ZONE).plusDays(40);
    private static final LocalDate TO = FROM.plusDays(6);
    private static final String GTIN = SalesFixture.GTIN;

    private final SalesFixture sales = new SalesFixture();

    @Autowired
    PromotionCalendar calendar;
    @Autowired
    Evaluations evaluations;

    /** An agreed promotion of the chain's store, its sell-through before, during and after, taken to its end. */
    private String anEndedPromotionWithItsSales(Chain chain) {
        var cost = nora.put("/api/promotions/product-costs/" + chain.id() + "/" + GTIN,
                Map.of("category", "UHT milk", "listPrice", "15.00", "unitCost", "9.00"), null);
        assertThat(cost.status()).as(cost.body().toString()).isEqualTo(200);
        nora.put("/api/promotions/funds", Map.of("accountId", chain.id(), "year", FROM.getYear(), "amount", "20000"),
                null);
        String id = anAgreedPromotion(chain, chain.stores(), FROM, TO);
        sales.aWeekPromotedAt20ADay(chain.id(), FROM);
        SalesFixture.awaitUnits(jdbc, chain.id(), 560 + 140 + 112);
        calendar.advanceTo(FROM);
        calendar.advanceTo(TO.plusDays(1));
        return id;
    }

    /** Runs the evaluations until this promotion's latest one is the given number; returns it. */
    private JsonNode evaluationNumber(String id, int number) {
        return Awaitility.await("evaluation " + number + " of " + id).atMost(Duration.ofSeconds(30))
                .until(() -> {
                    evaluations.runUntil(TO.plusDays(15));
                    return nora.get("/api/promotions/" + id + "/evaluation");
                }, r -> r.status() == 200 && r.body().path("evaluation").asInt() == number).body();
    }

    @Test
    void anEndedPromotionIsEvaluatedOnceItsPostPromotionWeeksAreOverWithTheFiguresWorkedOutByHand() {
        Chain chain = aChain(Region.EAST);
        String id = anEndedPromotionWithItsSales(chain);

        evaluations.runUntil(TO.plusDays(14));
        assertThat(nora.get("/api/promotions/" + id).text("status")).as("the dip weeks are not over").isEqualTo("ENDED");
        assertThat(nora.get("/api/promotions/" + id + "/evaluation").status()).isEqualTo(404);

        JsonNode evaluation = evaluationNumber(id, 1);

        assertThat(evaluation.path("trigger").asString()).isEqualTo("ENDED");
        JsonNode total = evaluation.path("total");
        assertThat(total.path("baselineUnits").decimalValue()).isEqualByComparingTo("70");
        assertThat(total.path("actualUnits").asLong()).isEqualTo(140);
        assertThat(total.path("actualSales").decimalValue()).isEqualByComparingTo("2786.00");
        assertThat(total.path("dipUnits").decimalValue()).isEqualByComparingTo("28");
        assertThat(total.path("netIncrementalUnits").decimalValue()).isEqualByComparingTo("42");
        assertThat(total.path("upliftPercent").decimalValue()).isEqualByComparingTo("60.00");
        assertThat(total.path("incrementalGrossProfit").decimalValue()).isEqualByComparingTo("252.00");
        assertThat(evaluation.path("investment").path("fees").decimalValue()).isEqualByComparingTo("1500.00");
        assertThat(evaluation.path("investment").path("discount").decimalValue()).isEqualByComparingTo("434.00");
        assertThat(evaluation.path("investment").path("total").decimalValue()).isEqualByComparingTo("1934.00");
        assertThat(evaluation.path("roi").decimalValue()).isEqualByComparingTo("0.1303");
        assertThat(evaluation.path("costPerIncrementalUnit").decimalValue()).isEqualByComparingTo("46.05");
        assertThat(nora.get("/api/promotions/" + id).text("status")).isEqualTo("EVALUATED");

        List<EventEnvelope> events = awaitEvents(chain.id(), e -> types(e).contains("kam.promotion.evaluated"));
        EventEnvelope published = events.stream().filter(e -> e.type().equals("kam.promotion.evaluated")).findFirst()
                .orElseThrow();
        assertThat(published.data().path("roi").decimalValue()).isEqualByComparingTo("0.1303");
        assertThat(published.data().path("evaluation").asInt()).isEqualTo(1);

        // the fund: 20,000 budget; the approval committed 1,500 + 3.10 × 3,600 = 12,660; the promotion drew 1,934
        var fund = nora.get("/api/promotions/funds?accountId=" + chain.id()).body().path("funds").get(0);
        assertThat(fund.path("committed").decimalValue()).isEqualByComparingTo("12660.00");
        assertThat(fund.path("actual").decimalValue()).isEqualByComparingTo("1934.00");
        assertThat(fund.path("remaining").decimalValue()).isEqualByComparingTo("18066.00");
    }

    @Test
    void aRestatementSettledFeesAndANewCostEachEvaluateItAgainWithTheNewRoi() {
        Chain chain = aChain(Region.EAST);
        String id = anEndedPromotionWithItsSales(chain);
        evaluationNumber(id, 1);

        // the retailer restates the first day: 10 sold, not 20 → actual 130, net 32, profit 192, discount 403
        sales.publish(new SalesRestated(chain.id(), "fix", 1, FROM, "CNY", -10, new BigDecimal("-199.00"),
                List.of(new RestatedLine("S1", GTIN, 10, new BigDecimal("199.00"), null, -10, new BigDecimal("-199.00")))));
        JsonNode restated = evaluationNumber(id, 2);
        assertThat(restated.path("trigger").asString()).isEqualTo("RESTATED");
        assertThat(restated.path("total").path("actualUnits").asLong()).isEqualTo(130);
        assertThat(restated.path("investment").path("total").decimalValue()).isEqualByComparingTo("1903.00");
        assertThat(restated.path("roi").decimalValue()).isEqualByComparingTo("0.1009"); // 192 / 1,903

        var promotion = nora.get("/api/promotions/" + id);
        var settled = nora.put("/api/promotions/" + id + "/settlement",
                Map.of("fees", List.of(Map.of("kind", "DISPLAY_FEE", "amount", "1200.00", "note", "invoice 88"))),
                promotion.etag());
        assertThat(settled.status()).as(settled.body().toString()).isEqualTo(200);
        JsonNode afterFees = evaluationNumber(id, 3);
        assertThat(afterFees.path("trigger").asString()).isEqualTo("FEES_SETTLED");
        assertThat(afterFees.path("investment").path("feesSettled").asBoolean()).isTrue();
        assertThat(afterFees.path("investment").path("total").decimalValue()).isEqualByComparingTo("1603.00");
        assertThat(afterFees.path("roi").decimalValue()).isEqualByComparingTo("0.1198"); // 192 / 1,603

        nora.put("/api/promotions/product-costs/" + chain.id() + "/" + GTIN,
                Map.of("category", "UHT milk", "listPrice", "16.00", "unitCost", "9.00"), null);
        JsonNode afterCost = evaluationNumber(id, 4);
        assertThat(afterCost.path("trigger").asString()).isEqualTo("COSTS_CHANGED");
        assertThat(afterCost.path("total").path("incrementalGrossProfit").decimalValue()).isEqualByComparingTo("224.00");
        assertThat(afterCost.path("roi").decimalValue()).isEqualByComparingTo("0.1397"); // 224 / 1,603
    }

    @Test
    void feesAreSettledOnlyOnceItEndedAndOnlyNationalKaManagersSeeEvaluationsAndCosts() {
        Chain chain = aChain(Region.EAST);
        String id = anAgreedPromotion(chain, chain.stores(), FROM.plusDays(100), FROM.plusDays(106));
        var agreed = nora.get("/api/promotions/" + id);
        var integration = anonymous.as(TestTokens.integrationFor(chain.id()));

        var early = nora.put("/api/promotions/" + id + "/settlement", Map.of("fees", List.of()), agreed.etag());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.text("code")).isEqualTo("promotion-agreed");
        assertThat(nora.get("/api/promotions/" + id).etag()).as("nothing written").isEqualTo(agreed.etag());
        for (String path : List.of("/api/promotions/" + id + "/evaluation", "/api/promotions/" + id + "/uplift",
                "/api/promotions/product-costs?accountId=" + chain.id())) {
            assertThat(eric.get(path).status()).as("a coordinator: " + path).isEqualTo(403);
            assertThat(integration.get(path).status()).as("the retailer: " + path).isEqualTo(403);
        }
        assertThat(eric.put("/api/promotions/" + id + "/settlement", Map.of("fees", List.of()), agreed.etag()).status())
                .isEqualTo(403);
        assertThat(eric.put("/api/promotions/product-costs/" + chain.id() + "/" + GTIN,
                Map.of("category", "UHT milk", "listPrice", "15.00", "unitCost", "9.00"), null).status()).isEqualTo(403);
    }

    @Test
    void aProductCostWithoutPricesOrWithABadGtinIsRefusedWithItsFields() {
        Chain chain = aChain(Region.EAST);

        var bad = nora.put("/api/promotions/product-costs/" + chain.id() + "/" + GTIN,
                Map.of("category", "", "listPrice", "-1", "unitCost", "9.001"), null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad.fieldErrors())).contains("category", "listPrice", "unitCost");
        var gtin = nora.put("/api/promotions/product-costs/" + chain.id() + "/6901234567891",
                Map.of("category", "UHT milk", "listPrice", "15.00", "unitCost", "9.00"), null);
        assertThat(gtin.status()).isEqualTo(400);
        assertThat(fields(gtin.fieldErrors())).containsExactly("gtin");
        assertThat(nora.put("/api/promotions/product-costs/" + UUID.randomUUID() + "/" + GTIN,
                Map.of("category", "UHT milk", "listPrice", "15.00", "unitCost", "9.00"), null).status()).isEqualTo(404);
        assertThat(nora.get("/api/promotions/product-costs?accountId=" + chain.id()).body().size()).isZero();
    }

    private static List<String> fields(List<String> errors) {
        return errors.stream().map(error -> error.substring(0, error.indexOf(':'))).toList();
    }
}
