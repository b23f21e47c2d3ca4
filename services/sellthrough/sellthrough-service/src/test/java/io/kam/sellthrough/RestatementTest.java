package io.kam.sellthrough;

import static io.kam.sellthrough.Rows.HEADER;
import static io.kam.sellthrough.Rows.gtin;
import static io.kam.sellthrough.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.kam.accounts.api.Region;
import io.kam.platform.events.EventEnvelope;
import io.kam.platform.testing.TestTokens;
import io.kam.sellthrough.Uploads.Response;
import io.kam.sellthrough.api.SellThroughEvents;
import io.kam.sellthrough.api.SellThroughEvents.RestatedLine;
import io.kam.sellthrough.api.SellThroughEvents.SalesRestated;

/** A later row for the same store, GTIN and day replaces the earlier one, and the correction is published as a delta. */
class RestatementTest extends ServiceTest {

    @Test
    void aLaterRowReplacesTheEarlierOneAndItsDeltaIsPublished() {
        UUID account = retailers.open(Region.EAST, "S1");
        String nora = TestTokens.nora();
        uploads.csv(nora, "batchId=first-" + account + "&account=" + account, HEADER
                + row("S1", 1, "2026-03-14", 10, "100.00", 5) + row("S1", 2, "2026-03-14", 3, "30.00", null)
                + row("S1", 3, "2026-03-14", 1, "1.00", null));

        Response second = uploads.csv(nora, "batchId=second-" + account + "&account=" + account, HEADER
                + row("S1", 1, "2026-03-14", 12, "120.50", 4) + row("S1", 2, "2026-03-14", 3, "30.00", null)
                + row("S1", 4, "2026-03-14", 2, "2.00", null) + row("S1", 3, "2026-03-14", 1, "1.00", 7));

        assertThat(List.of(second.number("recorded"), second.number("restated"), second.number("unchanged")))
                .containsExactly(1L, 2L, 1L);
        assertThat(figures(account)).containsValues("12 120.50 4", "3 30.00 null", "1 1.00 7", "2 2.00 null");
        var events = awaitEvents(account, e -> e.stream().anyMatch(ev -> ev.type().equals("kam.sellthrough.batch-ingested")
                && ev.data().path("batchId").asString().equals("second-" + account)));
        SalesRestated restated = events.stream().filter(e -> e.type().equals("kam.sellthrough.restated"))
                .map(e -> (SalesRestated) CODEC.payload(SellThroughEvents.CATALOG, e)).findFirst().orElseThrow();
        assertThat(restated.lines()).containsExactly(
                new RestatedLine("S1", "0" + gtin(1), 12, new BigDecimal("120.50"), 4, 2, new BigDecimal("20.50")),
                new RestatedLine("S1", "0" + gtin(3), 1, new BigDecimal("1.00"), 7, 0, new BigDecimal("0.00")));
        assertThat(restated.deltaUnits()).isEqualTo(2);
        assertThat(restated.deltaSales()).isEqualTo(new BigDecimal("20.50"));
        EventEnvelope ingested = events.getLast();
        assertThat(ingested.data().path("deltaUnits").asLong()).as("+2 restated, +2 recorded").isEqualTo(4);
        assertThat(ingested.data().path("deltaSales").decimalValue()).isEqualByComparingTo("22.50");
    }
}
