package io.kam.negotiations;

import static io.kam.negotiations.NegotiationFixture.agreed;
import static io.kam.negotiations.NegotiationFixture.days;
import static io.kam.negotiations.NegotiationFixture.fixed;
import static io.kam.negotiations.NegotiationFixture.give;
import static io.kam.negotiations.NegotiationFixture.percent;
import static io.kam.negotiations.NegotiationFixture.perStore;
import static io.kam.negotiations.NegotiationFixture.preparation;
import static io.kam.negotiations.NegotiationFixture.round;
import static io.kam.negotiations.NegotiationFixture.signing;
import static io.kam.negotiations.NegotiationFixture.term;
import static io.kam.negotiations.NegotiationFixture.yangtzeTerms;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.testing.Api;

/** A negotiation through its life on the real service: what managers rely on, and each rule that refuses. */
class NegotiationsApiTest extends ServiceTest {

    static final String TODAY = LocalDate.now(MarketCalendar.ZONE).toString();

    /** An account with 114 stores open and 6 opening in 2027, its aliases mapped and its 2027 negotiation opened. */
    private Api.Response opened(UUID account) {
        mapped(account, NegotiationFixture.yangtzeAliases());
        var opened = nora.post("/api/negotiations", Map.of("accountId", account, "year", 2027));
        assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);
        return opened;
    }

    /** Opened, prepared by Nora and approved by Nate, one round held today. */
    private Api.Response inRounds(UUID account) {
        var opened = opened(account);
        String id = opened.text("id");
        var prepared = nora.put("/api/negotiations/" + id + "/preparation", preparation(yangtzeTerms()), opened.etag());
        var approved = nate.post("/api/negotiations/" + id + "/preparation/approval", Map.of("revision", 1),
                prepared.etag());
        var round = nora.post("/api/negotiations/" + id + "/rounds", round(TODAY), approved.etag());
        assertThat(round.status()).as(round.body().toString()).isEqualTo(200);
        return round;
    }

    @Test
    void aNegotiationPreparedNegotiatedAndSignedCarriesItsTrueTradeSpendAndEveryStepIsAnEvent() {
        UUID account = aChain(114, 6);
        var opened = opened(account);
        String id = opened.text("id");
        assertThat(nora.post("/api/negotiations", Map.of("accountId", account, "year", 2027)).status()).isEqualTo(409);

        var prepared = nora.put("/api/negotiations/" + id + "/preparation", preparation(yangtzeTerms()), opened.etag());
        assertThat(prepared.status()).as(prepared.body().toString()).isEqualTo(200);
        assertThat(prepared.text("status")).isEqualTo("PREPARATION_SUBMITTED");
        var preparationView = prepared.body().path("preparation");
        // Opening: 2.50 % + 2.00 % of 48,000,000, no anniversary fee, 45 days at 4.35 %: 2,160,000 + 257,424.66.
        assertThat(preparationView.path("opening").path("annualCost").decimalValue()).isEqualByComparingTo("2417424.66");
        // Walk-away: 3.00 % + 2.50 %, 120,000, 60 days: 2,640,000 + 120,000 + 343,232.88.
        assertThat(preparationView.path("walkAway").path("annualCost").decimalValue())
                .isEqualByComparingTo("3103232.88");
        assertThat(preparationView.path("basis").path("source").asString()).isEqualTo("STATED_ESTIMATE");

        var approved = nate.post("/api/negotiations/" + id + "/preparation/approval", Map.of("revision", 1),
                prepared.etag());
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("PREPARED");

        var round = nora.post("/api/negotiations/" + id + "/rounds", round(TODAY), approved.etag());
        assertThat(round.text("status")).isEqualTo("IN_ROUNDS");

        var bonus = nora.post("/api/negotiations/" + id + "/gives", give(1, "bonus", percent("2.30"), true),
                round.etag());
        assertThat(bonus.status()).as(bonus.body().toString()).isEqualTo(201);
        assertThat(bonus.body().path("cost").decimalValue()).isEqualByComparingTo("144000.00");
        assertThat(bonus.body().path("budgetRemaining").decimalValue()).isEqualByComparingTo("456000.00");
        assertThat(bonus.body().path("warnings").toString()).contains("CONCEDED_FIRST");

        Map<String, Object> overridden = Map.of("give", give(1, "周年庆", fixed("100000.00"), false),
                "proposedBy", "nora", "reason", "the chain's 20th year; the director asked in person");
        var anniversary = nate.post("/api/negotiations/" + id + "/gives/overrides", overridden, bonus.etag());
        assertThat(anniversary.status()).as(anniversary.body().toString()).isEqualTo(201);
        assertThat(anniversary.body().path("unreturned").asBoolean()).isTrue();
        assertThat(anniversary.body().path("override").path("approvedBy").asString()).isEqualTo("nate");
        assertThat(anniversary.body().path("override").path("grounds").toString()).contains("NO_GET");
        assertThat(anniversary.body().path("runningCost").decimalValue()).isEqualByComparingTo("244000.00");

        var ledger = nora.get("/api/negotiations/" + id + "/ledger");
        assertThat(ledger.body().path("totalGives").asInt()).isEqualTo(2);
        assertThat(ledger.body().path("unreturned").asInt()).isEqualTo(1);
        assertThat(ledger.body().path("rounds").get(0).path("gives").asInt()).isEqualTo(2);
        assertThat(ledger.body().path("rounds").get(0).path("unreturned").asInt()).isEqualTo(1);

        var signed = nora.post("/api/negotiations/" + id + "/agreement", signing(TODAY, List.of(
                agreed("票面折扣", percent("2.50")), agreed("bonus", percent("2.30")),
                agreed("周年庆", fixed("100000.00")), agreed("账期", days(45)))), anniversary.etag());
        assertThat(signed.status()).as(signed.body().toString()).isEqualTo(201);
        var terms = signed.body().path("terms");
        // 1,200,000 + 1,104,000 + 100,000 + 257,424.66 on 48,000,000.
        assertThat(terms.path("totalAnnualCost").decimalValue()).isEqualByComparingTo("2661424.66");
        assertThat(terms.path("tradeSpendPercent").decimalValue()).isEqualByComparingTo("5.54");
        assertThat(terms.path("financingRatePercent").decimalValue()).isEqualByComparingTo("4.35");
        assertThat(nora.get("/api/negotiations/" + id).text("status")).isEqualTo("SIGNED");

        String agreementId = signed.text("agreementId");
        var amended = nora.post("/api/negotiations/agreements/" + agreementId + "/amendments", amendment(List.of(
                agreed("票面折扣", percent("2.50")), agreed("bonus", percent("2.30")),
                agreed("周年庆", fixed("100000.00")), agreed("账期", days(45)),
                agreed("新店赞助", perStore("8000.00")))), signed.etag());
        assertThat(amended.status()).as(amended.body().toString()).isEqualTo(201);
        assertThat(amended.body().path("version").asInt()).isEqualTo(2);
        // The new-store fee on the stores opening from July: 6 opened in March, none after; 0 more.
        assertThat(nora.get("/api/negotiations/agreements/" + agreementId + "/versions").body().size()).isEqualTo(2);
        assertThat(nora.get("/api/negotiations/agreements/" + agreementId + "/versions/1").body().path("terms")
                .path("tradeSpendPercent").decimalValue()).isEqualByComparingTo("5.54");

        var events = awaitEvents(account, e -> types(e).contains("kam.agreement.amended"));
        assertThat(types(events)).containsSubsequence("kam.negotiation.opened",
                "kam.negotiation.preparation-submitted", "kam.negotiation.preparation-approved",
                "kam.negotiation.round-recorded", "kam.negotiation.give-recorded", "kam.negotiation.give-recorded",
                "kam.agreement.signed", "kam.agreement.amended");
        assertThat(types(events).stream().filter("kam.term-alias.mapped"::equals).count()).isEqualTo(5);
    }

    private static Map<String, Object> amendment(List<Map<String, Object>> terms) {
        Map<String, Object> body = new HashMap<>(signing(TODAY, terms));
        body.put("effectiveFrom", "2027-07-01");
        body.put("reason", "new-store fee agreed for the second half");
        return body;
    }

    @Test
    void aNameTheAliasTableDoesNotMapIsRefusedUntilMapped() {
        UUID account = aChain(10, 0);
        var opened = opened(account);
        List<Map<String, Object>> terms = yangtzeTerms();
        terms.add(term("gift", fixed("0.00"), fixed("10000.00"), fixed("20000.00")));

        var refused = nora.put("/api/negotiations/" + opened.text("id") + "/preparation", preparation(terms),
                opened.etag());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("code")).isEqualTo("unmapped-term");
        assertThat(refused.fieldErrors()).singleElement().asString().startsWith("terms[4].buyerName");
        assertThat(nora.get("/api/negotiations/" + opened.text("id")).text("status")).isEqualTo("OPENED");

        mapped(account, Map.of("Gift", "OTHER"));
        assertThat(nora.put("/api/negotiations/" + opened.text("id") + "/preparation", preparation(terms),
                opened.etag()).status()).isEqualTo(200);
    }

    @Test
    void aWalkAwayBetterForUsThanTheTargetIsRefusedNamingTheTerm() {
        UUID account = aChain(10, 0);
        var opened = opened(account);
        List<Map<String, Object>> terms = yangtzeTerms();
        terms.set(1, term("bonus", percent("2.00"), percent("2.30"), percent("2.10")));

        var refused = nora.put("/api/negotiations/" + opened.text("id") + "/preparation", preparation(terms),
                opened.etag());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("code")).isEqualTo("positions-out-of-order");
        assertThat(refused.fieldErrors()).singleElement().asString().startsWith("terms[1].walkAway");
    }

    @Test
    void aValueOfAShapeItsKindDoesNotAllowIsRefused() {
        UUID account = aChain(10, 0);
        var opened = opened(account);
        List<Map<String, Object>> terms = yangtzeTerms();
        terms.set(3, term("账期", percent("1.00"), days(55), days(60)));

        var refused = nora.put("/api/negotiations/" + opened.text("id") + "/preparation", preparation(terms),
                opened.etag());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("code")).isEqualTo("invalid-term-value");
        assertThat(refused.fieldErrors()).singleElement().asString().startsWith("terms[3].opening.shape");
    }

    @Test
    void theAuthorOfAPreparationMayNotApproveItAndRoundsWaitForTheApproval() {
        UUID account = aChain(10, 0);
        var opened = opened(account);
        String id = opened.text("id");
        var prepared = nora.put("/api/negotiations/" + id + "/preparation", preparation(yangtzeTerms()), opened.etag());

        var own = nora.post("/api/negotiations/" + id + "/preparation/approval", Map.of("revision", 1), prepared.etag());
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.text("code")).isEqualTo("own-preparation");

        var early = nora.post("/api/negotiations/" + id + "/rounds", round(TODAY), prepared.etag());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.text("code")).isEqualTo("preparation-not-approved");

        // Nate revises it: now neither Nora nor Nate may approve it.
        var revised = nate.put("/api/negotiations/" + id + "/preparation", preparation(yangtzeTerms()), prepared.etag());
        assertThat(revised.body().path("preparation").path("revision").asInt()).isEqualTo(2);
        assertThat(nate.post("/api/negotiations/" + id + "/preparation/approval", Map.of("revision", 2),
                revised.etag()).status()).isEqualTo(403);
        var stale = anonymous.as(io.kam.platform.testing.TestTokens.token("olga",
                java.util.Set.of("national-ka-manager"), null)).post("/api/negotiations/" + id
                + "/preparation/approval", Map.of("revision", 1), revised.etag());
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text("code")).isEqualTo("not-the-latest-revision");
    }

    @Test
    void aGiveWithoutAGetOrPastTheWalkAwayIsRefusedWithoutAnOverrideAndWritesNothing() {
        UUID account = aChain(10, 0);
        var round = inRounds(account);
        String id = round.text("id");

        var noGet = nora.post("/api/negotiations/" + id + "/gives", give(1, "bonus", percent("2.30"), false),
                round.etag());
        assertThat(noGet.status()).isEqualTo(422);
        assertThat(noGet.text("code")).isEqualTo("give-needs-a-get");

        var beyond = nora.post("/api/negotiations/" + id + "/gives", give(1, "bonus", percent("2.60"), true),
                round.etag());
        assertThat(beyond.status()).isEqualTo(422);
        assertThat(beyond.text("code")).isEqualTo("beyond-walk-away");

        var newTerm = nora.post("/api/negotiations/" + id + "/gives", give(1, "新店赞助", perStore("8000.00"), true),
                round.etag());
        assertThat(newTerm.text("code")).isEqualTo("beyond-walk-away");

        var nothing = nora.post("/api/negotiations/" + id + "/gives", give(1, "bonus", percent("1.80"), true),
                round.etag());
        assertThat(nothing.status()).isEqualTo(422);
        assertThat(nothing.text("code")).isEqualTo("no-concession");

        var ownOverride = nora.post("/api/negotiations/" + id + "/gives/overrides", Map.of("give",
                give(1, "bonus", percent("2.60"), true), "proposedBy", "nora", "reason", "closing today"), round.etag());
        assertThat(ownOverride.status()).isEqualTo(403);
        assertThat(ownOverride.text("code")).isEqualTo("own-give");

        assertThat(nora.get("/api/negotiations/" + id + "/ledger").body().path("totalGives").asInt()).isZero();
        assertThat(jdbc.sql("select count(*) from give where negotiation_id = ?").param(UUID.fromString(id))
                .query(Long.class).single()).isZero();

        var overridden = nate.post("/api/negotiations/" + id + "/gives/overrides", Map.of("give",
                give(1, "bonus", percent("2.60"), true), "proposedBy", "nora", "reason", "closing today"), round.etag());
        assertThat(overridden.status()).as(overridden.body().toString()).isEqualTo(201);
        assertThat(overridden.body().path("override").path("grounds").toString()).contains("BEYOND_WALK_AWAY")
                .doesNotContain("NO_GET");
        assertThat(overridden.body().path("unreturned").asBoolean()).isFalse();
    }

    @Test
    void theLedgerWarnsWhenAGiveIsLargerThanThePreviousAndWhenTheBudgetIsPassed() {
        UUID account = aChain(10, 0);
        var round = inRounds(account);
        String id = round.text("id");
        var small = nora.post("/api/negotiations/" + id + "/gives", give(1, "bonus", percent("2.10"), true),
                round.etag());
        assertThat(small.body().path("cost").decimalValue()).isEqualByComparingTo("48000.00");
        var large = nora.post("/api/negotiations/" + id + "/gives", give(1, "票面折扣", percent("3.00"), true),
                small.etag());
        assertThat(large.body().path("cost").decimalValue()).isEqualByComparingTo("240000.00");
        assertThat(large.body().path("warnings").toString()).contains("LARGER_THAN_PREVIOUS")
                .doesNotContain("CONCEDED_FIRST");
        var past = nora.post("/api/negotiations/" + id + "/gives", give(1, "账期", days(60), true), large.etag());
        var more = nora.post("/api/negotiations/" + id + "/gives", give(1, "bonus", percent("2.50"), true),
                past.etag());
        // 48,000 + 240,000 + 85,808.22 (45 → 60 days) + 192,000 = 565,808.22; then the anniversary fee passes 600,000.
        var over = nora.post("/api/negotiations/" + id + "/gives", give(1, "周年庆", fixed("50000.00"), true),
                more.etag());
        assertThat(over.body().path("budgetRemaining").decimalValue()).isEqualByComparingTo("-15808.22");
        assertThat(over.body().path("warnings").toString()).contains("OVER_BUDGET");
        var ledger = nora.get("/api/negotiations/" + id + "/ledger").body();
        assertThat(ledger.path("rounds").get(0).path("warnings").toString()).contains("CONCEDED_FIRST",
                "LARGER_THAN_PREVIOUS", "OVER_BUDGET");
    }

    @Test
    void anAgreementGivingMoreThanTheLedgerRecordsOrWithoutTheRetailersSignatureIsRefused() {
        UUID account = aChain(10, 2);
        var round = inRounds(account);
        String id = round.text("id");

        var unrecorded = nora.post("/api/negotiations/" + id + "/agreement", signing(TODAY, List.of(
                agreed("票面折扣", percent("2.50")), agreed("bonus", percent("2.80")),
                agreed("新店赞助", perStore("8000.00")))), round.etag());
        assertThat(unrecorded.status()).isEqualTo(422);
        assertThat(unrecorded.text("code")).isEqualTo("unrecorded-give");
        assertThat(unrecorded.fieldErrors()).hasSize(2).anyMatch(e -> e.startsWith("terms[1].value"))
                .anyMatch(e -> e.startsWith("terms[2].value"));

        Map<String, Object> nextYear = new HashMap<>(signing(TODAY, List.of(agreed("bonus", percent("2.00")))));
        nextYear.put("effectiveTo", "2028-03-31");
        var outside = nora.post("/api/negotiations/" + id + "/agreement", nextYear, round.etag());
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.text("code")).isEqualTo("period-outside-year");

        Map<String, Object> unsigned = new HashMap<>(signing(TODAY, List.of(agreed("bonus", percent("2.00")))));
        unsigned.put("signatories", List.of(Map.of("party", "SUPPLIER", "name", "Nora Lin")));
        var refused = nora.post("/api/negotiations/" + id + "/agreement", unsigned, round.etag());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("code")).isEqualTo("signatories-missing");
        assertThat(nora.get("/api/negotiations/" + id).text("status")).isEqualTo("IN_ROUNDS");
        assertThat(jdbc.sql("select count(*) from agreement_version where negotiation_id = ?")
                .param(UUID.fromString(id)).query(Long.class).single()).isZero();
    }

    @Test
    void aPlanTargetBasisIsReadFromTheApprovedPlanAndInvoicedSalesAreRefusedWithoutSellInData() {
        UUID account = aChain(10, 0);
        var opened = opened(account);
        Map<String, Object> onPlan = new HashMap<>(preparation(yangtzeTerms()));
        onPlan.put("basis", Map.of("source", "PLAN_SELL_THROUGH_TARGET"));
        var prepared = nora.put("/api/negotiations/" + opened.text("id") + "/preparation", onPlan, opened.etag());
        assertThat(prepared.status()).as(prepared.body().toString()).isEqualTo(200);
        assertThat(prepared.body().path("preparation").path("basis").path("annualSales").decimalValue())
                .isEqualByComparingTo("48000000.00");

        Map<String, Object> invoiced = new HashMap<>(onPlan);
        invoiced.put("basis", Map.of("source", "INVOICED_SALES"));
        var refused = nora.put("/api/negotiations/" + opened.text("id") + "/preparation", invoiced, prepared.etag());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("code")).isEqualTo("no-sell-in-data");
    }
}
