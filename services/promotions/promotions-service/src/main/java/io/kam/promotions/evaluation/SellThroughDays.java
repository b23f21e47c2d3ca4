package io.kam.promotions.evaluation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.kam.sellthrough.api.SellThroughEvents.BatchIngested;
import io.kam.sellthrough.api.SellThroughEvents.RecordedLine;
import io.kam.sellthrough.api.SellThroughEvents.RestatedLine;
import io.kam.sellthrough.api.SellThroughEvents.SalesRecorded;
import io.kam.sellthrough.api.SellThroughEvents.SalesRestated;
import io.kam.sellthrough.api.SellThroughEvents.SellThroughEvent;

/**
 * Daily units and sales value per account, store code and GTIN: recorded lines add their figures, restated lines
 * their deltas (new minus replaced), so the sum equals what the sell-through service holds. Runs in the listener's
 * transaction after the platform recorded the event id, so a redelivered event is never added twice.
 */
@Component
class SellThroughDays {

    private static final String ADD = """
            insert into sell_through_day as d (account_id, store_code, gtin, day, units, sales)
            values (?, ?, ?, ?, ?, ?)
            on conflict (account_id, store_code, gtin, day) do update
            set units = d.units + excluded.units, sales = d.sales + excluded.sales""";

    private final JdbcClient jdbc;

    SellThroughDays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void apply(SellThroughEvent event) {
        switch (event) {
            case SalesRecorded e -> {
                for (RecordedLine line : e.lines()) {
                    add(e.accountId(), line.store(), line.gtin(), e.day(), line.units(), line.sales());
                }
            }
            case SalesRestated e -> {
                for (RestatedLine line : e.lines()) {
                    add(e.accountId(), line.store(), line.gtin(), e.day(), line.deltaUnits(), line.deltaSales());
                }
            }
            case BatchIngested e -> {
                // the batch's summary: nothing to add
            }
        }
    }

    private void add(UUID account, String store, String gtin, LocalDate day, long units, BigDecimal sales) {
        jdbc.sql(ADD).params(account, store, gtin, day, units, sales).update();
    }
}
