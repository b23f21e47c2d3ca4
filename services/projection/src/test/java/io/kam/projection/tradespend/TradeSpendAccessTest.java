package io.kam.projection.tradespend;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.kam.platform.testing.Api;
import io.kam.platform.testing.TestTokens;
import io.kam.projection.ReviewsTest;
import io.kam.projection.SellThroughFigures;
import io.kam.projection.TradeSpendScenario;
import tools.jackson.databind.JsonNode;

/**
 * Negotiations and terms are confidential, national KA managers only: a coordinator of the account's region, an
 * integration and the retailer's own integration all get the review without a trade-spend section, without the
 * agreed rate as the plan's TRADE_SPEND_RATE actual, and without any of the section's figures anywhere in it.
 */
class TradeSpendAccessTest extends ReviewsTest {

    @LocalServerPort
    int port;

    private TradeSpendScenario year;
    private Api anonymous;

    @BeforeEach
    void givenTheYear() {
        year = new TradeSpendScenario();
        year.publish(topic, negotiations, SellThroughFigures.topic(), promotions);
        api.awaitReview(year.account, r -> r.at("/promotions/eventsApplied").asLong() == 2
                && r.at("/tradeSpend/eventsApplied").asLong() == TradeSpendScenario.NEGOTIATION_EVENTS
                && r.at("/tradeSpend/accrued/sellThroughSales").decimalValue().compareTo(new BigDecimal("300000")) == 0);
        anonymous = new Api(port);
    }

    @Test
    void aSecondNationalKaManagerSeesTheSection() {
        JsonNode review = reviewAs(TestTokens.nate());

        assertThat(review.at("/tradeSpend/tradeSpend/percent").decimalValue()).isEqualByComparingTo("7.72");
        assertThat(review.at("/tradeSpend/nationalAverage/accounts").asLong()).isPositive();
    }

    @Test
    void aCoordinatorOfTheAccountsRegionGetsTheReviewWithoutTheTradeSpendSection() {
        assertNoTerms(reviewAs(TestTokens.eric()));
    }

    @Test
    void anIntegrationGetsTheReviewWithoutTheTradeSpendSection() {
        assertNoTerms(reviewAs(TestTokens.integrationForAllAccounts()));
    }

    @Test
    void theRetailersOwnIntegrationGetsTheReviewWithoutTheTradeSpendSectionOrTheTarget() {
        JsonNode review = reviewAs(TestTokens.integrationFor(year.account));

        assertNoFigures(review);
        assertThat(review.at("/plan/targets").valueStream().map(t -> t.get("kpi").asString()))
                .as("what we plan to spend on the retailer stays inside").doesNotContain("TRADE_SPEND_RATE");
    }

    private void assertNoTerms(JsonNode review) {
        assertNoFigures(review);
        JsonNode rate = review.at("/plan/targets").valueStream()
                .filter(t -> t.get("kpi").asString().equals("TRADE_SPEND_RATE")).findFirst().orElseThrow();
        assertThat(rate.get("target").decimalValue()).as("the plan's own target stays").isEqualByComparingTo("7.00");
        assertThat(rate.get("actual").isNull()).as("not the agreed rate").isTrue();
    }

    private void assertNoFigures(JsonNode review) {
        assertThat(review.get("tradeSpend").isNull()).as("no trade-spend section").isTrue();
        assertThat(review.toString()).as("no figure of the terms, the average or the ledger anywhere")
                .doesNotContain("7.72", "771506", "350000", "224660", "16660", "nationalAverage",
                        "lastNegotiation", "bonus", year.agreement.toString());
    }

    private JsonNode reviewAs(String token) {
        Api.Response response = anonymous.as(token).get("/api/reviews/" + year.account);
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }
}
