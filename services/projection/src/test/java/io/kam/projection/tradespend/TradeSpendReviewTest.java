package io.kam.projection.tradespend;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.kam.negotiations.api.NegotiationEvents.AgreedTerm;
import io.kam.negotiations.api.NegotiationEvents.AgreementAmended;
import io.kam.negotiations.api.NegotiationEvents.AgreementSigned;
import io.kam.negotiations.api.NegotiationEvents.SalesBasis;
import io.kam.negotiations.api.NegotiationEvents.TermValue;
import io.kam.negotiations.api.SalesBasisSource;
import io.kam.negotiations.api.TermKind;
import io.kam.projection.AccountFixture;
import io.kam.projection.ReviewsTest;
import io.kam.projection.SellThroughFigures;
import io.kam.projection.TradeSpendScenario;
import tools.jackson.databind.JsonNode;

/**
 * The review's trade-spend section as a national KA manager reads it, from the negotiations events on the real
 * broker: the terms in force by canonical kind, the true trade spend against the plan and last year, the spend accrued
 * to date, the last negotiation's ledger and the chains' national average. Figures by hand in
 * {@link TradeSpendScenario}.
 */
class TradeSpendReviewTest extends ReviewsTest {

    @Test
    void givenTheSignedAndAmendedTerms_whenTheReviewIsRead_thenTheTermsInForceAreShownByCanonicalKindWithTheirBasis() {
        TradeSpendScenario year = givenTheYear();

        JsonNode review = api.awaitNegotiationsApplied(year.account, TradeSpendScenario.NEGOTIATION_EVENTS);
        JsonNode section = review.get("tradeSpend");

        assertThat(section.get("year").asInt()).isEqualTo(2026);
        assertThat(section.get("on").asString()).as("the last day of a past year").isEqualTo("2026-12-31");
        JsonNode agreement = section.get("agreement");
        assertThat(agreement.get("agreementId").asString()).isEqualTo(year.agreement.toString());
        assertThat(agreement.get("version").asInt()).as("the amendment replaces version 1 from July").isEqualTo(2);
        assertThat(agreement.get("amendmentReason").asString()).contains("anniversary");
        assertThat(agreement.get("byKind").valueStream().map(k -> k.get("kind").asString())).containsExactly(
                "ON_INVOICE_DISCOUNT", "OFF_INVOICE_REBATE", "ANNIVERSARY_FEE", "PAYMENT_TERMS");
        assertKind(agreement.at("/byKind/0"), "350000.00", "3.50", 1);
        assertKind(agreement.at("/byKind/1"), "200000.00", "2.00", 2);
        assertThat(agreement.at("/byKind/1/terms").valueStream().map(t -> t.get("buyerName").asString()))
                .as("whatever the buyer calls them").containsExactly("bonus", "gift");
        assertKind(agreement.at("/byKind/2"), "150000.00", "1.50", 1);
        assertKind(agreement.at("/byKind/3"), "71506.85", "0.72", 1);
        assertThat(agreement.at("/byKind/3/terms/0/value/days").asInt()).isEqualTo(60);
        assertThat(agreement.at("/byKind/3/terms/0/appliedPercent").decimalValue()).isEqualByComparingTo("0.72");
        assertThat(agreement.get("byKind").valueStream().map(k -> k.at("/basis/source").asString()))
                .as("the basis beside every share").containsOnly("STATED_ESTIMATE");
        assertThat(agreement.at("/byKind/0/basis/annualSales").decimalValue()).isEqualByComparingTo("10000000.00");
        assertThat(agreement.get("totalAnnualCost").decimalValue()).isEqualByComparingTo("771506.85");
        assertThat(agreement.get("tradeSpendPercent").decimalValue()).isEqualByComparingTo("7.72");
    }

    @Test
    void givenThePlansTarget_whenTheReviewIsRead_thenTheTrueTradeSpendIsHeldAgainstItAndAgainstLastYear() {
        TradeSpendScenario year = givenTheYear();

        JsonNode review = api.awaitNegotiationsApplied(year.account, TradeSpendScenario.NEGOTIATION_EVENTS);
        JsonNode spend = review.at("/tradeSpend/tradeSpend");
        JsonNode lastYear = review.at("/tradeSpend/lastYear");

        assertThat(spend.get("percent").decimalValue()).isEqualByComparingTo("7.72");
        assertThat(spend.get("target").decimalValue()).isEqualByComparingTo("7.00");
        assertThat(spend.get("againstTarget").decimalValue()).as("points over the plan").isEqualByComparingTo("0.72");
        assertThat(spend.at("/basis/source").asString()).isEqualTo("STATED_ESTIMATE");
        assertThat(lastYear.get("year").asInt()).isEqualTo(2025);
        assertThat(lastYear.get("agreementId").asString()).isEqualTo(year.lastYearsAgreement.toString());
        assertThat(lastYear.get("tradeSpendPercent").decimalValue()).isEqualByComparingTo("6.80");
        assertThat(lastYear.get("change").decimalValue()).isEqualByComparingTo("0.92");
        assertThat(lastYear.at("/basis/annualSales").decimalValue()).isEqualByComparingTo("10000000.00");
        assertThat(PlanTargets.actual(review, "TRADE_SPEND_RATE")).as("the agreed rate is the KPI's actual")
                .isEqualByComparingTo("7.72");
    }

    @Test
    void givenSellThroughUnderEachVersion_whenTheReviewIsRead_thenPercentageTermsAccrueOnItAndFixedFeesCountWhole() {
        TradeSpendScenario year = givenTheYear();

        JsonNode accrued = api.awaitNegotiationsApplied(year.account, TradeSpendScenario.NEGOTIATION_EVENTS)
                .at("/tradeSpend/accrued");

        assertThat(accrued.get("from").asString()).isEqualTo("2026-01-01");
        assertThat(accrued.get("to").asString()).isEqualTo("2026-12-31");
        assertThat(accrued.get("sellThroughSales").decimalValue()).isEqualByComparingTo("300000.00");
        assertThat(accrued.get("byKind").valueStream().map(k -> k.get("kind").asString() + " "
                + k.get("accrual").asString() + " " + k.get("accrued").decimalValue().stripTrailingZeros().toPlainString()))
                .as("March at version 1's 3.00 %, September at version 2's 3.50 %").containsExactly(
                        "ON_INVOICE_DISCOUNT ON_SELL_THROUGH 10000",
                        "OFF_INVOICE_REBATE ON_SELL_THROUGH 4500",
                        "OFF_INVOICE_REBATE AS_AGREED 50000",
                        "ANNIVERSARY_FEE AS_AGREED 150000",
                        "PAYMENT_TERMS ON_SELL_THROUGH 2160");
        assertThat(accrued.get("percentageTerms").decimalValue()).isEqualByComparingTo("16660.00");
        assertThat(accrued.get("fixedFees").decimalValue()).as("version 2's, not both").isEqualByComparingTo("200000.00");
        assertThat(accrued.get("promotionsCommitted").decimalValue()).isEqualByComparingTo("8000.00");
        assertThat(accrued.get("promotionsEvaluated").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(accrued.get("promotions").decimalValue()).isEqualByComparingTo("8000.00");
        assertThat(accrued.get("total").decimalValue()).isEqualByComparingTo("224660.00");
    }

    @Test
    void givenThreeGivesOverTwoRounds_whenTheReviewIsRead_thenTheLastNegotiationsLedgerCountsAsksGivesGetsAndUnreturnedGives() {
        TradeSpendScenario year = givenTheYear();

        JsonNode ledger = api.awaitNegotiationsApplied(year.account, TradeSpendScenario.NEGOTIATION_EVENTS)
                .at("/tradeSpend/lastNegotiation");

        assertThat(ledger.get("negotiationId").asString()).as("2026's, not 2025's").isEqualTo(year.negotiation.toString());
        assertThat(ledger.get("year").asInt()).isEqualTo(2026);
        assertThat(ledger.get("preparationRevision").asInt()).isEqualTo(2);
        assertThat(ledger.get("preparationApproved").asBoolean()).isTrue();
        assertThat(ledger.get("approvedBy").asString()).isEqualTo("nate");
        assertThat(ledger.get("concessionBudget").decimalValue()).as("revision 2's").isEqualByComparingTo("120000.00");
        assertThat(ledger.get("expectedAsks").asInt()).isEqualTo(3);
        assertThat(ledger.get("rounds").asInt()).isEqualTo(2);
        assertThat(ledger.get("asks").asLong()).isEqualTo(3);
        assertThat(ledger.get("claims").asLong()).isEqualTo(3);
        assertThat(ledger.get("gives").asLong()).as("the give delivered twice counted once").isEqualTo(3);
        assertThat(ledger.get("givesCost").decimalValue()).isEqualByComparingTo("120000.00");
        assertThat(ledger.get("gets").asLong()).isEqualTo(2);
        assertThat(ledger.get("getsValue").decimalValue()).isEqualByComparingTo("80000.00");
        assertThat(ledger.get("unreturnedGives").asLong()).isEqualTo(1);
        assertThat(ledger.get("unreturnedCost").decimalValue()).isEqualByComparingTo("40000.00");
        assertThat(ledger.get("overriddenGives").asLong()).isEqualTo(1);
        assertThat(ledger.get("budgetRemaining").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(ledger.at("/warnings/CONCEDED_FIRST").asLong()).isEqualTo(1);
        assertThat(ledger.at("/warnings/LARGER_THAN_PREVIOUS").asLong()).isEqualTo(1);
        assertThat(ledger.at("/warnings/OVER_BUDGET").asLong()).isZero();
        assertThat(ledger.get("agreementId").asString()).isEqualTo(year.agreement.toString());
        JsonNode first = ledger.at("/perRound/0");
        JsonNode second = ledger.at("/perRound/1");
        assertThat(first.get("heldOn").asString()).isEqualTo("2025-11-10");
        assertThat(first.get("gives").asLong()).isEqualTo(1);
        assertThat(first.get("gets").asLong()).isEqualTo(1);
        assertThat(first.get("seniorPresent").asBoolean()).isFalse();
        assertThat(second.get("asks").asInt()).isEqualTo(1);
        assertThat(second.get("claims").asInt()).isEqualTo(2);
        assertThat(second.get("seniorPresent").asBoolean()).isTrue();
        assertThat(second.get("gives").asLong()).isEqualTo(2);
        assertThat(second.get("givesCost").decimalValue()).isEqualByComparingTo("70000.00");
        assertThat(second.get("largestGive").decimalValue()).isEqualByComparingTo("40000.00");
        assertThat(second.get("unreturnedGives").asLong()).isEqualTo(1);
        assertThat(second.at("/warnings/LARGER_THAN_PREVIOUS").asLong()).isEqualTo(1);
    }

    @Test
    void givenAnAmendmentStartingLater_whenTheDayIsBeforeIt_thenTheVersionSignedFirstIsStillInForce() {
        UUID account = UUID.randomUUID();
        UUID negotiation = UUID.randomUUID();
        UUID agreement = UUID.randomUUID();
        topic.publish(AccountFixture.aNationalHypermarketChain(account, "Amended Later " + account));
        negotiations.publish(new AgreementSigned(account, negotiation, agreement, 1, terms(
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31), LocalDate.of(2026, 12, 1), "2.00"), "nora"));
        negotiations.publish(new AgreementAmended(account, negotiation, agreement, 2, 1, terms(
                LocalDate.of(2027, 3, 1), LocalDate.of(2027, 12, 31), LocalDate.of(2026, 12, 20), "2.50"),
                "from March", "nora"));
        SellThroughFigures.topic().publish(SellThroughFigures.recorded(account, "jan-1", 1, LocalDate.of(2027, 1, 1),
                SellThroughFigures.line("AL-1", SellThroughFigures.GTIN_A, 100, "1000.00")));

        JsonNode section = api.awaitReview(account, r -> r.at("/tradeSpend/eventsApplied").asLong() == 2
                && r.at("/tradeSpend/accrued/sellThroughSales").decimalValue().signum() > 0).get("tradeSpend");

        assertThat(section.get("on").asString()).as("today, New Year's Day").isEqualTo("2027-01-01");
        assertThat(section.at("/agreement/version").asInt()).isEqualTo(1);
        assertThat(section.at("/tradeSpend/percent").decimalValue()).isEqualByComparingTo("2.00");
        assertThat(section.at("/tradeSpend/target").isNull()).as("no plan, no target").isTrue();
        assertThat(section.at("/accrued/percentageTerms").decimalValue()).as("2.00 % of 1,000.00")
                .isEqualByComparingTo("20.00");
        assertThat(section.get("lastYear").isNull()).isTrue();
    }

    @Test
    void givenEveryChainsAgreementInForce_whenTheReviewIsRead_thenTheNationalAverageIsTheirMeanWithHowManyOnWhichBasis() {
        List<UUID> accounts = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        accounts.forEach(a -> topic.publish(AccountFixture.aNationalHypermarketChain(a, "Average " + a)));
        LocalDate from = LocalDate.of(2031, 1, 1);
        LocalDate to = LocalDate.of(2031, 12, 31);
        signedFor(accounts.get(0), from, to, "6.00", TradeSpendScenario.stated("10000000.00"), null);
        signedFor(accounts.get(1), from, to, "7.50", new SalesBasis(SalesBasisSource.PLAN_SELL_THROUGH_TARGET,
                new BigDecimal("10000000.00"), "the 2031 plan"), null);
        signedFor(accounts.get(2), from, to, "9.00", TradeSpendScenario.stated("10000000.00"), "8.25");
        signedFor(accounts.get(3), LocalDate.of(2030, 1, 1), LocalDate.of(2030, 12, 31), "12.00",
                TradeSpendScenario.stated("10000000.00"), null);
        api.awaitReview(accounts.get(2), r -> r.at("/tradeSpend/eventsApplied").asLong() == 2);
        api.awaitReview(accounts.get(3), r -> r.at("/tradeSpend/eventsApplied").asLong() == 1);
        api.awaitReview(accounts.get(0), r -> r.at("/tradeSpend/eventsApplied").asLong() == 1);
        api.awaitReview(accounts.get(1), r -> r.at("/tradeSpend/eventsApplied").asLong() == 1);

        JsonNode average = api.review(accounts.get(0), "?year=2031").at("/tradeSpend/nationalAverage");

        assertThat(average.get("on").asString()).as("the first day of a year to come").isEqualTo("2031-01-01");
        assertThat(average.get("tradeSpendPercent").decimalValue()).as("(6.00 + 7.50 + 8.25) ÷ 3, the amended version")
                .isEqualByComparingTo("7.25");
        assertThat(average.get("accounts").asLong()).as("not the agreement that ended with 2030").isEqualTo(3);
        assertThat(average.at("/bySource/STATED_ESTIMATE").asLong()).isEqualTo(2);
        assertThat(average.at("/bySource/PLAN_SELL_THROUGH_TARGET").asLong()).isEqualTo(1);
        assertThat(average.at("/bySource/INVOICED_SALES").asLong()).isZero();
        assertThat(api.review(accounts.get(0), "?year=2031").at("/tradeSpend/accrued").isNull())
                .as("nothing accrues in a year to come").isTrue();
    }

    @Test
    void givenAReviewAlreadyRead_whenAnotherChainSigns_thenTheNationalAverageOfTheFirstIncludesIt() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        List.of(first, second).forEach(a -> topic.publish(AccountFixture.aNationalHypermarketChain(a, "Kept " + a)));
        LocalDate from = LocalDate.of(2032, 1, 1);
        LocalDate to = LocalDate.of(2032, 12, 31);
        signedFor(first, from, to, "4.00", TradeSpendScenario.stated("10000000.00"), null);
        api.awaitReview(first, r -> r.at("/tradeSpend/eventsApplied").asLong() == 1);
        JsonNode before = api.review(first, "?year=2032").at("/tradeSpend/nationalAverage");
        assertThat(before.get("accounts").asLong()).isEqualTo(1);

        signedFor(second, from, to, "8.00", TradeSpendScenario.stated("10000000.00"), null);
        api.awaitReview(second, r -> r.at("/tradeSpend/eventsApplied").asLong() == 1);

        JsonNode after = api.review(first, "?year=2032").at("/tradeSpend/nationalAverage");
        assertThat(after.get("accounts").asLong()).as("the first review, read again, is not the one kept").isEqualTo(2);
        assertThat(after.get("tradeSpendPercent").decimalValue()).isEqualByComparingTo("6.00");
    }

    private TradeSpendScenario givenTheYear() {
        TradeSpendScenario year = new TradeSpendScenario();
        year.publish(topic, negotiations, SellThroughFigures.topic(), promotions);
        api.awaitReview(year.account, r -> r.at("/promotions/eventsApplied").asLong() == 2
                && r.at("/tradeSpend/eventsApplied").asLong() == TradeSpendScenario.NEGOTIATION_EVENTS
                && r.at("/tradeSpend/accrued/sellThroughSales").decimalValue().compareTo(new BigDecimal("300000")) == 0);
        return year;
    }

    private void signedFor(UUID account, LocalDate from, LocalDate to, String percent, SalesBasis basis,
                           @Nullable String amendedTo) {
        UUID negotiation = UUID.randomUUID();
        UUID agreement = UUID.randomUUID();
        negotiations.publish(new AgreementSigned(account, negotiation, agreement, 1,
                TradeSpendScenario.agreementTerms(from, to, from.minusDays(10), List.of(onInvoice(percent)), basis,
                        cost(percent), percent), "nora"));
        if (amendedTo != null) {
            negotiations.publish(new AgreementAmended(account, negotiation, agreement, 2, 1,
                    TradeSpendScenario.agreementTerms(from, to, from.minusDays(5), List.of(onInvoice(amendedTo)), basis,
                            cost(amendedTo), amendedTo), "a lower discount", "nora"));
        }
    }

    private static io.kam.negotiations.api.NegotiationEvents.AgreementTerms terms(LocalDate from, LocalDate to,
                                                                                LocalDate signedOn, String percent) {
        return TradeSpendScenario.agreementTerms(from, to, signedOn, List.of(onInvoice(percent)),
                TradeSpendScenario.stated("10000000.00"), cost(percent), percent);
    }

    private static AgreedTerm onInvoice(String percent) {
        BigDecimal value = new BigDecimal(percent);
        return new AgreedTerm(UUID.randomUUID(), TermKind.ON_INVOICE_DISCOUNT, "票面折扣",
                TermValue.percentOfSales(value), new BigDecimal(cost(percent)), value, null, value);
    }

    /** The cost of a percentage on 10,000,000.00. */
    private static String cost(String percent) {
        return new BigDecimal(percent).multiply(new BigDecimal("100000")).setScale(2).toPlainString();
    }

    private static void assertKind(JsonNode kind, String cost, String share, int terms) {
        assertThat(kind.get("annualCost").decimalValue()).as("%s cost", kind.get("kind")).isEqualByComparingTo(cost);
        assertThat(kind.get("shareOfSales").decimalValue()).as("%s share", kind.get("kind")).isEqualByComparingTo(share);
        assertThat(kind.get("terms")).hasSize(terms);
    }

    /** The plan's targets as the review shows them. */
    static final class PlanTargets {

        static BigDecimal actual(JsonNode review, String kpi) {
            JsonNode target = review.at("/plan/targets").valueStream().filter(t -> t.get("kpi").asString().equals(kpi))
                    .findFirst().orElseThrow();
            return target.get("actual").isNull() ? null : target.get("actual").decimalValue();
        }
    }
}
