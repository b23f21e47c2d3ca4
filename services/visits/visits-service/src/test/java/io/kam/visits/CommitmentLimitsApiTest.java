package io.kam.visits;

import static org.assertj.core.api.Assertions.assertThat;
import static io.kam.visits.AgreementsFixture.amended;
import static io.kam.visits.AgreementsFixture.percent;
import static io.kam.visits.AgreementsFixture.signed;
import static io.kam.visits.AgreementsFixture.usual;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.kam.accounts.api.Region;
import io.kam.negotiations.api.TermKind;
import io.kam.platform.events.EventEnvelope;
import io.kam.promotions.api.Mechanic;

/**
 * The commitment guard checks amounts, not only types: a coordinator's discount, fee or free goods within what the
 * agreement in force on the visit's day, or a promotion agreed with the retailer and in store then, allows is recorded
 * as a promise naming that limit; beyond every limit, or with no agreement at all, it is held for a national KA
 * manager with the limit it exceeded. Coordinators read the limits, never the negotiation behind them.
 */
class CommitmentLimitsApiTest extends ServiceTest {

    @Test
    void givenTheAgreementsThreePercentOnInvoice_whenACoordinatorPromisesThreePercent_thenItIsAllowedByThatVersion() {
        Planned planned = aStoreVisitToday(Region.EAST, eric);
        UUID agreement = UUID.randomUUID();
        agreements.publish(signed(planned.account(), agreement, usual()));

        JsonNode commitment = log(planned, eric, discount("3.00")).at("/commitments/0");

        assertThat(commitment.path("status").asString()).isEqualTo("RECORDED");
        assertThat(commitment.path("promise").asBoolean()).isTrue();
        assertThat(commitment.path("discountPercent").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(commitment.at("/allowedBy/kind").asString()).isEqualTo("ON_INVOICE_DISCOUNT");
        assertThat(commitment.at("/allowedBy/limit").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(commitment.at("/allowedBy/source/agreementId").asString()).isEqualTo(agreement.toString());
        assertThat(commitment.at("/allowedBy/source/agreementVersion").asInt()).isEqualTo(1);
        assertThat(commitment.path("exceeded").isNull()).isTrue();
        var events = awaitEvents(planned.account(), e -> types(e).contains("kam.commitment.recorded"));
        JsonNode recorded = event(events, "kam.commitment.recorded");
        assertThat(recorded.path("discountPercent").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(recorded.at("/allowedBy/source/agreementId").asString()).isEqualTo(agreement.toString());
    }

    @Test
    void givenTheAgreement_whenACoordinatorPromisesMoreThanItAllows_thenItIsHeldWithTheLimitExceeded_untilAnotherManagerApproves() {
        Planned planned = aStoreVisitToday(Region.EAST, eric);
        UUID agreement = UUID.randomUUID();
        agreements.publish(signed(planned.account(), agreement, usual()));

        JsonNode commitment = log(planned, eric, discount("4.50")).at("/commitments/0");

        assertThat(commitment.path("status").asString()).isEqualTo("FLAGGED");
        assertThat(commitment.path("promise").asBoolean()).isFalse();
        assertThat(commitment.at("/exceeded/kind").asString()).as("the most generous limit").isEqualTo("ON_INVOICE_DISCOUNT");
        assertThat(commitment.at("/exceeded/limit").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(commitment.at("/exceeded/asked").decimalValue()).isEqualByComparingTo("4.50");
        assertThat(commitment.at("/exceeded/source/agreementId").asString()).isEqualTo(agreement.toString());
        assertThat(commitment.path("allowedBy").isNull()).isTrue();
        var events = awaitEvents(planned.account(), e -> types(e).contains("kam.commitment.flagged"));
        assertThat(event(events, "kam.commitment.flagged").at("/exceeded/limit").decimalValue()).isEqualByComparingTo("3.00");

        String approval = "/api/visits/commitments/" + commitment.path("id").asString() + "/approval";
        assertThat(eric.post(approval, Map.of(), "\"0\"").status()).as("coordinators do not decide").isEqualTo(403);
        var approved = nora.post(approval, Map.of("note", "Against 40 more end caps"), "\"0\"");
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body().path("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.body().at("/exceeded/limit").decimalValue()).as("the answer stays with it")
                .isEqualByComparingTo("3.00");
    }

    @Test
    void aManagersOwnHeldCommitmentIsApprovedByAnotherManager() {
        Planned planned = aStoreVisitToday(Region.EAST, nora);
        agreements.publish(signed(planned.account(), UUID.randomUUID(), usual()));
        String id = log(planned, nora, fee("LISTING_FEE", "6000.00")).at("/commitments/0/id").asString();

        var own = nora.post("/api/visits/commitments/" + id + "/approval", Map.of(), "\"0\"");

        assertThat(own.status()).isEqualTo(403);
        assertThat(own.text("code")).isEqualTo("own-commitment");
        assertThat(nate.post("/api/visits/commitments/" + id + "/approval", Map.of(), "\"0\"").status()).isEqualTo(200);
    }

    @Test
    void givenARunningPromotionCuttingTheShelfPrice_whenADiscountAboveTheAgreementButWithinItIsPromised_thenThePromotionAllowsIt() {
        Planned planned = aStoreVisitToday(Region.EAST, eric);
        agreements.publish(signed(planned.account(), UUID.randomUUID(), usual()));
        UUID promotion = promotions.anAgreedPromotion(planned.account(), PromotionsFixture.terms("Spring dairy week",
                List.of(Mechanic.PRICE_DISCOUNT), List.of(PromotionsFixture.sku("06901234567892", "13.50", "11.90")),
                List.of(planned.store()), TODAY.minusDays(3), TODAY.plusDays(10)));

        var commitments = log(planned, eric, discount("10.00"), discount("12.00")).path("commitments");

        JsonNode within = commitments.get(0);
        assertThat(within.path("status").asString()).isEqualTo("RECORDED");
        assertThat(within.at("/allowedBy/kind").asString()).isEqualTo("PROMOTION_DISCOUNT");
        // (13.50 - 11.90) / 13.50 = 11.85… %, rounded down
        assertThat(within.at("/allowedBy/limit").decimalValue()).isEqualByComparingTo("11.85");
        assertThat(within.at("/allowedBy/source/promotionId").asString()).isEqualTo(promotion.toString());
        assertThat(within.at("/allowedBy/source/promotionRevision").asInt()).isEqualTo(1);
        JsonNode beyond = commitments.get(1);
        assertThat(beyond.path("status").asString()).isEqualTo("FLAGGED");
        assertThat(beyond.at("/exceeded/kind").asString()).isEqualTo("PROMOTION_DISCOUNT");
        assertThat(beyond.at("/exceeded/limit").decimalValue()).isEqualByComparingTo("11.85");
    }

    @Test
    void givenNoAgreement_whenAnAmountIsPromised_thenItIsHeldSayingNoLimitIsInForce_evenIfThePolicyAllowsTheType() {
        Planned planned = aStoreVisitToday(Region.SOUTH, sofia);
        nora.put("/api/visits/accounts/" + planned.account() + "/commitment-policy",
                Map.of("allowed", List.of("PRICE_DISCOUNT", "POS_MATERIAL")), "*");

        var commitments = log(planned, sofia, discount("1.00"),
                Map.of("type", "POS_MATERIAL", "description", "Two hanging flags")).path("commitments");

        JsonNode held = commitments.get(0);
        assertThat(held.path("status").asString()).isEqualTo("FLAGGED");
        assertThat(held.at("/exceeded/kind").isNull()).isTrue();
        assertThat(held.at("/exceeded/limit").isNull()).isTrue();
        assertThat(held.at("/exceeded/asked").decimalValue()).isEqualByComparingTo("1.00");
        assertThat(held.at("/exceeded/reason").asString()).contains("no agreement is in force").contains(TODAY.toString());
        assertThat(commitments.get(1).path("status").asString()).as("no amount: the policy decides")
                .isEqualTo("RECORDED");
    }

    @Test
    void givenAnAmendment_thenItsLimitsReplaceTheFirstVersionsFromItsFirstDay() {
        Planned planned = aStoreVisitToday(Region.EAST, eric);
        UUID agreement = UUID.randomUUID();
        agreements.publish(signed(planned.account(), agreement, usual()));
        agreements.publish(amended(planned.account(), agreement, 2, TODAY.withDayOfMonth(1),
                List.of(percent(TermKind.ON_INVOICE_DISCOUNT, "4.00"))));
        String limits = "/api/visits/accounts/" + planned.account() + "/commitment-limits";

        JsonNode commitment = log(planned, eric, discount("3.50")).at("/commitments/0");
        JsonNode february = eric.get(limits + "?date=" + TODAY.minusDays(10)).body();
        JsonNode today = eric.get(limits).body();

        assertThat(commitment.path("status").asString()).isEqualTo("RECORDED");
        assertThat(commitment.at("/allowedBy/source/agreementVersion").asInt()).isEqualTo(2);
        assertThat(today.path("date").asString()).isEqualTo(TODAY.toString());
        assertThat(today.path("limits")).singleElement().satisfies(l -> {
            assertThat(l.path("kind").asString()).isEqualTo("ON_INVOICE_DISCOUNT");
            assertThat(l.path("limit").decimalValue()).isEqualByComparingTo("4.00");
            assertThat(l.path("effectiveFrom").asString()).isEqualTo(TODAY.withDayOfMonth(1).toString());
        });
        assertThat(february.path("limits").valueStream().map(l -> l.path("kind").asString()).toList())
                .containsExactly("ON_INVOICE_DISCOUNT", "OFF_INVOICE_REBATE", "LISTING_FEE", "PROMOTION_FEE");
        assertThat(february.path("limits").valueStream().map(l -> l.at("/source/agreementVersion").asInt()).distinct()
                .toList()).containsExactly(1);
    }

    @Test
    void theLimitsAreForManagersAndTheAccountsRegionalCoordinator_neverTheNegotiation() {
        Planned planned = aStoreVisitToday(Region.EAST, eric);
        agreements.publish(signed(planned.account(), UUID.randomUUID(), usual()));
        String limits = "/api/visits/accounts/" + planned.account() + "/commitment-limits";

        var coordinator = eric.get(limits);
        var manager = nate.get(limits + "?storeId=" + planned.store());
        var otherRegion = sofia.get(limits);
        var otherRegionsStore = sofia.get(limits + "?storeId=" + planned.store());
        var machine = integration.get(limits);
        var unknown = nora.get("/api/visits/accounts/" + UUID.randomUUID() + "/commitment-limits");

        assertThat(coordinator.status()).isEqualTo(200);
        assertThat(coordinator.body().path("limits")).hasSize(4);
        assertThat(coordinator.body().path("limits").get(2).path("per").asString()).isEqualTo("SKU_LISTED");
        assertThat(coordinator.body().toString()).doesNotContain("annualCost", "shareOfSales", "opening", "target",
                "walkAway", "basis", "buyerName", "PAYMENT_TERMS");
        assertThat(manager.status()).isEqualTo(200);
        assertThat(otherRegion.status()).as("its existence does not leak").isEqualTo(404);
        assertThat(otherRegionsStore.status()).isEqualTo(404);
        assertThat(machine.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void aNegativeAbsurdOrMisplacedAmountIsRefusedWithFieldErrors_andNothingIsWritten() {
        Planned planned = aStoreVisitToday(Region.EAST, eric);
        Map<String, Object> log = aLog();
        log.put("commitments", List.of(discount("-1.00"), discount("150.00"), fee("DISPLAY_FEE", "99999999.00")));
        Map<String, Object> misplaced = aLog();
        misplaced.put("commitments", List.of(
                Map.of("type", "PRICE_DISCOUNT", "description", "Five yuan off", "amount", "5.00"),
                Map.of("type", "TRAINING", "description", "Train two promoters", "units", 2)));

        var invalid = eric.post("/api/visits/" + planned.visit() + "/log", log, planned.etag());
        var wrongUnit = eric.post("/api/visits/" + planned.visit() + "/log", misplaced, planned.etag());

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.headers().getContentType().toString()).contains("application/problem+json");
        assertThat(invalid.fieldErrors()).extracting(e -> e.substring(0, e.indexOf(':'))).containsExactlyInAnyOrder(
                "commitments[0].discountPercent", "commitments[1].discountPercent", "commitments[2].amount");
        assertThat(wrongUnit.status()).isEqualTo(400);
        assertThat(wrongUnit.fieldErrors()).containsExactlyInAnyOrder(
                "commitments[0].amount: a PRICE_DISCOUNT commitment states its amount as discountPercent, not amount",
                "commitments[1].units: a TRAINING commitment takes no amount");
        assertThat(visit(planned.visit()).path("status").asString()).isEqualTo("PLANNED");
        assertThat(jdbc.sql("select count(*) from commitment where visit_id = cast(:id as uuid)")
                .param("id", planned.visit()).query(Long.class).single()).isZero();
    }

    private JsonNode log(Planned planned, io.kam.platform.testing.Api as, Map<?, ?>... commitments) {
        Map<String, Object> log = aLog();
        log.put("commitments", List.of(commitments));
        var logged = as.post("/api/visits/" + planned.visit() + "/log", log, planned.etag());
        if (logged.status() != 200) {
            throw new AssertionError("could not log: " + logged.status() + " " + logged.body());
        }
        return logged.body();
    }

    private static Map<String, Object> discount(String percent) {
        Map<String, Object> made = new HashMap<>();
        made.put("type", "PRICE_DISCOUNT");
        made.put("description", percent + "% off UHT milk for the March end cap");
        made.put("discountPercent", percent);
        return made;
    }

    private static Map<String, Object> fee(String type, String yuan) {
        return Map.of("type", type, "description", yuan + " yuan", "amount", yuan);
    }

    private static JsonNode event(List<EventEnvelope> events, String type) {
        return events.stream().filter(e -> e.type().equals(type)).findFirst().orElseThrow().data();
    }
}
