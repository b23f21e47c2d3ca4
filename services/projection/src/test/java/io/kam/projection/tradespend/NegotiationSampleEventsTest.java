package io.kam.projection.tradespend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.kam.negotiations.api.NegotiationEvents;
import io.kam.platform.testing.TopicReader;
import io.kam.projection.AccountFixture;
import io.kam.projection.ReviewsTest;
import io.kam.projection.SampleEnvelopes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every sample event of the negotiations contract is read and applied, in catalog order: none ends on the dead-letter
 * topic. On New Year's Day 2027 the samples' agreement is in force as signed (ADR 0012's worked example, 7.69 % on a
 * stated 48,000,000.00), as its amendment only begins on 1 July; the ledger has the samples' round 2 and its one give.
 */
class NegotiationSampleEventsTest extends ReviewsTest {

    private static final String ACCOUNT = "8d1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b";

    @Autowired
    JdbcClient jdbc;

    private final SampleEnvelopes samples = new SampleEnvelopes();

    @Test
    void everySampleOfTheNegotiationsContractAppliesWithoutADeadLetter() {
        List<ObjectNode> published = samples.of(NegotiationEvents.CATALOG);
        for (ObjectNode envelope : published) {
            negotiations.publish(envelope.get("subject").asString(), envelope.toString());
        }
        UUID account = UUID.fromString(samples.id(ACCOUNT));
        topic.publish(AccountFixture.aNationalHypermarketChain(account, "Sample Terms " + account));

        SampleEnvelopes.awaitProcessed(jdbc, NegotiationsListener.CONSUMER, published);
        assertThat(published).hasSameSizeAs(NegotiationEvents.CATALOG.wireNames()).hasSize(8);
        assertThat(TopicReader.readAll(NegotiationEvents.TOPIC + ".dlt"))
                .noneMatch(r -> r.key().equals(account.toString()));

        JsonNode section = api.awaitNegotiationsApplied(account, published.size()).get("tradeSpend");
        assertThat(section.get("on").asString()).isEqualTo("2027-01-01");
        assertThat(section.at("/agreement/version").asInt()).as("the amendment begins on 1 July").isEqualTo(1);
        assertThat(section.at("/agreement/totalAnnualCost").decimalValue()).isEqualByComparingTo("3691232.88");
        assertThat(section.at("/tradeSpend/percent").decimalValue()).isEqualByComparingTo("7.69");
        assertThat(section.at("/tradeSpend/basis/annualSales").decimalValue()).isEqualByComparingTo("48000000.00");
        assertThat(section.at("/agreement/byKind").valueStream().map(k -> k.get("kind").asString())).containsExactly(
                "ON_INVOICE_DISCOUNT", "OFF_INVOICE_REBATE", "GROWTH_REBATE", "LISTING_FEE", "NEW_STORE_FEE",
                "ANNIVERSARY_FEE", "PAYMENT_TERMS");
        assertThat(section.at("/accrued/percentageTerms").decimalValue()).as("no sell-through yet")
                .isEqualByComparingTo("0.00");
        assertThat(section.at("/accrued/fixedFees").decimalValue()).as("60,000 + 48,000 + 120,000, whole")
                .isEqualByComparingTo("228000.00");
        JsonNode ledger = section.get("lastNegotiation");
        assertThat(ledger.get("year").asInt()).isEqualTo(2027);
        assertThat(ledger.get("preparationApproved").asBoolean()).isTrue();
        assertThat(ledger.get("rounds").asInt()).isEqualTo(1);
        assertThat(ledger.get("asks").asLong()).isEqualTo(2);
        assertThat(ledger.get("gives").asLong()).isEqualTo(1);
        assertThat(ledger.get("givesCost").decimalValue()).isEqualByComparingTo("144000.00");
        assertThat(ledger.get("getsValue").decimalValue()).isEqualByComparingTo("250000.00");
        assertThat(ledger.at("/warnings/CONCEDED_FIRST").asLong()).isEqualTo(1);
        assertThat(ledger.at("/perRound/0/round").asInt()).isEqualTo(2);
        assertThat(ledger.at("/perRound/0/seniorPresent").asBoolean()).isTrue();
    }
}
