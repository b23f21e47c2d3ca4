package io.kam.promotions.evaluation;

import static io.kam.promotions.PromotionFixture.draft;
import static io.kam.promotions.PromotionFixture.terms;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.Region;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.testing.TestTokens;
import io.kam.promotions.SalesFixture;
import io.kam.promotions.ServiceTest;
import io.kam.sellthrough.api.SellThroughEvents.RestatedLine;
import io.kam.sellthrough.api.SellThroughEvents.SalesRestated;

class UpliftApiTest extends ServiceTest {

    private static final LocalDate FROM = LocalDate.now(MarketCalendar.ZONE).plusDays(60);
    private static final String GTIN = SalesFixture.GTIN;

    private final SalesFixture sales = new SalesFixture();

    @Test
    void theUpliftIsActualAgainstTheBaselineLessTheDipWorkedOutByHand() {
        Chain chain = aChain(Region.EAST);
        var drafted = nora.post("/api/promotions", draft(chain.id(), terms(chain.stores(), FROM, FROM.plusDays(6))));
        String id = drafted.text("id");
        sales.aWeekPromotedAt20ADay(chain.id(), FROM); // 10 a day before, 20 in store, 8 in the two weeks after
        sales.publish(new SalesRestated(chain.id(), "fix", 1, FROM, "CNY", -2, new BigDecimal("-39.80"),
                List.of(new RestatedLine("S1", GTIN, 18, new BigDecimal("358.20"), null, -2, new BigDecimal("-39.80")))));
        SalesFixture.awaitUnits(jdbc, chain.id(), 560 + 138 + 112);

        var uplift = nora.get("/api/promotions/" + id + "/uplift");

        assertThat(uplift.status()).isEqualTo(200);
        var result = uplift.body().path("result");
        var line = result.path("lines").get(0);
        assertThat(line.path("storeId").asString()).isEqualTo(chain.stores().get(0).toString());
        assertThat(line.path("gtin").asString()).isEqualTo(GTIN);
        assertThat(line.path("baselineDailyUnits").decimalValue()).isEqualByComparingTo("10"); // 560 / 56
        var outcome = line.path("outcome");
        assertThat(outcome.path("baselineUnits").decimalValue()).isEqualByComparingTo("70"); // 10 × 7
        assertThat(outcome.path("actualUnits").asLong()).isEqualTo(138); // 7 × 20 − 2 restated
        assertThat(outcome.path("actualSales").decimalValue()).isEqualByComparingTo("2746.20"); // 138 × 19.90
        assertThat(outcome.path("incrementalUnits").decimalValue()).isEqualByComparingTo("68"); // 138 − 70
        assertThat(outcome.path("dipUnits").decimalValue()).isEqualByComparingTo("28"); // 10 × 14 − 8 × 14
        assertThat(outcome.path("netIncrementalUnits").decimalValue()).isEqualByComparingTo("40");
        assertThat(outcome.path("upliftPercent").decimalValue()).isEqualByComparingTo("57.14"); // 40 / 70
        var total = result.path("total");
        assertThat(total.path("actualUnits").asLong()).isEqualTo(138);
        assertThat(total.path("upliftPercent").decimalValue()).isEqualByComparingTo("57.14");
        assertThat(result.path("missingCosts").get(0).asString()).as("no product cost yet").isEqualTo(GTIN);
        assertThat(uplift.body().path("baselineWeeks").asInt()).isEqualTo(8);
    }

    @Test
    void onlyNationalKaManagersReadTheUpliftAndAnUnknownPromotionIsNotFound() {
        Chain chain = aChain(Region.EAST);
        String id = nora.post("/api/promotions", draft(chain.id(), terms(chain.stores(), FROM, FROM.plusDays(6))))
                .text("id");

        assertThat(eric.get("/api/promotions/" + id + "/uplift").status()).isEqualTo(403);
        assertThat(anonymous.as(TestTokens.integrationFor(chain.id())).get("/api/promotions/" + id + "/uplift")
                .status()).isEqualTo(403);
        assertThat(nora.get("/api/promotions/" + UUID.randomUUID() + "/uplift").status()).isEqualTo(404);
    }
}
