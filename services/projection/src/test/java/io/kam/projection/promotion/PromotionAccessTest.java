package io.kam.projection.promotion;

import static io.kam.projection.promotion.PromotionReviewTest.kpi;
import static io.kam.projection.promotion.PromotionReviewTest.names;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.kam.platform.testing.Api;
import io.kam.platform.testing.TestTokens;
import io.kam.projection.PromotionScenario;
import io.kam.projection.ReviewsTest;
import tools.jackson.databind.JsonNode;

/**
 * Who sees what of the promotions section, over {@link PromotionScenario}'s year. A coordinator sees the promotions
 * running in a store of their region, with that region's execution, beside the account's fund and spend (like the
 * plan); an integration every promotion but not its execution (our field work); an integration bound to the retailer
 * only the account's agreed promotions as calendar facts: no spend, ROI, uplift, fund, execution or PROMOTION_SPEND
 * target. Outside their scope, the review does not exist for a caller.
 */
class PromotionAccessTest extends ReviewsTest {

    @LocalServerPort
    int port;

    private PromotionScenario year;
    private Api anonymous;

    @BeforeEach
    void givenTheYear() {
        year = new PromotionScenario();
        year.publish(topic, promotions, visits);
        api.awaitVisitsApplied(year.account, PromotionScenario.VISITS_EVENTS);
        api.awaitPromotionsApplied(year.account, PromotionScenario.PROMOTION_EVENTS);
        anonymous = new Api(port);
    }

    @Test
    void aCoordinatorSeesThePromotionsOfTheirRegionWithTheirRegionsExecution() {
        JsonNode byEric = promotionsAs(TestTokens.eric());
        JsonNode bySofia = promotionsAs(TestTokens.sofia());

        assertThat(names(byEric.get("upcoming"))).containsExactly("New Year");
        assertThat(names(byEric.get("running"))).containsExactly("Christmas running");
        JsonNode east = byEric.at("/running/0/execution");
        assertThat(east.get("byRegion").propertyNames()).containsExactly("EAST");
        assertThat(east.at("/overall/checkedStores").asLong()).as("E1 and E2").isEqualTo(2);
        assertThat(east.at("/overall/compliancePercent").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(east.at("/overall/deviations").valueStream().map(d -> d.get("code").asString()))
                .containsExactly("display");
        assertThat(names(byEric.get("agreed"))).containsExactly("Spring dairy week", "Christmas running");
        assertThat(names(byEric.get("evaluated"))).containsExactly("Spring dairy week");
        assertThat(byEric.at("/spend/total").decimalValue()).as("the account's, like the plan")
                .isEqualByComparingTo("14660.00");
        assertThat(byEric.at("/fund/budget").decimalValue()).isEqualByComparingTo("50000.00");

        JsonNode south = bySofia.at("/running/0/execution");
        assertThat(south.get("byRegion").propertyNames()).containsExactly("SOUTH");
        assertThat(south.at("/overall/compliancePercent").decimalValue()).isEqualByComparingTo("0.0");
        assertThat(names(bySofia.get("agreed"))).containsExactly("Summer yoghurt days", "Christmas running");
        assertThat(bySofia.get("evaluated")).as("Spring ran in the East only").isEmpty();
    }

    @Test
    void anIntegrationSeesNoExecutionInStore() {
        JsonNode section = promotionsAs(TestTokens.integrationForAllAccounts());

        assertThat(names(section.get("running"))).containsExactly("Christmas running");
        assertThat(section.at("/running/0/execution").isNull()).isTrue();
        assertThat(section.at("/upcoming/0/execution").isNull()).isTrue();
        assertThat(section.get("agreed").valueStream().map(p -> p.get("execution"))).allMatch(JsonNode::isNull);
        assertThat(section.at("/evaluated/0/roi").decimalValue()).as("a client of ours, not the retailer's")
                .isEqualByComparingTo("0.3863");
        assertThat(section.at("/spend/total").decimalValue()).isEqualByComparingTo("14660.00");
    }

    @Test
    void theRetailersIntegrationSeesItsAgreedPromotionsAsCalendarFactsOnly() {
        Api retailer = anonymous.as(TestTokens.integrationFor(year.account));
        Api.Response response = retailer.get("/api/reviews/" + year.account);
        JsonNode review = response.body();
        JsonNode section = review.get("promotions");

        assertThat(response.status()).isEqualTo(200);
        assertThat(names(section.get("upcoming"))).containsExactly("New Year");
        assertThat(names(section.get("running"))).containsExactly("Christmas running");
        assertThat(names(section.get("agreed")))
                .containsExactly("Spring dairy week", "Summer yoghurt days", "Christmas running");
        assertThat(section.get("agreed").valueStream().map(p -> p.get("status").asString()))
                .allMatch(Set.of("AGREED", "RUNNING", "ENDED", "EVALUATED")::contains);
        assertThat(section.at("/agreed/0/inStoreFrom").asString()).isEqualTo("2026-03-01");
        assertThat(section.at("/agreed/0/skus/0/promotedPrice").decimalValue()).isEqualByComparingTo("19.90");
        assertThat(section.get("evaluated")).as("no uplift, spend or ROI").isEmpty();
        assertThat(section.get("fund").isNull()).as("no funds").isTrue();
        assertThat(section.get("spend").isNull()).as("no spend").isTrue();
        assertThat(section.get("eventsApplied").isNull()).as("nothing of what else is going on").isTrue();
        assertThat(section.get("asOf").isNull()).isTrue();
        assertThat(section.get("running").valueStream().map(p -> p.get("execution"))).allMatch(JsonNode::isNull);
        assertThat(review.at("/plan/targets").valueStream().map(t -> t.get("kpi").asString()))
                .as("no promotion budget").doesNotContain("PROMOTION_SPEND").contains("PROMOTIONS");
        assertThat(kpi(review, "PROMOTIONS").get("actual").decimalValue()).as("its own agreed promotions")
                .isEqualByComparingTo("3");
        assertThat(review.toString()).as("no spend, ROI or budget figure anywhere in the review")
                .doesNotContain("14660", "4660", "12660", "22660", "35340", "33340", "50000", "40000", "0.3863", "107.14",
                        "investment", "roi", "committed", "budget", "compliancePercent");
    }

    @Test
    void anotherRetailersIntegrationAndACoordinatorOfAnotherRegionDoNotSeeTheReview() {
        Api otherRetailer = anonymous.as(TestTokens.integrationFor(UUID.randomUUID()));
        Api west = anonymous.as(TestTokens.token("wu", Set.of("regional-coordinator"), "WEST"));

        assertThat(otherRetailer.get("/api/reviews/" + year.account).status()).isEqualTo(404);
        assertThat(west.get("/api/reviews/" + year.account).status()).isEqualTo(404);
    }

    private JsonNode promotionsAs(String token) {
        Api.Response response = anonymous.as(token).get("/api/reviews/" + year.account);
        assertThat(response.status()).isEqualTo(200);
        return response.body().get("promotions");
    }
}
