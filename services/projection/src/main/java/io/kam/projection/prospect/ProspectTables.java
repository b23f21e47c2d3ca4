package io.kam.projection.prospect;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.kam.platform.consumer.IdempotentProcessor;

/** Empties the pipeline tables together with the record of what was processed, so that a replay applies everything. */
@Component
public class ProspectTables {

    private final JdbcClient jdbc;
    private final IdempotentProcessor processor;

    ProspectTables(JdbcClient jdbc, IdempotentProcessor processor) {
        this.jdbc = jdbc;
        this.processor = processor;
    }

    /** Joins the caller's transaction, so that a rebuild empties every table at once. */
    @Transactional
    public void clear() {
        jdbc.sql("truncate prospect, prospect_stage_stay").update();
        processor.forget(ProspectsListener.CONSUMER);
    }
}
