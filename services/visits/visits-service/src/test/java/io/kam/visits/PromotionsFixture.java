package io.kam.visits;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.kam.platform.events.EventEnvelope;
import io.kam.platform.testing.TopicWriter;
import io.kam.promotions.api.Mechanic;
import io.kam.promotions.api.PromotionEvents;
import io.kam.promotions.api.PromotionEvents.Forecast;
import io.kam.promotions.api.PromotionEvents.Period;
import io.kam.promotions.api.PromotionEvents.PromotedSku;
import io.kam.promotions.api.PromotionEvents.PromotionAgreed;
import io.kam.promotions.api.PromotionEvents.PromotionDrafted;
import io.kam.promotions.api.PromotionEvents.PromotionEvent;
import io.kam.promotions.api.PromotionEvents.Terms;

/**
 * Promotions as the promotions service announces them on kam.promotions.v1, each published event awaited until the
 * visits service has processed it (its id is recorded with the effect).
 */
public final class PromotionsFixture {

    static final String CONSUMER = "visits-promotions";

    private final TopicWriter<PromotionEvent> topic = TopicWriter.of(PromotionEvents.CATALOG).as("nora");
    private final JdbcClient jdbc;

    PromotionsFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Publishes the event and waits until it is processed; returns its envelope, to deliver it again. */
    public EventEnvelope publish(PromotionEvent event) {
        EventEnvelope envelope = topic.publish(event);
        awaitProcessed(envelope);
        return envelope;
    }

    /** Delivers the envelope again (same event id) and waits until the consumer has seen it. */
    public void redeliver(EventEnvelope envelope) {
        topic.publish(envelope);
    }

    /** Forgets that the consumer processed the envelope and delivers it again, as a replay from the beginning does. */
    public void replay(EventEnvelope envelope) {
        jdbc.sql("delete from kam_processed_event where consumer = :consumer and event_id = :id")
                .param("consumer", CONSUMER).param("id", envelope.id()).update();
        topic.publish(envelope);
        awaitProcessed(envelope);
    }

    public TopicWriter<PromotionEvent> topic() {
        return topic;
    }

    public void awaitProcessed(EventEnvelope envelope) {
        Awaitility.await("promotion event " + envelope.type() + " " + envelope.id()).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100)).until(() -> jdbc.sql(
                        "select count(*) from kam_processed_event where consumer = :consumer and event_id = :id")
                        .param("consumer", CONSUMER).param("id", envelope.id()).query(Long.class).single() == 1);
    }

    /** Drafts revision 1 of a promotion and records the retailer's agreement: it runs in its stores over its period. */
    public UUID anAgreedPromotion(UUID account, Terms terms) {
        UUID promotion = UUID.randomUUID();
        publish(new PromotionDrafted(account, promotion, 1, terms, "nora"));
        publish(agreed(account, promotion, 1));
        return promotion;
    }

    public static PromotionAgreed agreed(UUID account, UUID promotion, int revision) {
        return new PromotionAgreed(account, promotion, revision, "Wang Lei, dairy buyer", LocalDate.of(2030, 2, 10),
                "PO-2030-0211", "nora");
    }

    /** Terms of a promotion of these SKUs (gtin, promoted price pairs) in these stores over the days given. */
    public static Terms terms(String name, List<Mechanic> mechanics, List<PromotedSku> skus, List<UUID> stores,
                              LocalDate from, LocalDate to) {
        return new Terms(name, mechanics, skus, stores, new Period(from, to), new Period(from.minusDays(14), from.minusDays(1)),
                List.of(), null, new Forecast(2400, 1200), false, null);
    }

    public static PromotedSku sku(String gtin, String regular, String promoted) {
        return new PromotedSku(gtin, "UHT milk", new BigDecimal(regular), new BigDecimal(promoted));
    }
}
