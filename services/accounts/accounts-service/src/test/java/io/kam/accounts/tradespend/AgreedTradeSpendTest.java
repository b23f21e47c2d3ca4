package io.kam.accounts.tradespend;

import static io.kam.accounts.AccountFixture.aNationalHypermarketChain;
import static io.kam.accounts.AccountFixture.aStore;
import static io.kam.accounts.PlanFixture.aPlanFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.kam.accounts.ServiceTest;
import io.kam.accounts.api.Region;
import io.kam.negotiations.api.NegotiationEvents;
import io.kam.negotiations.api.NegotiationEvents.AgreementAmended;
import io.kam.negotiations.api.NegotiationEvents.AgreementSigned;
import io.kam.negotiations.api.NegotiationEvents.AgreementTerms;
import io.kam.negotiations.api.NegotiationEvents.NegotiationEvent;
import io.kam.platform.consumer.DeadLetters;
import io.kam.platform.events.EventCatalog;
import io.kam.platform.events.EventEnvelope;
import io.kam.platform.testing.EventSamples;
import io.kam.platform.testing.TestTokens;
import io.kam.platform.testing.TopicReader;
import io.kam.platform.testing.TopicWriter;

/**
 * The signed agreement's true trade spend % becomes the actual of the plan KPI TRADE_SPEND_RATE for the year it is in
 * force, with the source of its sales basis; an amendment replaces it from its first day; the events may come in any
 * order, twice, or again, and change nothing more. The agreements are the contract's samples (7.69 % signed, 7.75 %
 * from 1 July as amended, both on a stated estimate), moved to the year under test.
 */
class AgreedTradeSpendTest extends ServiceTest {

    private static final String DEAD_LETTERS = NegotiationEvents.TOPIC + ".dlt";
    /** A year gone by: its actual is the one in force on its last day, whatever today is. */
    private static final int PAST = 2025;
    /** A year to come: its actual is the one in force on its first day. */
    private static final int FUTURE = 2099;

    @Autowired
    JdbcClient jdbc;

    private TopicWriter<NegotiationEvent> negotiations;
    private UUID account;

    @BeforeEach
    void anAccountPresentInTheEast() {
        negotiations = TopicWriter.of(NegotiationEvents.CATALOG);
        account = open(aNationalHypermarketChain());
        api.post("/api/accounts/" + account + "/stores", aStore("E-1", Region.EAST));
    }

    @Test
    void givenASignedAgreement_whenThePlanOfItsYearIsRead_thenTradeSpendRateShowsItsTradeSpendOnItsBasisSource() {
        createPlan(PAST);
        UUID agreement = UUID.randomUUID();

        EventEnvelope signed = negotiations.publish(signed(agreement, PAST), "nora");
        awaitProcessed(List.of(signed.id()));

        JsonNode actual = tradeSpendActual(PAST, 1);
        assertThat(actual.get("unit").asString()).isEqualTo("PERCENT_OF_SALES");
        assertThat(actual.get("value").decimalValue()).isEqualByComparingTo("7.69");
        assertThat(actual.get("basisSource").asString()).isEqualTo("STATED_ESTIMATE");
        assertThat(actual.get("effectiveFrom").asString()).isEqualTo(PAST + "-01-01");
        assertThat(actual.get("effectiveTo").asString()).isEqualTo(PAST + "-12-31");
        assertThat(actual.get("asOf").asString()).isEqualTo(PAST + "-12-31");
        assertThat(api.get(plans() + "/" + PAST + "/versions/1").body().at("/targets")
                .findValues("kpi").stream().map(JsonNode::asString).toList())
                .as("the target stays as planned beside it").contains("TRADE_SPEND_RATE");
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void givenAnAmendment_whenTheYearIsRead_thenTheNewVersionsTradeSpendReplacesThePreviousFromItsEffectiveDay() {
        createPlan(PAST);
        createPlan(FUTURE);
        UUID past = UUID.randomUUID();
        UUID future = UUID.randomUUID();

        awaitProcessed(List.of(negotiations.publish(signed(past, PAST), "nora").id(),
                negotiations.publish(amended(past, PAST), "nora").id(),
                negotiations.publish(signed(future, FUTURE), "nora").id(),
                negotiations.publish(amended(future, FUTURE), "nora").id()));

        JsonNode gone = tradeSpendActual(PAST, 1);
        assertThat(gone.get("value").decimalValue()).as("in force on the year's last day").isEqualByComparingTo("7.75");
        assertThat(gone.get("effectiveFrom").asString()).isEqualTo(PAST + "-07-01");
        JsonNode coming = tradeSpendActual(FUTURE, 1);
        assertThat(coming.get("value").decimalValue()).as("the amendment is not in force before 1 July")
                .isEqualByComparingTo("7.69");
        assertThat(coming.get("effectiveFrom").asString()).isEqualTo(FUTURE + "-01-01");
        assertThat(coming.get("asOf").asString()).isEqualTo(FUTURE + "-01-01");
    }

    @Test
    void givenTheAmendmentArrivesFirstAndThePlanIsCreatedAfterBoth_whenThePlanIsRead_thenItShowsTheAmendedTradeSpend() {
        UUID agreement = UUID.randomUUID();

        awaitProcessed(List.of(negotiations.publish(amended(agreement, PAST), "nora").id(),
                negotiations.publish(signed(agreement, PAST), "nora").id()));
        createPlan(PAST);

        assertThat(tradeSpendActual(PAST, 1).get("value").decimalValue()).isEqualByComparingTo("7.75");
        String inForce = plans() + "/" + PAST + "/in-force";
        assertThat(api.get(inForce).status()).as("not approved yet").isEqualTo(404);
        assertThat(api.get(plans() + "/" + (PAST + 1) + "/versions/1").status()).isEqualTo(404);
    }

    @Test
    void aYearWithoutAnAgreementInForceHasNoTradeSpendActual() {
        createPlan(PAST);
        awaitProcessed(List.of(negotiations.publish(signed(UUID.randomUUID(), PAST + 1), "nora").id()));

        assertThat(api.get(plans() + "/" + PAST + "/versions/1").body().get("actuals")).isEmpty();
    }

    @Test
    void givenTheSameEventsDeliveredTwicePublishedAgainAndReplayed_whenThePlanIsRead_thenNothingChanged() {
        createPlan(PAST);
        UUID agreement = UUID.randomUUID();
        EventEnvelope signed = negotiations.publish(signed(agreement, PAST), "nora");
        EventEnvelope amended = negotiations.publish(amended(agreement, PAST), "nora");
        awaitProcessed(List.of(signed.id(), amended.id()));
        JsonNode before = tradeSpendActual(PAST, 1);

        negotiations.publish(signed);
        negotiations.publish(amended);
        EventEnvelope signedAgain = negotiations.publish(signed(agreement, PAST), "nora");
        EventEnvelope amendedAgain = negotiations.publish(amended(agreement, PAST), "nora");
        awaitProcessed(List.of(signedAgain.id(), amendedAgain.id()));
        jdbc.sql("delete from kam_processed_event where consumer = :consumer and event_id = any(:ids)")
                .param("consumer", NegotiationsListener.CONSUMER)
                .param("ids", new UUID[] {signed.id(), amended.id()}).update();
        negotiations.publish(signed);
        negotiations.publish(amended);
        awaitProcessed(List.of(signed.id(), amended.id()));

        assertThat(tradeSpendActual(PAST, 1)).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from agreed_trade_spend where account_id = :account")
                .param("account", account).query(Long.class).single()).as("one row per version").isEqualTo(2);
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void givenASignedVersionWithOtherFigures_whenItArrives_thenItIsSetAsideWithTheReasonAndTheActualStays() {
        createPlan(PAST);
        UUID agreement = UUID.randomUUID();
        awaitProcessed(List.of(negotiations.publish(signed(agreement, PAST), "nora").id()));

        EventEnvelope rewritten = negotiations.publish(signed(agreement, PAST, new BigDecimal("5.10")), "nora");

        var dead = TopicReader.awaitRecords(DEAD_LETTERS, r -> account.toString().equals(r.key()));
        assertThat(dead).singleElement().satisfies(record -> {
            assertThat(record.value()).isEqualTo(CODEC.encode(rewritten));
            assertThat(TopicReader.header(record, DeadLetters.REASON_HEADER))
                    .startsWith("AgreementRefused: kam.agreement.signed cannot record version 1 of agreement "
                            + agreement)
                    .contains("trade spend 7.69 % on STATED_ESTIMATE")
                    .endsWith("a signed version never changes, an amendment is a new version");
        });
        assertThat(tradeSpendActual(PAST, 1).get("value").decimalValue()).isEqualByComparingTo("7.69");
    }

    @Test
    void aVersionThatCanNeverBeRecordedOrIsNoEventEndsOnTheDeadLetterTopicWithTheReason() {
        createPlan(PAST);
        UUID agreement = UUID.randomUUID();
        AgreementAmended sample = amended(agreement, PAST);
        AgreementAmended skipping = new AgreementAmended(account, sample.negotiationId(), agreement, 3, 1,
                terms(sample.agreement(), PAST, new BigDecimal("130.00")), sample.reason(), sample.recordedBy());

        negotiations.publish(skipping, "nora");
        negotiations.publish(account.toString(), "{\"type\":\"kam.agreement.signed\",\"data\":");

        List<String> reasons = Awaitility.await("two dead letters").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> deadLetters().stream().map(r -> TopicReader.header(r, DeadLetters.REASON_HEADER)).toList(),
                        found -> found.size() >= 2);
        assertThat(reasons).hasSize(2);
        assertThat(reasons.get(0)).isEqualTo("AgreementRefused: kam.agreement.amended cannot record version 3 of "
                + "agreement " + agreement + ": an amendment is the version after its previous one (1 + 1), not 3; "
                + "tradeSpendPercent 130.00 is not a percentage from 0 to 100");
        assertThat(reasons.get(1)).as("the record that is no event").isNotBlank().doesNotStartWith("AgreementRefused");
        assertThat(api.get(plans() + "/" + PAST + "/versions/1").body().get("actuals")).isEmpty();
    }

    @Test
    void everyOtherSampleOfTheNegotiationsContractIsReadAndRecordsNothing() throws IOException {
        createPlan(2027);
        List<UUID> ids = new ArrayList<>();
        for (EventCatalog.WireName name : NegotiationEvents.CATALOG.wireNames()) {
            if (name.type().startsWith("kam.agreement.")) {
                continue;
            }
            ObjectNode envelope = (ObjectNode) CODEC.tree(EventSamples.json(name));
            UUID id = UUID.randomUUID();
            envelope.put("id", id.toString());
            envelope.put("subject", account.toString());
            ((ObjectNode) envelope.get("data")).put("accountId", account.toString());
            negotiations.publish(account.toString(), envelope.toString());
            ids.add(id);
        }

        awaitProcessed(ids);
        assertThat(ids).hasSize(6);
        assertThat(api.get(plans() + "/2027/versions/1").body().get("actuals")).isEmpty();
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void theCoordinatorOfTheRegionSeesTheActualWithItsBasisAndNothingOfTheTermsOthersSeeNothing() {
        createPlan(PAST);
        awaitProcessed(List.of(negotiations.publish(signed(UUID.randomUUID(), PAST), "nora").id()));
        String v1 = plans() + "/" + PAST + "/versions/1";

        JsonNode seen = anonymous.as(TestTokens.eric()).get(v1).body();
        assertThat(seen.at("/actuals/0/value").decimalValue()).isEqualByComparingTo("7.69");
        assertThat(seen.at("/actuals/0/basisSource").asString()).isEqualTo("STATED_ESTIMATE");
        assertThat(seen.toString()).doesNotContain("ON_INVOICE_DISCOUNT", "bonus", "annualCost", "48000000");
        assertThat(anonymous.as(TestTokens.sofia()).get(v1).status()).isEqualTo(404);
        assertThat(anonymous.as(TestTokens.integrationForAllAccounts()).get(v1).status()).isEqualTo(403);
        assertThat(anonymous.get(v1).status()).isEqualTo(401);
    }

    private void createPlan(int year) {
        var created = api.post(plans(), aPlanFor(year));
        assertThat(created.status()).as("plan %s created: %s", year, created.body()).isEqualTo(201);
    }

    private String plans() {
        return "/api/accounts/" + account + "/plans";
    }

    /** The TRADE_SPEND_RATE actual of a version of the year's plan, by a national KA manager. */
    private JsonNode tradeSpendActual(int year, int version) {
        JsonNode actuals = api.get(plans() + "/" + year + "/versions/" + version).body().get("actuals");
        assertThat(actuals).hasSize(1);
        assertThat(actuals.get(0).get("kpi").asString()).isEqualTo("TRADE_SPEND_RATE");
        return actuals.get(0);
    }

    private AgreementSigned signed(UUID agreement, int year) {
        AgreementSigned sample = sample("kam.agreement.signed");
        return signed(agreement, year, sample.agreement().tradeSpendPercent());
    }

    private AgreementSigned signed(UUID agreement, int year, BigDecimal tradeSpend) {
        AgreementSigned sample = sample("kam.agreement.signed");
        return new AgreementSigned(account, sample.negotiationId(), agreement, 1,
                terms(sample.agreement(), year, tradeSpend), sample.recordedBy());
    }

    private AgreementAmended amended(UUID agreement, int year) {
        AgreementAmended sample = sample("kam.agreement.amended");
        return new AgreementAmended(account, sample.negotiationId(), agreement, sample.version(),
                sample.previousVersion(), terms(sample.agreement(), year, sample.agreement().tradeSpendPercent()),
                sample.reason(), sample.recordedBy());
    }

    /** The sample's terms moved to the year (the samples are for 2027), with the trade spend given. */
    private static AgreementTerms terms(AgreementTerms sample, int year, BigDecimal tradeSpend) {
        int shift = year - 2027;
        return new AgreementTerms(sample.effectiveFrom().plusYears(shift), sample.effectiveTo().plusYears(shift),
                sample.signedOn().plusYears(shift), sample.signatories(), sample.terms(), sample.basis(),
                sample.financingRatePercent(), sample.totalAnnualCost(), tradeSpend);
    }

    @SuppressWarnings("unchecked")
    private static <E extends NegotiationEvent> E sample(String type) {
        return (E) CODEC.payload(NegotiationEvents.CATALOG, CODEC.decode(EventSamples.json(type, 1)));
    }

    /** Waits until this service has recorded every one of these negotiation events as processed. */
    private void awaitProcessed(List<UUID> eventIds) {
        Awaitility.await("negotiation events processed").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.sql("select count(*) from kam_processed_event where consumer = :consumer and event_id = any(:ids)")
                        .param("consumer", NegotiationsListener.CONSUMER).param("ids", eventIds.toArray(UUID[]::new))
                        .query(Long.class).single(), count -> count == eventIds.size());
    }

    private List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> deadLetters() {
        return TopicReader.readAll(DEAD_LETTERS).stream().filter(r -> account.toString().equals(r.key())).toList();
    }
}
