package io.kam.promotions.evaluation;

import static io.kam.promotions.PromotionFixture.draft;
import static io.kam.promotions.PromotionFixture.terms;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.kam.accounts.api.Region;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.promotions.SalesFixture;
import io.kam.promotions.ServiceTest;
import io.kam.promotions.promotion.PromotionCalendar;
import io.kam.visits.api.StoreCheckEvents.SkuListed;

/**
 * A forecast proposed from history, for SKUs only these tests sell, one each (so no other test's evaluation is their
 * history): 10
 * a day in the store over the 8 weeks before today gives a baseline of 70 for a week; an earlier promotion of the SKU
 * at the account lifted its week by 60 %, so the proposal adds 42.
 */
class ForecastApiTest extends ServiceTest {

    private static final String EAN = "4006381333931";
    private static final String NEVER_PROMOTED = "4006381333948";
    private static final LocalDate TODAY = LocalDate.now(MarketCalendar.ZONE);

    @Autowired
    PromotionCalendar calendar;
    @Autowired
    Evaluations evaluations;

    private Chain aChainListing(String ean) {
        Chain chain = aChain(Region.EAST);
        visits.publish(new SkuListed(chain.id(), "0" + ean, "Cocoa 1 kg", new BigDecimal("39.90")));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from known_listing where account_id = ?").param(chain.id()).query(Long.class).single() == 3);
        return chain;
    }

    private static Map<String, Object> aWeekWithoutForecast(Chain chain, LocalDate from, String ean) {
        Map<String, Object> terms = terms(chain.stores(), from, from.plusDays(6), ean);
        terms.remove("forecast");
        return terms;
    }

    @Test
    void withoutEvaluatedPromotionsTheProposalIsTheBaselineAlone() {
        Chain chain = aChainListing(NEVER_PROMOTED);
        new SalesFixture("0" + NEVER_PROMOTED).sold(chain.id(), TODAY.minusDays(56), 56, 10);
        SalesFixture.awaitUnits(jdbc, chain.id(), 560);

        var proposal = nora.post("/api/promotions/forecast", draft(chain.id(), aWeekWithoutForecast(chain, TODAY.plusDays(300),
                NEVER_PROMOTED)));

        assertThat(proposal.status()).as(proposal.body().toString()).isEqualTo(200);
        assertThat(proposal.body().path("forecast").path("baselineUnits").asLong()).isEqualTo(70);
        assertThat(proposal.body().path("forecast").path("upliftUnits").asLong()).isZero();
        assertThat(proposal.body().path("basis").asString()).isEqualTo("NONE");
        assertThat(eric.post("/api/promotions/forecast", draft(chain.id(), aWeekWithoutForecast(chain,
                TODAY.plusDays(300), NEVER_PROMOTED))).status()).isEqualTo(403);
    }

    @Test
    void aDraftWithoutForecastGetsTheBaselineAndTheUpliftItsSkuAchievedBefore() {
        Chain chain = aChainListing(EAN);
        SalesFixture sales = new SalesFixture("0" + EAN);
        LocalDate earlier = TODAY.plusDays(40);
        sales.sold(chain.id(), TODAY.minusDays(56), 96, 10);
        sales.sold(chain.id(), earlier, 7, 20);
        sales.sold(chain.id(), earlier.plusDays(7), 14, 8);
        SalesFixture.awaitUnits(jdbc, chain.id(), 960 + 140 + 112);
        String before = anAgreedPromotion(chain, chain.stores(), earlier, earlier.plusDays(6), EAN);
        calendar.advanceTo(earlier);
        calendar.advanceTo(earlier.plusDays(7));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            evaluations.runUntil(earlier.plusDays(21));
            return nora.get("/api/promotions/" + before + "/evaluation").status() == 200;
        });
        assertThat(nora.get("/api/promotions/" + before + "/evaluation").body().path("total").path("upliftPercent")
                .decimalValue()).isEqualByComparingTo("60.00");

        var drafted = nora.post("/api/promotions", draft(chain.id(), aWeekWithoutForecast(chain, TODAY.plusDays(100), EAN)));

        assertThat(drafted.status()).as(drafted.body().toString()).isEqualTo(201);
        var forecast = drafted.body().path("terms").path("forecast");
        assertThat(forecast.path("baselineUnits").asLong()).isEqualTo(70);
        assertThat(forecast.path("upliftUnits").asLong()).isEqualTo(42);
        var proposal = nora.post("/api/promotions/forecast", draft(chain.id(), aWeekWithoutForecast(chain, TODAY.plusDays(100), EAN)));
        assertThat(proposal.body().path("basis").asString()).isEqualTo("ACCOUNT");
        assertThat(proposal.body().path("evaluations").asInt()).isEqualTo(1);
        assertThat(proposal.body().path("upliftPercent").decimalValue()).isEqualByComparingTo("60.00");
    }
}
