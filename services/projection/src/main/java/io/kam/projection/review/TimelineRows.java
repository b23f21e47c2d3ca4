package io.kam.projection.review;

import java.util.List;
import java.util.UUID;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface TimelineRows extends CrudRepository<TimelineRow, UUID> {

    /** Oldest first; changes reported at the same instant keep the order in which they were applied. */
    @Query("""
            select t.* from review_timeline t join review_event e on e.event_id = t.event_id
            where t.account_id = :accountId order by t.changed_at, e.seq""")
    List<TimelineRow> findTimeline(UUID accountId);
}
