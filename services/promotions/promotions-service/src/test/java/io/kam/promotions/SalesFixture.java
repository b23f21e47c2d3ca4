package io.kam.promotions;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.kam.platform.testing.TopicWriter;
import io.kam.sellthrough.api.SellThroughEvents;
import io.kam.sellthrough.api.SellThroughEvents.RecordedLine;
import io.kam.sellthrough.api.SellThroughEvents.SalesRecorded;
import io.kam.sellthrough.api.SellThroughEvents.SellThroughEvent;

/** Sell-through of one SKU (UHT milk unless told) at 19.90 in store S1, as the sell-through service publishes it. */
public final class SalesFixture {

    public static final String GTIN = "0" + ServiceTest.MILK;
    private static final BigDecimal PRICE = new BigDecimal("19.90");

    private final TopicWriter<SellThroughEvent> sellThrough = TopicWriter.of(SellThroughEvents.CATALOG).as("connector");
    private final String gtin;

    public SalesFixture() {
        this(GTIN);
    }

    /** Sales of this GTIN (14 digits). */
    public SalesFixture(String gtin) {
        this.gtin = gtin;
    }

    /** {@code each} units a day for {@code days} days from {@code from}, one recorded event a day. */
    public void sold(UUID account, LocalDate from, int days, long each) {
        for (int i = 0; i < days; i++) {
            LocalDate day = from.plusDays(i);
            BigDecimal sales = PRICE.multiply(BigDecimal.valueOf(each));
            sellThrough.publish(new SalesRecorded(account, "b-" + gtin + "-" + day, 1, day, "CNY", each, sales,
                    List.of(new RecordedLine("S1", gtin, each, sales, null))));
        }
    }

    public void publish(SellThroughEvent event) {
        sellThrough.publish(event);
    }

    /**
     * The sales of a promotion's week from {@code from} worked out by hand in the evaluation tests: 10 a day in the 8
     * weeks before, 20 a day in store, 8 a day in the two weeks after.
     */
    public void aWeekPromotedAt20ADay(UUID account, LocalDate from) {
        sold(account, from.minusDays(56), 56, 10);
        sold(account, from, 7, 20);
        sold(account, from.plusDays(7), 14, 8);
    }

    /** Waits until the service holds this many units of the account. */
    public static void awaitUnits(JdbcClient jdbc, UUID account, long units) {
        Awaitility.await("sell-through of " + account).atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select coalesce(sum(units), 0) from sell_through_day where account_id = ?").param(account)
                .query(Long.class).single() == units);
    }
}
