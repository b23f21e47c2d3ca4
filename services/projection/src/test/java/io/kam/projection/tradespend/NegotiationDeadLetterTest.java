package io.kam.projection.tradespend;

import static io.kam.projection.AccountFixture.aNationalHypermarketChain;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.kam.negotiations.api.NegotiationEvents;
import io.kam.negotiations.api.NegotiationEvents.AgreedTerm;
import io.kam.negotiations.api.NegotiationEvents.AgreementSigned;
import io.kam.negotiations.api.NegotiationEvents.NegotiationOpened;
import io.kam.negotiations.api.NegotiationEvents.SalesBasis;
import io.kam.negotiations.api.NegotiationEvents.TermValue;
import io.kam.negotiations.api.SalesBasisSource;
import io.kam.negotiations.api.TermKind;
import io.kam.platform.consumer.DeadLetters;
import io.kam.platform.events.EventCodec;
import io.kam.platform.events.EventEnvelope;
import io.kam.platform.testing.TopicReader;
import io.kam.projection.ReviewsApi;
import io.kam.projection.ReviewsTest;
import io.kam.projection.TradeSpendScenario;

/**
 * A negotiations event the projection cannot read, or an agreement it cannot show (no positive sales basis to put the
 * shares on), is set aside on kam.negotiations.v1.dlt with the reason, and leaves nothing behind; later events still
 * apply.
 */
class NegotiationDeadLetterTest extends ReviewsTest {

    @Test
    void unknownNegotiationsEventsAndAgreementsOnNoBasisGoToTheDeadLetterTopicWithTheReason() {
        EventCodec codec = new EventCodec();
        UUID account = UUID.randomUUID();
        String key = account.toString();
        topic.publish(aNationalHypermarketChain(account, "After The Poison Terms " + account));
        EventEnvelope unknown = new EventEnvelope(UUID.randomUUID(), "/kam/negotiations", "1.0",
                "kam.negotiation.abandoned", key, Instant.now(), null, 1, "tester", codec.tree("{}"));
        UUID agreement = UUID.randomUUID();
        AgreedTerm term = new AgreedTerm(UUID.randomUUID(), TermKind.ON_INVOICE_DISCOUNT, "票面折扣",
                TermValue.percentOfSales(new BigDecimal("3.00")), new BigDecimal("0.00"), new BigDecimal("0.00"), null,
                new BigDecimal("3.00"));
        EventEnvelope noBasis = codec.wrap(NegotiationEvents.CATALOG, new AgreementSigned(account, UUID.randomUUID(),
                agreement, 1, TradeSpendScenario.agreementTerms(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31),
                        LocalDate.of(2026, 12, 1), List.of(term),
                        new SalesBasis(SalesBasisSource.STATED_ESTIMATE, new BigDecimal("0.00"), null), "0.00", "0.00"),
                "nora"), "nora", Instant.parse("2026-12-01T02:00:00Z"));

        negotiations.publish(key, codec.encode(unknown));
        negotiations.publish(noBasis);
        negotiations.publish(new NegotiationOpened(account, UUID.randomUUID(), 2027, null, "nora"),
                Instant.parse("2026-12-02T02:00:00Z"));

        var dead = Awaitility.await("the negotiations dead letters").atMost(ReviewsApi.PATIENCE)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> TopicReader.readAll(NegotiationEvents.TOPIC + ".dlt").stream()
                        .filter(r -> key.equals(r.key())).toList(), found -> found.size() == 2);
        assertThat(TopicReader.header(dead.get(0), DeadLetters.REASON_HEADER))
                .contains("unknown event type kam.negotiation.abandoned v1");
        assertThat(TopicReader.header(dead.get(1), DeadLetters.REASON_HEADER))
                .contains("kam.agreement.signed " + noBasis.id() + " has a sales basis of 0.00");
        assertThat(dead.get(1).value()).isEqualTo(codec.encode(noBasis));

        var review = api.awaitNegotiationsApplied(account, 1);
        assertThat(review.at("/tradeSpend/agreement").isNull()).as("nothing of the refused agreement").isTrue();
        assertThat(review.at("/tradeSpend/lastNegotiation/year").asInt()).isEqualTo(2027);
        assertThat(review.at("/tradeSpend/lastNegotiation/agreementId").isNull()).isTrue();
    }
}
