package io.kam.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.kam.accounts.AccountsApplication;
import io.kam.negotiations.NegotiationsApplication;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.testing.Api;
import io.kam.platform.testing.RunningService;
import io.kam.platform.testing.TestTokens;
import io.kam.projection.ProjectionApplication;
import io.kam.visits.VisitsApplication;
import tools.jackson.databind.JsonNode;

/**
 * Issue 14 end to end, four services on the real broker (the visits side in its own test below): an account with stores and an approved plan for next year
 * (four eyes) in the accounts service; the year's negotiation opened, prepared on the plan's sell-through target,
 * approved by a second manager, three rounds whose gives are each linked to a get, and the agreement signed. Then the
 * accounts plan's TRADE_SPEND_RATE actual is the agreement's true trade spend %, and the projection's review shows the
 * trade-spend section: the terms in force by kind with cost and share, the true trade spend against the plan's target,
 * and the ledger of the three rounds.
 *
 * <p>The figures, all from the inputs below: basis 60,000,000 (the plan's SELL_THROUGH_VALUE), 3 stores open in the
 * year of which 1 opens in it, 4 new listings (the plan's NEW_LISTINGS), financing at 4.35 %. Signed: on-invoice
 * 3.20 % = 1,920,000; rebate 2.50 % = 1,500,000; promotion fee 12,000 × 3 stores = 36,000; new-store fee 25,000 × 1
 * = 25,000; listing fee 3,000 × 4 = 12,000; payment terms 45 days = 60,000,000 × 45 ÷ 365 × 4.35 % = 321,780.82;
 * total 3,814,780.82, true trade spend 6.36 % against the plan's 6.50 %.
 */
class NegotiationsEndToEndTest {

    private static final LocalDate TODAY = LocalDate.now(MarketCalendar.ZONE);
    /** The year negotiated: next year, so that every round and the signing lie in the past of it. */
    private static final int YEAR = TODAY.getYear() + 1;
    private static final BigDecimal BASIS = new BigDecimal("60000000.00");
    private static final BigDecimal FINANCING_RATE = new BigDecimal("4.35");
    private static final BigDecimal TARGET = new BigDecimal("6.50");
    private static final long STORES_OPEN = 3;
    private static final long STORES_OPENING = 1;
    private static final long NEW_LISTINGS = 4;
    private static final BigDecimal BUDGET = new BigDecimal("800000.00");

    private static RunningService accounts;
    private static RunningService negotiations;
    private static RunningService projection;
    private static RunningService visits;
    private static Api accountsApi;
    private static Api nora;
    private static Api nate;
    private static Api reviewsApi;

    @BeforeAll
    static void startServices() {
        accounts = RunningService.start(AccountsApplication.class, "system14_accounts", Map.of());
        negotiations = RunningService.start(NegotiationsApplication.class, "system14_negotiations",
                Map.of("kam.negotiations.financing-rate-percent", FINANCING_RATE.toPlainString()));
        projection = RunningService.start(ProjectionApplication.class, "system14_projection", Map.of());
        visits = RunningService.start(VisitsApplication.class, "system14_visits", Map.of());
        accountsApi = new Api(accounts.port()).as(TestTokens.nora());
        nora = new Api(negotiations.port()).as(TestTokens.nora());
        nate = new Api(negotiations.port()).as(TestTokens.nate());
        reviewsApi = new Api(projection.port()).as(TestTokens.nora());
    }

    @AfterAll
    static void stopServices() {
        for (RunningService service : new RunningService[] {visits, projection, negotiations, accounts}) {
            if (service != null) {
                service.close();
            }
        }
    }

    @Test
    void aNegotiationPreparedNegotiatedInThreeRoundsAndSigned_becomesThePlansTradeSpendActualAndTheReviewsSection() {
        String account = anAccountWithAnApprovedPlan();
        String id = aPreparedNegotiation(account);
        String path = "/api/negotiations/" + id;

        // three rounds, each give linked to what it got back
        List<Give> gives = List.of(
                new Give(1, "赞助费", perStore("12000.00"), perStoreCost("12000.00").subtract(perStoreCost("10000.00")),
                        "DISPLAY", "20000.00"),
                new Give(2, "账期", days(45), daysCost(45).subtract(daysCost(30)), "SHELF_SPACE", "150000.00"),
                new Give(2, "新店费", perStore("25000.00"), newStoreCost("25000.00").subtract(newStoreCost("20000.00")),
                        "LISTING", "30000.00"),
                new Give(3, "年返", percent("2.50"), percentCost("2.50").subtract(percentCost("2.00")),
                        "VOLUME_COMMITMENT", "500000.00"),
                new Give(3, "票面折扣", percent("3.20"), percentCost("3.20").subtract(percentCost("3.00")),
                        "PROMOTION_SLOT", "200000.00"));
        String etag = nora.get(path).etag();
        for (int round = 1; round <= 3; round++) {
            var recorded = nora.post(path + "/rounds", round(round), etag);
            assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(200);
            etag = recorded.etag();
            for (Give give : gives) {
                if (give.round() == round) {
                    var given = nora.post(path + "/gives", give.request(), etag);
                    assertThat(given.status()).as(given.body().toString()).isEqualTo(201);
                    assertThat(given.body().path("cost").decimalValue()).isEqualByComparingTo(give.cost());
                    etag = given.etag();
                }
            }
        }

        // signed at the ledger's positions; the listing fee stays at its opening
        Map<String, Map<String, Object>> agreed = new LinkedHashMap<>();
        agreed.put("票面折扣", percent("3.20"));
        agreed.put("年返", percent("2.50"));
        agreed.put("赞助费", perStore("12000.00"));
        agreed.put("新店费", perStore("25000.00"));
        agreed.put("上架费", perListing("3000.00"));
        agreed.put("账期", days(45));
        var signed = nora.post(path + "/agreement", Map.of("effectiveFrom", YEAR + "-01-01",
                "effectiveTo", YEAR + "-12-31", "signedOn", TODAY.toString(),
                "signatories", List.of(Map.of("party", "SUPPLIER", "name", "Nora Lin", "title", "National KA manager"),
                        Map.of("party", "RETAILER", "name", "Zhao Min", "title", "Category director")),
                "terms", agreed.entrySet().stream().map(t -> Map.of("buyerName", t.getKey(), "value", t.getValue()))
                        .toList()), etag);
        assertThat(signed.status()).as(signed.body().toString()).isEqualTo(201);
        String agreementId = signed.text("agreementId");

        Map<String, BigDecimal> costByKind = new LinkedHashMap<>();
        costByKind.put("ON_INVOICE_DISCOUNT", percentCost("3.20"));
        costByKind.put("OFF_INVOICE_REBATE", percentCost("2.50"));
        costByKind.put("LISTING_FEE", money(new BigDecimal("3000.00").multiply(BigDecimal.valueOf(NEW_LISTINGS))));
        costByKind.put("PROMOTION_FEE", perStoreCost("12000.00"));
        costByKind.put("NEW_STORE_FEE", newStoreCost("25000.00"));
        costByKind.put("PAYMENT_TERMS", daysCost(45));
        BigDecimal total = costByKind.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal tradeSpend = share(total);
        assertThat(signed.body().at("/terms/totalAnnualCost").decimalValue()).isEqualByComparingTo(total);
        assertThat(signed.body().at("/terms/tradeSpendPercent").decimalValue()).isEqualByComparingTo(tradeSpend);

        // the accounts plan: the agreement's true trade spend is the year's TRADE_SPEND_RATE actual
        JsonNode actual = await("the plan's trade-spend actual").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> accountsApi.get("/api/accounts/" + account + "/plans/" + YEAR + "/versions/1").body()
                        .path("actuals"), a -> a.size() == 1).get(0);
        assertThat(actual.path("kpi").asString()).isEqualTo("TRADE_SPEND_RATE");
        assertThat(actual.path("value").decimalValue()).isEqualByComparingTo(tradeSpend);
        assertThat(actual.path("basisSource").asString()).isEqualTo("PLAN_SELL_THROUGH_TARGET");
        assertThat(actual.path("effectiveFrom").asString()).isEqualTo(YEAR + "-01-01");

        // the review's trade-spend section
        JsonNode review = await("the review's trade-spend section").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> reviewsApi.get("/api/reviews/" + account + "?year=" + YEAR),
                        r -> r.status() == 200 && agreementId.equals(r.body().at("/tradeSpend/agreement/agreementId")
                                .asString()) && r.body().at("/tradeSpend/lastNegotiation/agreementId").asString()
                                .equals(agreementId)).body();
        JsonNode section = review.path("tradeSpend");
        JsonNode agreement = section.path("agreement");
        assertThat(agreement.at("/basis/source").asString()).isEqualTo("PLAN_SELL_THROUGH_TARGET");
        assertThat(agreement.at("/basis/annualSales").decimalValue()).isEqualByComparingTo(BASIS);
        assertThat(agreement.path("totalAnnualCost").decimalValue()).isEqualByComparingTo(total);
        Map<String, String> byKind = new LinkedHashMap<>();
        agreement.path("byKind").forEach(k -> byKind.put(k.path("kind").asString(),
                k.path("annualCost").decimalValue().setScale(2) + " " + k.path("shareOfSales").decimalValue().setScale(2)));
        Map<String, String> expectedByKind = new LinkedHashMap<>();
        costByKind.forEach((kind, cost) -> expectedByKind.put(kind, cost.setScale(2) + " " + share(cost)));
        assertThat(byKind).as("in TermKind order").containsExactlyEntriesOf(expectedByKind);

        JsonNode spend = section.path("tradeSpend");
        assertThat(spend.path("percent").decimalValue()).isEqualByComparingTo(tradeSpend);
        assertThat(spend.path("totalAnnualCost").decimalValue()).isEqualByComparingTo(total);
        assertThat(spend.path("target").decimalValue()).isEqualByComparingTo(TARGET);
        assertThat(spend.path("againstTarget").decimalValue()).isEqualByComparingTo(tradeSpend.subtract(TARGET));
        assertThat(review.at("/plan/targets").valueStream().filter(t -> t.path("kpi").asString()
                .equals("TRADE_SPEND_RATE")).findFirst().orElseThrow().path("actual").decimalValue())
                .isEqualByComparingTo(tradeSpend);

        JsonNode ledger = section.path("lastNegotiation");
        BigDecimal givesCost = gives.stream().map(Give::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal getsValue = gives.stream().map(g -> new BigDecimal(g.getValue())).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        assertThat(ledger.path("negotiationId").asString()).isEqualTo(id);
        assertThat(ledger.path("year").asInt()).isEqualTo(YEAR);
        assertThat(ledger.path("preparationApproved").asBoolean()).isTrue();
        assertThat(ledger.path("approvedBy").asString()).isEqualTo("nate");
        assertThat(ledger.path("rounds").asInt()).isEqualTo(3);
        assertThat(ledger.path("asks").asLong()).isEqualTo(3);
        assertThat(ledger.path("claims").asLong()).isEqualTo(3);
        assertThat(ledger.path("gives").asLong()).isEqualTo(gives.size());
        assertThat(ledger.path("givesCost").decimalValue()).isEqualByComparingTo(givesCost);
        assertThat(ledger.path("gets").asLong()).as("every give got something").isEqualTo(gives.size());
        assertThat(ledger.path("getsValue").decimalValue()).isEqualByComparingTo(getsValue);
        assertThat(ledger.path("unreturnedGives").asLong()).isZero();
        assertThat(ledger.path("budgetRemaining").decimalValue()).isEqualByComparingTo(BUDGET.subtract(givesCost));
        List<String> perRound = new ArrayList<>();
        ledger.path("perRound").forEach(r -> perRound.add(r.path("round").asInt() + ": " + r.path("gives").asLong()
                + " gives " + r.path("givesCost").decimalValue().setScale(2) + ", " + r.path("gets").asLong() + " gets"
                + (r.path("seniorPresent").asBoolean() ? ", senior" : "")));
        List<String> expectedRounds = new ArrayList<>();
        for (int round = 1; round <= 3; round++) {
            int r = round;
            List<Give> of = gives.stream().filter(g -> g.round() == r).toList();
            expectedRounds.add(round + ": " + of.size() + " gives " + of.stream().map(Give::cost)
                    .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2) + ", " + of.size() + " gets"
                    + (round == 3 ? ", senior" : ""));
        }
        assertThat(perRound).containsExactlyElementsOf(expectedRounds);
    }

    /**
     * The visits side: this year's agreement signed (on-invoice 3.20 %, rebate 2.50 %) reaches the visits service,
     * whose commitment guard then records a coordinator's 3 % discount as allowed by that agreement and holds a 4 %
     * one for a manager with the limit it exceeded; the coordinator reads the limits, never the negotiation.
     */
    @Test
    void thisYearsSignedAgreementIsTheLimitTheVisitsGuardHoldsAnOverLimitCommitmentTo() {
        int thisYear = TODAY.getYear();
        String account = accountsApi.post("/api/accounts", Map.of("name", "Jade River Supermarkets " + UUID.randomUUID(),
                "banner", "Jade River", "format", "SUPERMARKET",
                "headquarters", Map.of("street", "18 Xixi Road", "city", "Hangzhou"), "scope", "NATIONAL",
                "owner", "nora")).text("id");
        var opened = accountsApi.post("/api/accounts/" + account + "/stores/bulk", Map.of("stores", List.of(
                Map.of("code", "JR-01", "name", "Hangzhou Xixi", "city", "Hangzhou", "region", "EAST",
                        "format", "SUPERMARKET", "openingDate", "2020-05-01"))));
        assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
        String store = opened.body().get(0).path("id").asString();

        Map.of("票面折扣", "ON_INVOICE_DISCOUNT", "年返", "OFF_INVOICE_REBATE").forEach((name, kind) ->
                await("the account reaches the negotiations service").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> nora.put("/api/negotiations/aliases", Map.of("accountId", account, "buyerName", name,
                                "kind", kind), null).status() == 200));
        var negotiation = nora.post("/api/negotiations", Map.of("accountId", account, "year", thisYear));
        assertThat(negotiation.status()).as(negotiation.body().toString()).isEqualTo(201);
        String path = "/api/negotiations/" + negotiation.text("id");
        var prepared = nora.put(path + "/preparation", Map.of("terms", List.of(
                        term("票面折扣", percent("3.00"), percent("3.20"), percent("3.50")),
                        term("年返", percent("2.50"), percent("2.80"), percent("3.00"))),
                "concessionBudget", new BigDecimal("300000.00"),
                "basis", Map.of("source", "STATED_ESTIMATE", "annualSales", new BigDecimal("24000000.00"))),
                negotiation.etag());
        assertThat(prepared.status()).as(prepared.body().toString()).isEqualTo(200);
        var approved = nate.post(path + "/preparation/approval", Map.of("revision", 1), prepared.etag());
        var round = nora.post(path + "/rounds", Map.of("heldOn", TODAY.toString(),
                "ourAttendees", List.of(Map.of("name", "Nora Lin", "title", "National KA manager", "senior", false)),
                "theirAttendees", List.of(Map.of("name", "Sun Li", "title", "Buyer", "senior", false)),
                "asks", List.of(Map.of("buyerName", "票面折扣", "asked", percent("3.50"))),
                "claims", List.of()), approved.etag());
        assertThat(round.status()).as(round.body().toString()).isEqualTo(200);
        var given = nora.post(path + "/gives", new Give(1, "票面折扣", percent("3.20"), BigDecimal.ZERO, "DISPLAY",
                "40000.00").request(), round.etag());
        assertThat(given.status()).as(given.body().toString()).isEqualTo(201);
        var signed = nora.post(path + "/agreement", Map.of("effectiveFrom", thisYear + "-01-01",
                "effectiveTo", thisYear + "-12-31", "signedOn", TODAY.toString(),
                "signatories", List.of(Map.of("party", "SUPPLIER", "name", "Nora Lin", "title", "National KA manager"),
                        Map.of("party", "RETAILER", "name", "Sun Li", "title", "Buyer")),
                "terms", List.of(Map.of("buyerName", "票面折扣", "value", percent("3.20")),
                        Map.of("buyerName", "年返", "value", percent("2.50")))), given.etag());
        assertThat(signed.status()).as(signed.body().toString()).isEqualTo(201);
        String agreementId = signed.text("agreementId");

        // Eric, coordinator of the East, reads the limits once the agreement has reached the visits service ...
        Api eric = new Api(visits.port()).as(TestTokens.eric());
        String limits = "/api/visits/accounts/" + account + "/commitment-limits";
        JsonNode inForce = await("the agreement reaches the visits service").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> eric.get(limits), r -> r.status() == 200 && r.body().path("limits").size() == 2).body();
        assertThat(inForce.path("limits").valueStream().map(l -> l.path("kind").asString() + " "
                + l.path("limit").decimalValue().setScale(2))).containsExactly("ON_INVOICE_DISCOUNT 3.20",
                "OFF_INVOICE_REBATE 2.50");
        assertThat(inForce.toString()).doesNotContain("walkAway", "target", "annualCost", "basis");

        // ... plans today's visit to the store and logs two discounts: one within the agreement, one beyond it
        var visit = await("the store reaches the visits service").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> eric.post("/api/visits", Map.of("region", "EAST", "storeId", store, "type", "MAINTENANCE",
                        "plannedDate", TODAY.toString(), "slot", "TRADING_HOURS")), r -> r.status() == 201);
        Map<String, Object> log = new HashMap<>();
        log.put("discussed", Map.of("salesStatus", Map.of("note", "UHT milk up 8 %"),
                "marketAndCompetitors", Map.of("note", "A rival runs 15 % off yoghurt"),
                "problemsAndSolutions", Map.of("note", "Chiller door broken; reported")));
        log.put("wentTo", Map.of("shelf", Map.of("note", "All SKUs on shelf"),
                "tradeFlow", Map.of("note", "Three days of stock"),
                "staffTraining", Map.of("notApplicableReason", "No promoters this week")));
        log.put("outcome", "OBJECTIVE_MET");
        log.put("commitments", List.of(
                Map.of("type", "PRICE_DISCOUNT", "description", "3 % off UHT milk", "discountPercent", "3.00"),
                Map.of("type", "PRICE_DISCOUNT", "description", "4 % off yoghurt", "discountPercent", "4.00")));
        var logged = eric.post("/api/visits/" + visit.text("id") + "/log", log, visit.etag());
        assertThat(logged.status()).as(logged.body().toString()).isEqualTo(200);

        JsonNode within = logged.body().at("/commitments/0");
        assertThat(within.path("status").asString()).isEqualTo("RECORDED");
        assertThat(within.at("/allowedBy/kind").asString()).isEqualTo("ON_INVOICE_DISCOUNT");
        assertThat(within.at("/allowedBy/limit").decimalValue()).isEqualByComparingTo("3.20");
        assertThat(within.at("/allowedBy/source/agreementId").asString()).isEqualTo(agreementId);
        JsonNode beyond = logged.body().at("/commitments/1");
        assertThat(beyond.path("status").asString()).as("held for a manager").isEqualTo("FLAGGED");
        assertThat(beyond.at("/exceeded/kind").asString()).isEqualTo("ON_INVOICE_DISCOUNT");
        assertThat(beyond.at("/exceeded/limit").decimalValue()).isEqualByComparingTo("3.20");
        assertThat(beyond.at("/exceeded/asked").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(beyond.at("/exceeded/source/agreementId").asString()).isEqualTo(agreementId);
    }

    /** An account with three stores (one opening in the year) and next year's plan, drafted by Nora, approved by Nate. */
    private static String anAccountWithAnApprovedPlan() {
        String account = accountsApi.post("/api/accounts", Map.of("name", "Dragon Gate Hypermarkets " + UUID.randomUUID(),
                "banner", "Dragon Gate", "format", "HYPERMARKET",
                "headquarters", Map.of("street", "9 Binjiang Avenue", "city", "Wuhan"), "scope", "NATIONAL",
                "owner", "nora")).text("id");
        var stores = accountsApi.post("/api/accounts/" + account + "/stores/bulk", Map.of("stores", List.of(
                store("DG-01", "Wuhan Hankou", "2019-03-16"),
                store("DG-02", "Wuhan Wuchang", "2021-09-30"),
                store("DG-03", "Wuhan Optics Valley", YEAR + "-04-18"))));
        assertThat(stores.status()).as(stores.body().toString()).isEqualTo(201);
        String plan = "/api/accounts/" + account + "/plans/" + YEAR + "/versions/1";
        BigDecimal month = BASIS.divide(BigDecimal.valueOf(12), 2, RoundingMode.UNNECESSARY);
        var drafted = accountsApi.post("/api/accounts/" + account + "/plans", Map.of("year", YEAR, "targets", List.of(
                Map.of("kpi", "SELL_THROUGH_VALUE", "value", BASIS, "baseline", new BigDecimal("55000000")),
                Map.of("kpi", "NEW_LISTINGS", "value", NEW_LISTINGS, "baseline", 2),
                Map.of("kpi", "TRADE_SPEND_RATE", "value", TARGET, "baseline", new BigDecimal("7.10"))),
                "phasing", Collections.nCopies(12, month),
                "actionItems", List.of(Map.of("what", "Sign the annual terms before the Spring Festival", "owner", "nora",
                        "due", YEAR + "-01-31", "servesKpi", "TRADE_SPEND_RATE"))));
        assertThat(drafted.status()).as(drafted.body().toString()).isEqualTo(201);
        var submitted = accountsApi.post(plan + "/submit", null, drafted.etag());
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(200);
        var approved = new Api(accounts.port()).as(TestTokens.nate()).post(plan + "/approve", null, submitted.etag());
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        return account;
    }

    /** The buyer's names mapped, the negotiation opened and prepared by Nora on the plan's target, approved by Nate. */
    private static String aPreparedNegotiation(String account) {
        Map<String, String> aliases = Map.of("票面折扣", "ON_INVOICE_DISCOUNT", "年返", "OFF_INVOICE_REBATE",
                "赞助费", "PROMOTION_FEE", "新店费", "NEW_STORE_FEE", "上架费", "LISTING_FEE", "账期", "PAYMENT_TERMS");
        aliases.forEach((name, kind) -> await("the account reaches the negotiations service")
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> nora.put("/api/negotiations/aliases", Map.of("accountId", account, "buyerName", name,
                        "kind", kind), null).status() == 200));
        var opened = nora.post("/api/negotiations", Map.of("accountId", account, "year", YEAR));
        assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
        String path = "/api/negotiations/" + opened.text("id");
        Map<String, Object> preparation = Map.of("terms", List.of(
                        term("票面折扣", percent("3.00"), percent("3.50"), percent("4.00")),
                        term("年返", percent("2.00"), percent("2.50"), percent("3.00")),
                        term("赞助费", perStore("10000.00"), perStore("15000.00"), perStore("20000.00")),
                        term("新店费", perStore("20000.00"), perStore("25000.00"), perStore("30000.00")),
                        term("上架费", perListing("3000.00"), perListing("4000.00"), perListing("5000.00")),
                        term("账期", days(30), days(45), days(60))),
                "concessionBudget", BUDGET,
                "expectedAsks", List.of(Map.of("description", "Rebate up to 3%", "kind", "OFF_INVOICE_REBATE")),
                "basis", Map.of("source", "PLAN_SELL_THROUGH_TARGET"));
        var prepared = await("the approved plan reaches the negotiations service").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> nora.put(path + "/preparation", preparation, opened.etag()), r -> r.status() != 422
                        || !r.fieldErrors().toString().contains("basis.source"));
        assertThat(prepared.status()).as(prepared.body().toString()).isEqualTo(200);
        assertThat(prepared.body().at("/preparation/basis/annualSales").decimalValue()).isEqualByComparingTo(BASIS);
        var approved = nate.post(path + "/preparation/approval", Map.of("revision", 1), prepared.etag());
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        return opened.text("id");
    }

    /** Round n: held 30, 20 and 10 days ago; one ask and one claim each; the buyer's director attends the last. */
    private static Map<String, Object> round(int n) {
        List<Map<String, Object>> theirs = new ArrayList<>(List.of(Map.of("name", "Zhao Min", "title", "Dairy buyer",
                "senior", false)));
        if (n == 3) {
            theirs.add(Map.of("name", "Qian Hong", "title", "Purchasing director", "senior", true));
        }
        List<String> tactics = List.of("NEVER_ACCEPT_FIRST_OFFER", "COMPETITOR_OFFERS_BETTER", "ESCALATION_TO_SUPERIOR");
        return Map.of("heldOn", TODAY.minusDays(40 - 10L * n).toString(),
                "ourAttendees", List.of(Map.of("name", "Nora Lin", "title", "National KA manager", "senior", false)),
                "theirAttendees", theirs,
                "asks", List.of(Map.of("buyerName", "年返", "asked", percent("3.50"))),
                "claims", List.of(Map.of("tactic", tactics.get(n - 1), "claim", "Round " + n + " claim",
                        "madeBy", n == 3 ? "Qian Hong" : "Zhao Min")));
    }

    private record Give(int round, String buyerName, Map<String, Object> to, BigDecimal cost, String getKind,
                        String getValue) {

        Map<String, Object> request() {
            return Map.of("round", round, "buyerName", buyerName, "to", to, "get", Map.of("kind", getKind,
                    "description", getKind + " for " + buyerName, "estimatedValue", new BigDecimal(getValue)));
        }
    }

    // ---- the normalisation of ADR 0012 on this test's counts, from the inputs

    private static BigDecimal percentCost(String percent) {
        return money(BASIS.multiply(new BigDecimal(percent)).divide(BigDecimal.valueOf(100)));
    }

    private static BigDecimal perStoreCost(String amount) {
        return money(new BigDecimal(amount).multiply(BigDecimal.valueOf(STORES_OPEN)));
    }

    private static BigDecimal newStoreCost(String amount) {
        return money(new BigDecimal(amount).multiply(BigDecimal.valueOf(STORES_OPENING)));
    }

    private static BigDecimal daysCost(int days) {
        return BASIS.multiply(BigDecimal.valueOf(days)).multiply(FINANCING_RATE)
                .divide(BigDecimal.valueOf(365 * 100), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal share(BigDecimal cost) {
        return cost.multiply(BigDecimal.valueOf(100)).divide(BASIS, 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    private static Map<String, Object> store(String code, String name, String openingDate) {
        return Map.of("code", code, "name", name, "city", "Wuhan", "region", "CENTRE", "format", "HYPERMARKET",
                "openingDate", openingDate);
    }

    private static Map<String, Object> term(String name, Map<String, Object> opening, Map<String, Object> target,
                                            Map<String, Object> walkAway) {
        return Map.of("buyerName", name, "opening", opening, "target", target, "walkAway", walkAway);
    }

    private static Map<String, Object> percent(String p) {
        return value("PERCENT_OF_SALES", "percent", new BigDecimal(p));
    }

    private static Map<String, Object> perStore(String a) {
        return value("PER_STORE", "amount", new BigDecimal(a));
    }

    private static Map<String, Object> perListing(String a) {
        return value("PER_SKU_LISTED", "amount", new BigDecimal(a));
    }

    private static Map<String, Object> days(int d) {
        return value("DAYS", "days", d);
    }

    private static Map<String, Object> value(String shape, String field, Object v) {
        Map<String, Object> value = new HashMap<>();
        value.put("shape", shape);
        value.put(field, v);
        return value;
    }
}
