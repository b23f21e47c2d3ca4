package io.kam.promotions.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.kam.accounts.api.Region;
import io.kam.negotiations.api.NegotiationEvents;
import io.kam.negotiations.api.NegotiationEvents.AgreedTerm;
import io.kam.negotiations.api.NegotiationEvents.AgreementAmended;
import io.kam.negotiations.api.NegotiationEvents.AgreementSigned;
import io.kam.negotiations.api.NegotiationEvents.AgreementTerms;
import io.kam.negotiations.api.NegotiationEvents.NegotiationEvent;
import io.kam.negotiations.api.NegotiationEvents.TermValue;
import io.kam.negotiations.api.TermKind;
import io.kam.negotiations.api.ValueShape;
import io.kam.platform.consumer.DeadLetters;
import io.kam.platform.events.EventEnvelope;
import io.kam.platform.testing.EventSamples;
import io.kam.platform.testing.TopicReader;
import io.kam.platform.testing.TopicWriter;
import io.kam.promotions.PromotionFixture;
import io.kam.promotions.ServiceTest;

/**
 * The promotion fees of the account's signed agreement are the default fees of its promotions: a draft without fees
 * takes the agreed percentage of sales as an off-invoice percentage of its promoted sales and names the agreement
 * version in force on its first in-store day; the agreement's annual sums are not charged on it; a draft with fees
 * keeps its own. The agreements are the contract's samples with three promotion fees added (1.50 % of sales,
 * 200,000.00 a year, 3,000.00 per store a year; the amendment raises the percentage to 2.00 from 1 July 2027).
 */
class AgreedPromotionFeesTest extends ServiceTest {

    private static final String DEAD_LETTERS = NegotiationEvents.TOPIC + ".dlt";
    private static final LocalDate MARCH = LocalDate.of(2027, 3, 1);
    private static final LocalDate SEPTEMBER = LocalDate.of(2027, 9, 1);

    private final TopicWriter<NegotiationEvent> negotiations = TopicWriter.of(NegotiationEvents.CATALOG).as("nora");
    private Chain chain;
    private UUID agreement;

    @BeforeEach
    void aChainWithASignedAndAnAmendedAgreement() {
        chain = aChain(Region.EAST, Region.EAST);
        agreement = UUID.randomUUID();
    }

    @Test
    void givenAnAgreementWithPromotionFees_whenADraftIsCreatedWithoutFees_thenItTakesTheAgreedPercentageAndNamesTheAgreement() {
        awaitProcessed(List.of(negotiations.publish(signed(new BigDecimal("1.50"))).id()));

        JsonNode drafted = draftWithoutFees(MARCH);

        assertThat(drafted.at("/terms/fees")).as("the annual sums are the agreement's pot, not charged again")
                .hasSize(1);
        assertThat(drafted.at("/terms/fees/0/kind").asString()).isEqualTo("OTHER");
        assertThat(drafted.at("/terms/fees/0/basis").asString()).isEqualTo("OFF_INVOICE_PERCENT");
        assertThat(drafted.at("/terms/fees/0/amount").decimalValue()).isEqualByComparingTo("1.50");
        assertThat(drafted.at("/terms/fees/0/note").asString()).contains("促销费").contains("1.50 % of sales");
        assertThat(drafted.at("/terms/defaultFeesFrom/agreementId").asString()).isEqualTo(agreement.toString());
        assertThat(drafted.at("/terms/defaultFeesFrom/version").asInt()).isEqualTo(1);
        // 3,600 units forecast at 19.90: 71,640.00 of promoted sales, 1.50 % of it
        assertThat(drafted.at("/plannedSpend/fees").decimalValue()).isEqualByComparingTo("1074.60");

        List<EventEnvelope> events = awaitEvents(chain.id(), e -> !e.isEmpty());
        assertThat(events.getFirst().type()).isEqualTo("kam.promotion.drafted");
        assertThat(events.getFirst().data().at("/terms/defaultFeesFrom/agreementId").asString())
                .isEqualTo(agreement.toString());
    }

    @Test
    void givenAnAgreementWithPromotionFees_whenADraftIsCreatedWithItsOwnFees_thenItKeepsThemAndNamesNoAgreement() {
        awaitProcessed(List.of(negotiations.publish(signed(new BigDecimal("1.50"))).id()));

        var own = nora.post("/api/promotions", PromotionFixture.draft(chain.id(),
                PromotionFixture.terms(chain.stores(), MARCH, MARCH.plusDays(13)))).body();
        Map<String, Object> noneTerms = PromotionFixture.terms(chain.stores(), MARCH.plusMonths(1),
                MARCH.plusMonths(1).plusDays(13));
        noneTerms.put("fees", List.of());
        var none = nora.post("/api/promotions", PromotionFixture.draft(chain.id(), noneTerms)).body();

        assertThat(own.at("/terms/fees")).hasSize(1);
        assertThat(own.at("/terms/fees/0/kind").asString()).isEqualTo("DISPLAY_FEE");
        assertThat(own.at("/terms/defaultFeesFrom").isNull()).isTrue();
        assertThat(none.at("/terms/fees")).as("an empty list is the manager's: no fees").isEmpty();
        assertThat(none.at("/terms/defaultFeesFrom").isNull()).isTrue();
    }

    @Test
    void givenAnAmendment_whenDraftsAreCreatedWithoutFees_thenEachTakesTheVersionInForceOnItsFirstInStoreDay() {
        awaitProcessed(List.of(negotiations.publish(signed(new BigDecimal("1.50"))).id(),
                negotiations.publish(amended(new BigDecimal("2.00"))).id()));

        JsonNode march = draftWithoutFees(MARCH);
        JsonNode september = draftWithoutFees(SEPTEMBER);
        JsonNode nextYear = draftWithoutFees(LocalDate.of(2028, 3, 1));

        assertThat(march.at("/terms/fees/0/amount").decimalValue()).isEqualByComparingTo("1.50");
        assertThat(march.at("/terms/defaultFeesFrom/version").asInt()).isEqualTo(1);
        assertThat(september.at("/terms/fees/0/amount").decimalValue()).isEqualByComparingTo("2.00");
        assertThat(september.at("/terms/defaultFeesFrom/version").asInt()).isEqualTo(2);
        assertThat(nextYear.at("/terms/fees")).as("no agreement in force").isEmpty();
        assertThat(nextYear.at("/terms/defaultFeesFrom").isNull()).isTrue();
    }

    @Test
    void givenTheAgreementDeliveredTwiceAndPublishedAgain_whenADraftIsCreated_thenNothingChanged() {
        EventEnvelope signed = negotiations.publish(signed(new BigDecimal("1.50")));
        negotiations.publish(signed);
        EventEnvelope again = negotiations.publish(signed(new BigDecimal("1.50")));
        awaitProcessed(List.of(signed.id(), again.id()));

        assertThat(jdbc.sql("select count(*) from agreed_promotion_fees where agreement_id = ?").param(agreement)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(draftWithoutFees(MARCH).at("/terms/fees")).hasSize(1);
        assertThat(deadLetters()).isEmpty();
    }

    @Test
    void aVersionRewrittenOrWithAPromotionFeeOfAShapeItCannotTakeEndsOnTheDeadLetterTopicWithTheReason() {
        awaitProcessed(List.of(negotiations.publish(signed(new BigDecimal("1.50"))).id()));

        negotiations.publish(signed(new BigDecimal("4.00")));
        AgreementAmended sample = amended(new BigDecimal("2.00"));
        List<AgreedTerm> days = new ArrayList<>(sample.agreement().terms());
        days.add(term(TermKind.PROMOTION_FEE, "陈列促销", TermValue.ofDays(30)));
        AgreementTerms a = sample.agreement();
        negotiations.publish(new AgreementAmended(chain.id(), sample.negotiationId(), agreement, 2, 1,
                new AgreementTerms(a.effectiveFrom(), a.effectiveTo(), a.signedOn(), a.signatories(), days, a.basis(),
                        a.financingRatePercent(), a.totalAnnualCost(), a.tradeSpendPercent()), sample.reason(),
                sample.recordedBy()));

        List<String> reasons = Awaitility.await("two dead letters").atMost(Duration.ofSeconds(30))
                .until(() -> deadLetters().stream().map(r -> TopicReader.header(r, DeadLetters.REASON_HEADER)).toList(),
                        found -> found.size() >= 2);
        assertThat(reasons.get(0)).contains("kam.agreement.signed cannot record version 1 of agreement " + agreement)
                .endsWith("a signed version never changes, an amendment is a new version");
        assertThat(reasons.get(1)).contains("kam.agreement.amended cannot record version 2 of agreement " + agreement)
                .contains("has the shape DAYS, which a promotion fee cannot take");
        assertThat(draftWithoutFees(SEPTEMBER).at("/terms/fees/0/amount").decimalValue())
                .as("version 1 stays in force").isEqualByComparingTo("1.50");
    }

    private JsonNode draftWithoutFees(LocalDate from) {
        Map<String, Object> terms = PromotionFixture.terms(chain.stores(), from, from.plusDays(13));
        terms.remove("fees");
        var drafted = nora.post("/api/promotions", PromotionFixture.draft(chain.id(), terms));
        assertThat(drafted.status()).as("drafted: %s", drafted.body()).isEqualTo(201);
        return drafted.body();
    }

    private AgreementSigned signed(BigDecimal percent) {
        AgreementSigned sample = sample("kam.agreement.signed");
        return new AgreementSigned(chain.id(), sample.negotiationId(), agreement, 1,
                withPromotionFees(sample.agreement(), percent), sample.recordedBy());
    }

    private AgreementAmended amended(BigDecimal percent) {
        AgreementAmended sample = sample("kam.agreement.amended");
        return new AgreementAmended(chain.id(), sample.negotiationId(), agreement, 2, 1,
                withPromotionFees(sample.agreement(), percent), sample.reason(), sample.recordedBy());
    }

    private static AgreementTerms withPromotionFees(AgreementTerms a, BigDecimal percent) {
        List<AgreedTerm> terms = new ArrayList<>(a.terms());
        terms.add(term(TermKind.PROMOTION_FEE, "促销费", TermValue.percentOfSales(percent)));
        terms.add(term(TermKind.PROMOTION_FEE, "年度促销支持", TermValue.amount(ValueShape.FIXED_AMOUNT,
                new BigDecimal("200000.00"))));
        terms.add(term(TermKind.PROMOTION_FEE, "门店促销费", TermValue.amount(ValueShape.PER_STORE,
                new BigDecimal("3000.00"))));
        return new AgreementTerms(a.effectiveFrom(), a.effectiveTo(), a.signedOn(), a.signatories(), terms, a.basis(),
                a.financingRatePercent(), a.totalAnnualCost(), a.tradeSpendPercent());
    }

    private static AgreedTerm term(TermKind kind, String name, TermValue value) {
        return new AgreedTerm(UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)), kind,
                name, value, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), null, null);
    }

    @SuppressWarnings("unchecked")
    private static <E extends NegotiationEvent> E sample(String type) {
        return (E) CODEC.payload(NegotiationEvents.CATALOG, CODEC.decode(EventSamples.json(type, 1)));
    }

    private void awaitProcessed(List<UUID> ids) {
        Awaitility.await("negotiation events processed").atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from kam_processed_event where consumer = :consumer and event_id = any(:ids)")
                        .param("consumer", NegotiationsListener.CONSUMER).param("ids", ids.toArray(UUID[]::new))
                        .query(Long.class).single(), count -> count == ids.size());
    }

    private List<ConsumerRecord<String, String>> deadLetters() {
        return TopicReader.readAll(DEAD_LETTERS).stream().filter(r -> chain.id().toString().equals(r.key())).toList();
    }
}
