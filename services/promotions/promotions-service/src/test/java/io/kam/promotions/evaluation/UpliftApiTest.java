package io.kam.promotions.evaluation;

import static io.kam.promotions.PromotionFixture.draft;
import static io.kam.promotions.PromotionFixture.terms;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.kam.accounts.api.Region;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.testing.TestTokens;
import io.kam.platform.testing.TopicWriter;
import io.kam.promotions.ServiceTest;
import io.kam.sellthrough.api.SellThroughEvents;
import io.kam.sellthrough.api.SellThroughEvents.RecordedLine;
import io.kam.sellthrough.api.SellThroughEvents.RestatedLine;
import io.kam.sellthrough.api.SellThroughEvents.SalesRecorded;
import io.kam.sellthrough.api.SellThroughEvents.SalesRestated;
import io.kam.sellthrough.api.SellThroughEvents.SellThroughEvent;

class UpliftApiTest extends ServiceTest {

    private static final LocalDate FROM = LocalDate.now(MarketCalendar.ZONE).plusDays(60);
    private static final String GTIN = "0" + MILK;

    private final TopicWriter<SellThroughEvent> sellThrough = TopicWriter.of(SellThroughEvents.CATALOG).as("connector");

    private void sold(UUID account, LocalDate day, long units) {
        BigDecimal sales = new BigDecimal("19.90").multiply(BigDecimal.valueOf(units));
        sellThrough.publish(new SalesRecorded(account, "b-" + day, 1, day, "CNY", units, sales,
                List.of(new RecordedLine("S1", GTIN, units, sales, null))));
    }

    @Test
    void theUpliftIsActualAgainstTheBaselineLessTheDipWorkedOutByHand() {
        Chain chain = aChain(Region.EAST);
        var drafted = nora.post("/api/promotions", draft(chain.id(), terms(chain.stores(), FROM, FROM.plusDays(6))));
        String id = drafted.text("id");
        for (int i = 56; i >= 1; i--) {
            sold(chain.id(), FROM.minusDays(i), 10); // 8 weeks before: 10 a day
        }
        for (int i = 0; i < 7; i++) {
            sold(chain.id(), FROM.plusDays(i), 20); // in store: 20 a day
        }
        for (int i = 7; i < 21; i++) {
            sold(chain.id(), FROM.plusDays(i), 8); // two weeks after: 8 a day
        }
        sellThrough.publish(new SalesRestated(chain.id(), "fix", 1, FROM, "CNY", -2, new BigDecimal("-39.80"),
                List.of(new RestatedLine("S1", GTIN, 18, new BigDecimal("358.20"), null, -2, new BigDecimal("-39.80")))));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select coalesce(sum(units), 0) from sell_through_day where account_id = ?").param(chain.id())
                .query(Long.class).single() == 560 + 138 + 112);

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
