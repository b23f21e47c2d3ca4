package io.kam.visits;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.kam.negotiations.api.NegotiationEvents;
import io.kam.negotiations.api.NegotiationEvents.AgreedTerm;
import io.kam.negotiations.api.NegotiationEvents.AgreementAmended;
import io.kam.negotiations.api.NegotiationEvents.AgreementSigned;
import io.kam.negotiations.api.NegotiationEvents.AgreementTerms;
import io.kam.negotiations.api.NegotiationEvents.NegotiationEvent;
import io.kam.negotiations.api.NegotiationEvents.SalesBasis;
import io.kam.negotiations.api.NegotiationEvents.Signatory;
import io.kam.negotiations.api.NegotiationEvents.TermValue;
import io.kam.negotiations.api.Party;
import io.kam.negotiations.api.SalesBasisSource;
import io.kam.negotiations.api.TermKind;
import io.kam.negotiations.api.ValueShape;
import io.kam.platform.events.EventEnvelope;
import io.kam.platform.testing.TopicWriter;

/**
 * Agreements as the negotiations service announces them on kam.negotiations.v1, each published event awaited until the
 * visits service has processed it (its id is recorded with the effect). The year is 2030, the service's.
 */
public final class AgreementsFixture {

    static final String CONSUMER = "visits-negotiations";
    static final LocalDate NEW_YEAR = LocalDate.of(2030, 1, 1);
    static final LocalDate YEAR_END = LocalDate.of(2030, 12, 31);

    private final TopicWriter<NegotiationEvent> topic = TopicWriter.of(NegotiationEvents.CATALOG).as("nora");
    private final JdbcClient jdbc;

    AgreementsFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public EventEnvelope publish(NegotiationEvent event) {
        EventEnvelope envelope = topic.publish(event);
        awaitProcessed(envelope);
        return envelope;
    }

    public TopicWriter<NegotiationEvent> topic() {
        return topic;
    }

    public void awaitProcessed(EventEnvelope envelope) {
        Awaitility.await("negotiation event " + envelope.type() + " " + envelope.id()).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100)).until(() -> jdbc.sql(
                        "select count(*) from kam_processed_event where consumer = :consumer and event_id = :id")
                        .param("consumer", CONSUMER).param("id", envelope.id()).query(Long.class).single() == 1);
    }

    /** Version 1 of an agreement in force all of 2030 with these terms. */
    public static AgreementSigned signed(UUID account, UUID agreement, List<AgreedTerm> terms) {
        return new AgreementSigned(account, UUID.randomUUID(), agreement, 1, terms(NEW_YEAR, YEAR_END, terms), "nora");
    }

    /** Version {@code version} of the agreement, replacing the one before from {@code from} to the year's end. */
    public static AgreementAmended amended(UUID account, UUID agreement, int version, LocalDate from,
                                           List<AgreedTerm> terms) {
        return new AgreementAmended(account, UUID.randomUUID(), agreement, version, version - 1,
                terms(from, YEAR_END, terms), "Anniversary support against 40 more end caps", "nora");
    }

    public static AgreementTerms terms(LocalDate from, LocalDate to, List<AgreedTerm> terms) {
        return new AgreementTerms(from, to, from.minusDays(3), List.of(new Signatory(Party.SUPPLIER, "Nora Lin", null),
                new Signatory(Party.RETAILER, "Zhao Min", "Category director")), terms,
                new SalesBasis(SalesBasisSource.STATED_ESTIMATE, new BigDecimal("48000000.00"), null),
                new BigDecimal("4.35"), BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** A percentage-of-sales term. */
    public static AgreedTerm percent(TermKind kind, String percent) {
        return new AgreedTerm(UUID.randomUUID(), kind, kind.name().toLowerCase(),
                TermValue.percentOfSales(new BigDecimal(percent)), BigDecimal.ZERO, BigDecimal.ZERO, null,
                new BigDecimal(percent));
    }

    /** A money term of the shape. */
    public static AgreedTerm sum(TermKind kind, ValueShape shape, String amount) {
        return new AgreedTerm(UUID.randomUUID(), kind, kind.name().toLowerCase(),
                TermValue.amount(shape, new BigDecimal(amount)), BigDecimal.ZERO, BigDecimal.ZERO, null, null);
    }

    /** The usual terms: 3.00 % on invoice, 2.50 % rebate, 5,000 per SKU listed, 800 per store of promotion fee, days. */
    public static List<AgreedTerm> usual() {
        List<AgreedTerm> terms = new ArrayList<>();
        terms.add(percent(TermKind.ON_INVOICE_DISCOUNT, "3.00"));
        terms.add(percent(TermKind.OFF_INVOICE_REBATE, "2.50"));
        terms.add(sum(TermKind.LISTING_FEE, ValueShape.PER_SKU_LISTED, "5000.00"));
        terms.add(sum(TermKind.PROMOTION_FEE, ValueShape.PER_STORE, "800.00"));
        terms.add(new AgreedTerm(UUID.randomUUID(), TermKind.PAYMENT_TERMS, "账期", TermValue.ofDays(60),
                BigDecimal.ZERO, BigDecimal.ZERO, null, new BigDecimal("0.72")));
        return terms;
    }
}
