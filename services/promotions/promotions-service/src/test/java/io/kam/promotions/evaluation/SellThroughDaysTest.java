package io.kam.promotions.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.kam.accounts.api.Region;
import io.kam.platform.testing.TopicWriter;
import io.kam.promotions.ServiceTest;
import io.kam.sellthrough.api.BatchSource;
import io.kam.sellthrough.api.IngestMode;
import io.kam.sellthrough.api.SellThroughEvents;
import io.kam.sellthrough.api.SellThroughEvents.BatchIngested;
import io.kam.sellthrough.api.SellThroughEvents.RecordedLine;
import io.kam.sellthrough.api.SellThroughEvents.RestatedLine;
import io.kam.sellthrough.api.SellThroughEvents.SalesRecorded;
import io.kam.sellthrough.api.SellThroughEvents.SalesRestated;
import io.kam.sellthrough.api.SellThroughEvents.SellThroughEvent;

class SellThroughDaysTest extends ServiceTest {

    private final TopicWriter<SellThroughEvent> sellThrough = TopicWriter.of(SellThroughEvents.CATALOG).as("connector");

    @Test
    void recordedLinesAreKeptPerStoreCodeGtinAndDayAndARestatementAddsItsDelta() {
        Chain chain = aChain(Region.EAST);
        UUID account = chain.id();
        LocalDate day = LocalDate.of(2027, 2, 1);
        String gtin = "0" + MILK;
        sellThrough.publish(new SalesRecorded(account, "b1", 1, day, "CNY", 15, new BigDecimal("345.00"), List.of(
                new RecordedLine("S1", gtin, 10, new BigDecimal("230.00"), null),
                new RecordedLine("S9", gtin, 5, new BigDecimal("115.00"), 3))));
        sellThrough.publish(new SalesRestated(account, "b2", 1, day, "CNY", -2, new BigDecimal("-46.00"), List.of(
                new RestatedLine("S1", gtin, 8, new BigDecimal("184.00"), null, -2, new BigDecimal("-46.00")))));
        sellThrough.publish(new BatchIngested(account, "b2", BatchSource.PUSH, null, IngestMode.values()[0], 1, 0, 1,
                0, 0, 1, day, day, "CNY", -2, new BigDecimal("-46.00")));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select units from sell_through_day where account_id = ? and store_code = 'S1'").param(account)
                .query(Long.class).optional().orElse(0L) == 8);
        assertThat(jdbc.sql("select sales from sell_through_day where account_id = ? and store_code = 'S1'")
                .param(account).query(BigDecimal.class).single()).isEqualByComparingTo("184.00");
        assertThat(jdbc.sql("select units from sell_through_day where account_id = ? and store_code = 'S9'")
                .param(account).query(Long.class).single()).as("a store not known yet is kept by its code").isEqualTo(5);
    }
}
