package io.kam.projection.tradespend;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.kam.platform.consumer.IdempotentProcessor;

/** Empties the trade-spend tables together with the record of what was processed, so that a replay applies everything. */
@Component
public class TradeSpendTables {

    private final JdbcClient jdbc;
    private final IdempotentProcessor processor;

    TradeSpendTables(JdbcClient jdbc, IdempotentProcessor processor) {
        this.jdbc = jdbc;
        this.processor = processor;
    }

    /** Joins the caller's transaction, so that a rebuild empties every table at once. */
    @Transactional
    public void clear() {
        jdbc.sql("""
                truncate negotiation_event, negotiation, negotiation_round, negotiation_give, agreement_version,
                    agreement_term""").update();
        processor.forget(NegotiationsListener.CONSUMER);
    }
}
