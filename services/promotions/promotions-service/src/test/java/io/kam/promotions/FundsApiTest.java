package io.kam.promotions;

import static io.kam.promotions.PromotionFixture.draft;
import static io.kam.promotions.PromotionFixture.terms;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.kam.accounts.api.PlanEvents.PlanApproved;
import io.kam.accounts.api.PlanEvents.Target;
import io.kam.accounts.api.PlanKpi;
import io.kam.accounts.api.Region;
import io.kam.platform.calendar.MarketCalendar;
import io.kam.platform.testing.Api;
import io.kam.platform.testing.TestTokens;

/** Funds: seeded from the approved plan, set by a manager, drawn on by approval, overdrawn only with a reason. */
class FundsApiTest extends ServiceTest {

    private static final LocalDate FROM = LocalDate.now(MarketCalendar.ZONE).plusDays(50);
    private static final LocalDate TO = FROM.plusDays(13);
    private static final int YEAR = FROM.getYear();

    @Test
    void anApprovedPlansPromotionSpendTargetSeedsTheFundUnlessAManagerSetIt() {
        Chain chain = aChain(Region.EAST);
        approvePlan(chain.id(), 1, "480000.00");
        var seeded = awaitFund(chain.id(), "480000.00");
        assertThat(seeded.path("source").asString()).isEqualTo("PLAN");

        approvePlan(chain.id(), 2, "520000.00");
        awaitFund(chain.id(), "520000.00");
        var set = nora.put("/api/promotions/funds", Map.of("accountId", chain.id(), "year", YEAR, "amount", "300000"), null);
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.text("source")).isEqualTo("MANAGER");
        approvePlan(chain.id(), 3, "999999.00");
        appliedSoFar(chain);

        var events = awaitEvents(chain.id(), e -> e.size() >= 3);
        assertThat(types(events)).containsExactly("kam.fund.set", "kam.fund.set", "kam.fund.set");
        assertThat(events.get(2).data().path("source").asString()).isEqualTo("MANAGER");
        assertThat(fundsOf(chain.id()).path("funds").get(0).path("budget").decimalValue())
                .as("a manager's budget stays").isEqualByComparingTo("300000");
    }

    @Test
    void approvalCommitsThePlannedSpendAndAnOverdrawNeedsTheApproversReason() {
        Chain chain = aChain(Region.EAST);
        nora.put("/api/promotions/funds", Map.of("accountId", chain.id(), "year", YEAR, "amount", "20000.00"), null);
        // each promotion: 1,500.00 x 1 store + (23.00 - 19.90) x 3,600 units = 12,660.00
        String first = approved(chain, MILK, null).text("id");
        var funds = fundsOf(chain.id());
        assertThat(funds.path("committed").decimalValue()).isEqualByComparingTo("12660.00");
        assertThat(funds.path("remaining").decimalValue()).isEqualByComparingTo("7340.00");

        var refused = proposedThenApproved(chain, YOGHURT, null);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("code")).isEqualTo("fund-overdrawn");
        assertThat(refused.body().path("overdraw").decimalValue()).isEqualByComparingTo("5320.00");
        assertThat(refused.body().path("plannedSpend").decimalValue()).isEqualByComparingTo("12660.00");
        assertThat(fundsOf(chain.id()).path("committed").decimalValue()).as("nothing committed").isEqualByComparingTo("12660.00");

        var overridden = nate.post("/api/promotions/" + refused.text("promotion") + "/approval",
                Map.of("overrideReason", "the chain's anniversary; the buyer matched our fee"), refused.text("etag"));
        assertThat(overridden.status()).isEqualTo(200);
        assertThat(overridden.body().path("committedSpend").decimalValue()).isEqualByComparingTo("12660.00");
        assertThat(fundsOf(chain.id()).path("remaining").decimalValue()).isEqualByComparingTo("-5320.00");
        var approvedEvents = awaitEvents(chain.id(), e -> e.stream().filter(x -> x.type().equals("kam.promotion.approved")).count() == 2)
                .stream().filter(x -> x.type().equals("kam.promotion.approved")).toList();
        assertThat(approvedEvents.get(1).data().path("overrideReason").asString()).startsWith("the chain's anniversary");
        assertThat(approvedEvents.get(0).data().path("overrideReason").isNull()).isTrue();

        var firstNow = nora.get("/api/promotions/" + first);
        nora.post("/api/promotions/" + first + "/cancellation", Map.of("reason", "moved"), firstNow.etag());
        assertThat(fundsOf(chain.id()).path("committed").decimalValue()).as("a cancelled promotion commits nothing")
                .isEqualByComparingTo("12660.00");
    }

    @Test
    void fundsAreForNationalKaManagersOnly() {
        Chain chain = aChain(Region.EAST);
        var body = Map.of("accountId", chain.id(), "year", YEAR, "amount", "1000");

        assertThat(eric.get("/api/promotions/funds?accountId=" + chain.id()).status()).isEqualTo(403);
        assertThat(eric.put("/api/promotions/funds", body, null).status()).isEqualTo(403);
        assertThat(anonymous.as(TestTokens.integrationFor(chain.id())).get("/api/promotions/funds").status()).isEqualTo(403);
        assertThat(anonymous.get("/api/promotions/funds").status()).isEqualTo(401);
        assertThat(nora.put("/api/promotions/funds", Map.of("accountId", chain.id(), "year", YEAR, "amount", "-1"), null)
                .fieldErrors()).hasSize(1);
    }

    private Api.Response approved(Chain chain, String gtin, String overrideReason) {
        var response = proposedThenApproved(chain, gtin, overrideReason);
        assertThat(response.status()).isEqualTo(200);
        return response;
    }

    /** Drafts and proposes as Nora, approves as Nate; a refusal carries the promotion id and its etag for a retry. */
    private Api.Response proposedThenApproved(Chain chain, String gtin, String overrideReason) {
        var drafted = nora.post("/api/promotions", draft(chain.id(), terms(chain.stores(), FROM, TO, gtin)));
        String id = drafted.text("id");
        var proposed = nora.post("/api/promotions/" + id + "/proposal", null, drafted.etag());
        var approval = nate.post("/api/promotions/" + id + "/approval",
                overrideReason == null ? null : Map.of("overrideReason", overrideReason), proposed.etag());
        if (approval.status() != 200) {
            ((tools.jackson.databind.node.ObjectNode) approval.body()).put("promotion", id).put("etag", proposed.etag());
        }
        return approval;
    }

    private void approvePlan(UUID account, int version, String promotionSpend) {
        accounts.publish(new PlanApproved(account, UUID.randomUUID(), YEAR, version, "nora", "nate", Instant.now(),
                List.of(new Target(PlanKpi.PROMOTION_SPEND, new BigDecimal(promotionSpend), null)), List.of(), List.of(),
                List.of()));
    }

    private tools.jackson.databind.JsonNode fundsOf(UUID account) {
        return nora.get("/api/promotions/funds?accountId=" + account).body();
    }

    private tools.jackson.databind.JsonNode awaitFund(UUID account, String budget) {
        return Awaitility.await("fund of " + account).atMost(Duration.ofSeconds(30)).until(
                () -> fundsOf(account).path("funds").get(0),
                fund -> fund != null && fund.path("budget").decimalValue().compareTo(new BigDecimal(budget)) == 0);
    }

    /**
     * Waits until every account event published for the account so far is applied: a store opened after them, on the
     * same key and so the same partition, is applied after them.
     */
    private void appliedSoFar(Chain chain) {
        accounts.publish(new io.kam.accounts.api.AccountEvents.StoreOpened(chain.id(), UUID.randomUUID(), "SENTINEL",
                "Sentinel", "Shanghai", Region.EAST, io.kam.accounts.api.RetailFormat.HYPERMARKET, LocalDate.of(2020, 1, 1)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from known_store where account_id = ? and code = 'SENTINEL'").param(chain.id())
                .query(Long.class).single() == 1);
    }
}
